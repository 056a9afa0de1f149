import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, storageFlags } from '../helpers/cli-run.js';
import { createBucket, listKeys, testClient } from '../helpers/s3.js';

/**
 * dump through the shipped CLI against Ceph: a folder (or a symlink) is refused from the index
 * before the archive is downloaded; without an index, the walk refuses it and prints no restore
 * timing; the timing of a dump that ran is of the restored bytes; a size "none" compressed is said
 * "not compressed".
 */

const state = { bucket: '', root: '' };
afterAll(() => rmSync(state.root, { recursive: true, force: true }));

/** 256 KiB of text that gzip makes small: the stored archive is a fraction of what it restores. */
const TEXT = 'lifeboat keeps small production apps recoverable\n'.repeat(5350);

async function backupOf(target: string, compression: string) {
  const run = await runCli([
    'backup',
    '--local',
    '--path',
    join(state.root, 'vol'),
    '--target',
    target,
    '--compression',
    compression,
    ...storageFlags(state.bucket),
  ]);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

/** Every version of the objects under `prefix` whose key ends with `suffix`, gone for good. */
async function removeAll(prefix: string, suffix: string): Promise<void> {
  const out = await testClient().send(
    new ListObjectVersionsCommand({ Bucket: state.bucket, Prefix: prefix }),
  );
  for (const v of [...(out.Versions ?? []), ...(out.DeleteMarkers ?? [])]) {
    if (!v.Key?.endsWith(suffix)) continue;
    await testClient().send(
      new DeleteObjectCommand({ Bucket: state.bucket, Key: v.Key, VersionId: v.VersionId }),
    );
  }
}

const dump = (target: string, path: string) =>
  runCli(['dump', '--target', target, ...storageFlags(state.bucket), path]);

beforeAll(async () => {
  state.root = mkdtempSync(join(tmpdir(), 'lifeboat-dump-'));
  const v = join(state.root, 'vol');
  mkdirSync(join(v, 'uploads'), { recursive: true });
  writeFileSync(join(v, 'uploads/notes.txt'), TEXT);
  symlinkSync('uploads/notes.txt', join(v, 'current'));
  state.bucket = await createBucket();
});

describe('lifeboat dump', () => {
  it('refuses a folder or a symlink from the index, without downloading the archive', async () => {
    const b = await backupOf('indexed', 'gzip');
    expect(b.stdout).toMatch(/^size +\d+(\.\d+)? KiB gzip$/m);
    // the archive is gone: only the index can answer
    await removeAll('lifeboat/indexed/', '/archive.tar.gz');
    const folder = await dump('indexed', 'uploads/');
    expect(folder.code, folder.stderr).toBe(2);
    expect(folder.stderr).toMatch(
      /"uploads" is a folder in snapshot \d{8}T\d{6}Z, and dump writes one file: restore the folder with lifeboat restore --include 'uploads' --to DIR\./,
    );
    expect(folder.stderr).not.toMatch(/restore of|Restoring|does not exist/);
    expect(folder.stdout).toBe('');
    const link = await dump('indexed', 'current');
    expect(link.code, link.stderr).toBe(2);
    expect(link.stderr).toContain('"current" is a symlink in snapshot');
    expect(link.stderr).toContain('to "uploads/notes.txt": dump the file it points to.');
  });

  it('without an index, the walk refuses a folder and prints no restore timing; a file dumped says the restored size and rate', async () => {
    const b = await backupOf('plain', 'gzip');
    expect(b.code).toBe(0);
    await removeAll('lifeboat/plain/', '/index.jsonl.gz');
    const folder = await dump('plain', 'uploads');
    expect(folder.code, folder.stderr).toBe(2);
    expect(folder.stderr).toContain('"uploads" is a folder in snapshot');
    expect(folder.stderr).not.toContain('restore of');

    const file = await dump('plain', 'uploads/notes.txt');
    expect(file.code, file.stderr).toBe(0);
    expect(file.stdout).toBe(TEXT);
    // "restore of 260.00 KiB (1.20 KiB stored) took 0.05 s (5.3 MB/s)": the tar's bytes, and their rate
    const m = /restore of ([\d.]+) KiB \(([\d.]+) (KiB|B) stored\) took ([\d.]+) s \(([\d.]+) MB\/s\)/.exec(
      file.stderr,
    );
    expect(m, file.stderr).not.toBeNull();
    const [restoredKib, stored, unit, seconds, rate] = [
      Number(m![1]),
      Number(m![2]),
      m![3],
      Number(m![4]),
      Number(m![5]),
    ];
    expect(restoredKib * 1024).toBeGreaterThan(TEXT.length);
    expect(unit === 'B' ? stored : stored * 1024).toBeLessThan(TEXT.length / 10);
    if (seconds >= 0.05) expect(rate).toBeCloseTo((restoredKib * 1024) / seconds / 1e6, 0);
  });

  it('says a snapshot stored without compression is "not compressed", never "none"', async () => {
    const b = await backupOf('bare', 'none');
    expect(b.stdout).toMatch(/^size +\d+(\.\d+)? KiB not compressed$/m);
    const file = await dump('bare', 'uploads/notes.txt');
    expect(file.code, file.stderr).toBe(0);
    expect(file.stderr).toMatch(
      /verifying snapshot \d{8}T\d{6}Z of bare \(id \d{8}T\d{6}Z\), [\d.]+ KiB not compressed/,
    );
    expect(`${b.stdout}${file.stderr}`).not.toMatch(/(B|iB) none\b|complete none tar/);
    expect(file.stderr).toContain('pass: archive structure: complete tar, not compressed');
    expect(await listKeys(state.bucket, 'lifeboat/bare/')).toEqual(
      expect.arrayContaining([expect.stringMatching(/archive\.tar$/)]),
    );
  });
});
