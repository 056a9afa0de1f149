import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveInspector } from '../../src/archive/archive-inspector.js';
import { SafeExtractor, UnsafeEntryError } from '../../src/restore/safe-extractor.js';
import { tarOf, type Member as HandMember } from '../helpers/tar-members.js';

/**
 * The member rules of the safe extractor, over archives made by hand: a symlink is data and is
 * restored verbatim whatever its target; nothing is ever written through one, however the chain
 * of links reads lexically; folders deeper than PATH_MAX restore. The end-to-end round trip of
 * real trees is test/e2e/round-trip.test.ts.
 */

type Member = HandMember;

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'lb-extract-'));
  made.push(d);
  return d;
}

/**
 * Walks `members` into a new holding directory beside a folder `outside` that holds one file,
 * `secret`; the walk's error, if any.
 */
async function extract(members: Member[] | ((outside: string) => Member[]), withExtractor = true) {
  const base = temp();
  const holding = join(base, 'holding');
  const outside = join(base, 'outside');
  for (const d of [holding, outside]) mkdirSync(d);
  writeFileSync(join(outside, 'secret'), 'outside');
  const extractor = new SafeExtractor(holding);
  const inspector = new ArchiveInspector('none', withExtractor ? { onEntry: extractor.handle } : {});
  inspector.input.end(await tarOf(typeof members === 'function' ? members(outside) : members));
  let error: unknown;
  try {
    await inspector.result;
    await extractor.finish();
  } catch (err) {
    error = err;
  }
  return { base, holding, outside, error, extractor };
}

const dir = (name: string): Member => ({ header: { name, type: 'directory', mode: 0o755 } });
const file = (name: string, body = 'x'): Member => ({ header: { name, mode: 0o644 }, body });
const symlink = (name: string, linkname: string): Member => ({ header: { name, type: 'symlink', linkname } });
const hardlink = (name: string, linkname: string): Member => ({ header: { name, type: 'link', linkname } });

describe('safe extractor: a symlink is data, never a way through', () => {
  it('symlinks out of the tree (absolute, past the root) are restored verbatim', async () => {
    const { holding, error } = await extract([
      dir('./'),
      symlink('./hostname', '/etc/hostname'),
      symlink('./config', '../../shared/config'),
      symlink('./dot', '.'),
    ]);
    expect(error).toBeUndefined();
    expect(readlinkSync(join(holding, 'hostname'))).toBe('/etc/hostname');
    expect(readlinkSync(join(holding, 'config'))).toBe('../../shared/config');
    expect(readlinkSync(join(holding, 'dot'))).toBe('.');
  });

  it.each([
    {
      name: 'a file through an absolute symlink to a folder outside',
      members: (outside: string) => [symlink('./l', outside), file('./l/pwned.txt')],
      message: /"\.\/l\/pwned\.txt" was refused: its path passes through the symlink "l"/,
    },
    {
      name: 'a chain that stays inside lexically but leads outside physically (d/up -> .., m -> d/up/..)',
      members: () => [dir('./d'), symlink('./d/up', '..'), symlink('./m', 'd/up/..'), file('./m/escape.txt')],
      message: /"\.\/m\/escape\.txt" was refused: its path passes through the symlink "m"/,
    },
    {
      name: 'a folder member through a link that points at a real folder inside',
      members: () => [dir('./real'), symlink('./link', 'real'), dir('./link/sub')],
      message: /"\.\/link\/sub" was refused: its path passes through the symlink "link"/,
    },
    {
      name: 'a folder member over a symlink of the same name',
      members: (outside: string) => [symlink('./l', outside), dir('./l')],
      message: /"\.\/l" was refused: the archive holds it twice/,
    },
    {
      name: 'a hard link through a symlink to a file outside',
      members: (outside: string) => [symlink('./l', outside), hardlink('./h', './l/secret')],
      message:
        /"\.\/h" was refused: it is a hardlink to "\.\/l\/secret", which is not a file extracted before it/,
    },
    {
      name: 'a file over a symlink of the same name',
      members: (outside: string) => [symlink('./l', join(outside, 'f')), file('./l')],
      message: /"\.\/l" was refused: the archive holds it twice/,
    },
    {
      name: 'a file where a folder was made for an earlier member',
      members: () => [file('./a/b'), file('./a')],
      message: /"\.\/a" was refused: a folder of that name was already written/,
    },
  ])('refused: $name; nothing is written outside', async ({ members, message }) => {
    const r = await extract(members);
    expect(r.error).toBeInstanceOf(UnsafeEntryError);
    expect((r.error as Error).message).toMatch(message);
    expect(readdirSync(r.outside)).toEqual(['secret']);
    expect(readFileSync(join(r.outside, 'secret'), 'utf8')).toBe('outside');
    expect(readdirSync(r.base).sort()).toEqual(['holding', 'outside']);
  });

  it('a hard link to a symlink this restore wrote is a second name of that symlink', async () => {
    const { holding, error } = await extract([symlink('./s', '/etc/hostname'), hardlink('./s2', './s')]);
    expect(error).toBeUndefined();
    expect(lstatSync(join(holding, 's2')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(holding, 's2')).ino).toBe(lstatSync(join(holding, 's')).ino);
  });
});

