import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localBackup, runCli, storageFlags } from '../helpers/cli-run.js';
import { createBucket } from '../helpers/s3.js';

/**
 * Names a volume can hold, through the shipped CLI against Ceph: a name with a newline cannot
 * forge a line of `ls`, `find` or `diff`; a `dump` whose argument reads as two Latin-1 names
 * refuses rather than writing the first one as "matched".
 */

// a name cannot hold "/": the forged owner column is 0∕0 (U+2215, the division slash), as ls shows it
const FORGED = '-rw-r--r--       0\u22150            5 2026-01-01 00:00:00 fake.txt';
const EVIL = `evil\n${FORGED}`;
const state = { bucket: '', volume: '' };
afterAll(() => rmSync(state.volume, { recursive: true, force: true }));

beforeAll(async () => {
  state.volume = mkdtempSync(join(tmpdir(), 'lifeboat-names-'));
  const v = join(state.volume, 'vol');
  mkdirSync(v);
  writeFileSync(join(v, 'plain.txt'), 'plain');
  state.bucket = await createBucket();
  const first = await runCli(localBackup(v, 'names', state.bucket));
  expect(first.code, first.stderr).toBe(0);
  writeFileSync(join(v, EVIL), 'x');
  writeFileSync(Buffer.concat([Buffer.from(`${v}/`), Buffer.from('caf\xe9.txt', 'latin1')]), 'L');
  writeFileSync(Buffer.concat([Buffer.from(`${v}/`), Buffer.from('caf\xe8.txt', 'latin1')]), 'M');
  const second = await runCli(localBackup(v, 'names', state.bucket));
  expect(second.code, second.stderr).toBe(0);
});

const flags = () => ['--target', 'names', ...storageFlags(state.bucket)];

describe('a name with a newline in ls, find and diff', () => {
  it('ls prints it quoted on one line; no line of the listing is the forged one', async () => {
    const r = await runCli(['ls', ...flags()]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.some((l) => l.endsWith(` ${JSON.stringify(EVIL)}`))).toBe(true);
    expect(lines).not.toContain(FORGED);
    expect(lines.filter((l) => l.includes('fake.txt'))).toHaveLength(1);
  });

  it('find and diff print it quoted on one line', async () => {
    const f = await runCli(['find', 'evil*', ...flags()]);
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).toContain(JSON.stringify(EVIL));
    expect(f.stdout.split('\n')).not.toContain(FORGED);
    const d = await runCli(['diff', ...flags()]);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toContain(`+ ${JSON.stringify(EVIL)}`);
    expect(d.stdout.split('\n').filter((l) => l.includes('fake.txt'))).toHaveLength(1);
  });
});

describe('dump of a name that is not UTF-8', () => {
  it('an argument that reads as two Latin-1 names exits 2 naming both; a plain name is dumped', async () => {
    // what Node gives lifeboat for `dump $'caf\xe8.txt'`: the UTF-8 reading, U+FFFD for the byte
    const r = await runCli(['dump', ...flags(), 'caf\ufffd.txt']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(
      /reads the same as 2 members .*"caf\\xe[89]\.txt", "caf\\xe[89]\.txt".*nothing was written/,
    );
    expect([r.stdout, r.stderr.includes(`--include 'caf?.txt'`)]).toEqual(['', true]);
    const ok = await runCli(['dump', ...flags(), 'plain.txt']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toBe('plain');
  });
});

describe('a glob whose braces expand past the limit', () => {
  it('restore --include and find exit 2 at once with one line, nothing downloaded or written', async () => {
    const bomb = '{a,b}'.repeat(20);
    const to = join(state.volume, 'restored');
    const r = await runCli(['restore', ...flags(), '--to', to, '--include', bomb]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/--include "\{a,b\}.*" expands to more than 256 patterns/);
    expect(r.stderr).not.toMatch(/Restoring/);
    expect(existsSync(to)).toBe(false);
    const f = await runCli(['find', ...flags(), bomb]);
    expect(f.code, f.stderr).toBe(2);
  });
});
