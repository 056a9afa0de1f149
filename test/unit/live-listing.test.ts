import {
  chmodSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entryKey, type IndexEntry } from '../../src/catalog/snapshot-index.js';
import { buildLiveListingScript, listLiveTree } from '../../src/restore/live-listing.js';
import type { ArchiveSource } from '../../src/sources/archive-source.js';
import { spawnStreaming } from '../../src/util/process.js';

/**
 * The live listing of a machine's tree (restore/live-listing.ts), run by real shells and tools:
 * GNU find (-printf) and busybox's find and stat (no -printf), on names with spaces, newlines and
 * bytes that are not UTF-8, a symlink, a hard link; lifeboat's own folders left out.
 */

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A machine whose sh is `shell` (with busybox: busybox's find and stat, as on a busybox image). */
function machine(shell: string[]): ArchiveSource {
  return {
    label: 'test',
    description: { kind: 'local' },
    preflight: () => Promise.resolve({}),
    start(script) {
      const proc = spawnStreaming(shell[0]!, [...shell.slice(1), '-c', script]);
      proc.stdin.end();
      return proc;
    },
  };
}

const T = new Date('2026-11-20T10:00:00Z');
const LATIN1 = Buffer.from('caf\xe9 \n x.txt', 'latin1');

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'lb-live-'));
  made.push(root);
  mkdirSync(join(root, 'a/b'), { recursive: true });
  writeFileSync(join(root, 'a/b/deep file.txt'), 'deep\n');
  writeFileSync(Buffer.concat([Buffer.from(`${root}/`), LATIN1]), 'latin-1\n');
  chmodSync(join(root, 'a/b/deep file.txt'), 0o640);
  utimesSync(join(root, 'a/b/deep file.txt'), T, T);
  symlinkSync('a/b/deep file.txt', join(root, 'current'));
  linkSync(join(root, 'a/b/deep file.txt'), join(root, 'a/hard.txt'));
  mkdirSync(join(root, '.lifeboat-restore/x'), { recursive: true });
  mkdirSync(join(root, '.lifeboat-pre-restore-20261101T000000Z'));
  writeFileSync(join(root, '.lifeboat-pre-restore-20261101T000000Z/kept.txt'), 'aside\n');
  return root;
}

async function list(source: ArchiveSource, path: string): Promise<IndexEntry[]> {
  const out: IndexEntry[] = [];
  for await (const e of listLiveTree(source, path)) out.push(e);
  return out;
}

const summary = (entries: IndexEntry[]) =>
  Object.fromEntries(
    entries.map((e) => [
      entryKey(e),
      [e.type, e.size, (e.mode & 0o7777).toString(8), e.linkBytes?.toString('latin1') ?? null],
    ]),
  );

describe('listLiveTree', () => {
  it('the script has no single quote (flyctl splits the command into words)', () => {
    expect(buildLiveListingScript("/data/it's")).not.toContain("'");
  });

  it.each([
    ['GNU find', ['sh'], true],
    ['busybox find and stat', ['busybox', 'sh'], false],
  ] as const)('%s: every path with type, size, mode, link; name bytes kept', async (_n, shell, links) => {
    const root = tree();
    const entries = await list(machine([...shell]), root);
    const hard = entries.find((e) => e.type === 'link')!;
    const first = hard.linkBytes!.toString('latin1');
    expect(summary(entries)).toEqual({
      '.': ['directory', 0, expect.any(String), null],
      a: ['directory', 0, expect.any(String), null],
      'a/b': ['directory', 0, expect.any(String), null],
      [first.slice(2)]: ['file', 5, '640', null],
      [hard.pathBytes.toString('latin1').slice(2)]: ['link', 0, '640', first],
      [LATIN1.toString('latin1')]: ['file', 8, expect.any(String), null],
      current: ['symlink', 0, '777', links ? 'a/b/deep file.txt' : null],
    });
    expect([first, hard.pathBytes.toString('latin1')].sort()).toEqual([
      './a/b/deep file.txt',
      './a/hard.txt',
    ]);
    const deep = entries.find((e) => e.type === 'file' && e.size === 5)!;
    expect(deep.mtime.toISOString()).toBe(T.toISOString());
  });

  it.each([
    ['GNU find', ['sh']],
    ['busybox find and stat', ['busybox', 'sh']],
  ] as const)('%s: a name holding a newline and then a record is one entry', async (_n, shell) => {
    const root = mkdtempSync(join(tmpdir(), 'lb-live-'));
    made.push(root);
    // after the newline, what busybox stat -c prints for a file (mode, size, mtime, ids, inode, links, name ".")
    const forged = 'x.txt\n81a4 5 1700000000 0 0 1:2 1 .';
    writeFileSync(join(root, forged), 'x\n');
    writeFileSync(join(root, 'y.txt'), 'y\n');
    const entries = await list(machine([...shell]), root);
    expect(entries.map((e) => [e.pathBytes.toString('latin1'), e.type, e.size]).sort()).toEqual([
      ['.', 'directory', 0],
      [`./${forged}`, 'file', 2],
      ['./y.txt', 'file', 2],
    ]);
  });

  it('a path that is not there, and a machine without find, are LiveListingErrors', async () => {
    await expect(list(machine(['sh']), '/nonexistent/lb')).rejects.toThrow('is not a folder on the machine');
    const noFind = machine(['env', 'PATH=/nonexistent', '/bin/sh']);
    await expect(list(noFind, tmpdir())).rejects.toThrow('the machine has no find');
  });
});