describe('safe extractor: every kind restored, at any depth', () => {
  it('a FIFO is restored as a FIFO with its mode and mtime; a device node is refused', async () => {
    const mtime = new Date('2026-10-01T12:34:56Z');
    const ok = await extract([{ header: { name: './run/app.fifo', type: 'fifo', mode: 0o640, mtime } }]);
    expect(ok.error).toBeUndefined();
    const st = lstatSync(join(ok.holding, 'run/app.fifo'));
    expect(st.isFIFO()).toBe(true);
    expect(st.mode & 0o7777).toBe(0o640);
    expect(st.mtimeMs).toBe(mtime.getTime());
    // no temporary name is left beside it
    expect(readdirSync(join(ok.holding, 'run'))).toEqual(['app.fifo']);

    const dev = await extract([
      { header: { name: './null', type: 'character-device', devmajor: 1, devminor: 3 } },
    ]);
    expect((dev.error as Error).message).toMatch(/"\.\/null" was refused: it is a character-device/);
  });

  it('the inspector alone (a backup) refuses a device node, so it is never stored as good', async () => {
    const r = await extract(
      [file('./a'), { header: { name: './disk', type: 'block-device', devmajor: 8, devminor: 0 } }],
      false,
    );
    expect(r.error).toBeInstanceOf(UnsafeEntryError);
    expect((r.error as Error).message).toMatch(/"\.\/disk" was refused: it is a block-device/);
  });

  it('folders past PATH_MAX: 30 levels of 200 bytes, a file, a symlink and a hard link at the bottom', async () => {
    const deep = Array.from({ length: 30 }, (_, i) => `${i}`.padStart(200, 'd')).join('/');
    const r = await extract([
      file('./top.txt', 'top'),
      file(`./${deep}/leaf.txt`, 'leaf'),
      symlink(`./${deep}/up`, '../'.repeat(30)),
      hardlink(`./${deep}/top-again`, './top.txt'),
    ]);
    expect(r.error).toBeUndefined();
    expect(Buffer.byteLength(deep)).toBeGreaterThan(4096);
    const written = r.extractor.written;
    expect(written.get(`${deep}/leaf.txt`)).toBe('file');
    expect(written.get(`${deep}/up`)).toBe('symlink');
    expect(written.get(`${deep}/top-again`)).toBe('link');
    expect(lstatSync(join(r.holding, 'top.txt')).nlink).toBe(2);
  });
});

/**
 * A file is created with its own mode where the umask keeps every bit of it, and its owner is set
 * only when the one it got at creation differs: what it ends with is the archive's either way.
 */
describe('safe extractor: modes and owners as the archive says, however few calls make them', () => {
  it('modes the umask would cut, a read-only file and the sticky bit are kept, with their bytes', async () => {
    const { holding, error } = await extract([
      dir('./'),
      { header: { name: './shared', mode: 0o666 }, body: 'rw for all' },
      { header: { name: './readonly', mode: 0o444 }, body: 'read only' },
      { header: { name: './private', mode: 0o600 }, body: 'mine' },
      { header: { name: './sticky', mode: 0o1755 }, body: 'sticky' },
    ]);
    expect(error).toBeUndefined();
    const modes = Object.fromEntries(
      ['shared', 'readonly', 'private', 'sticky'].map((n) => [
        n,
        (lstatSync(join(holding, n)).mode & 0o7777).toString(8),
      ]),
    );
    expect(modes).toEqual({ shared: '666', readonly: '444', private: '600', sticky: '1755' });
    expect(readFileSync(join(holding, 'readonly'), 'utf8')).toBe('read only');
  });

  it.runIf(process.getuid?.() === 0)(
    'in a setgid holding directory, a file owned by root:root stays root:root (the folder gives new files its group)',
    async () => {
      const { chmodSync, chownSync } = await import('node:fs');
      const base = temp();
      const holding = join(base, 'holding');
      mkdirSync(holding);
      chownSync(holding, 0, 4242);
      chmodSync(holding, 0o2700);
      const extractor = new SafeExtractor(holding);
      const inspector = new ArchiveInspector('none', { onEntry: extractor.handle });
      inspector.input.end(
        await tarOf([
          { header: { name: './root-owned', mode: 0o644, uid: 0, gid: 0 }, body: 'a' },
          { header: { name: './app-owned', mode: 0o640, uid: 1234, gid: 4242 }, body: 'b' },
          { header: { name: './sub/root-too', mode: 0o644, uid: 0, gid: 0 }, body: 'c' },
        ]),
      );
      await inspector.result;
      await extractor.finish();
      const owner = (n: string) => {
        const st = lstatSync(join(holding, n));
        return `${st.uid}:${st.gid} ${(st.mode & 0o7777).toString(8)}`;
      };
      expect(owner('root-owned')).toBe('0:0 644');
      expect(owner('app-owned')).toBe('1234:4242 640');
      expect(owner('sub/root-too')).toBe('0:0 644');
    },
  );
});
