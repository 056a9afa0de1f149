import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveInspector, type TarHeader } from '../../src/archive/archive-inspector.js';
import { MemberSelection } from '../../src/restore/member-selection.js';
import { SafeExtractor, UnsafeEntryError } from '../../src/restore/safe-extractor.js';
import { buildSelectiveSwapScript } from '../../src/restore/remote-swap.js';
import { causeChain, ConfigurationError } from '../../src/util/errors.js';
import { tarOf, type Member } from '../helpers/tar-members.js';

/**
 * restore --include / --exclude (restore/member-selection.ts): which members are written, over
 * archives made by hand and walked by the real inspector, in front of the real SafeExtractor. The
 * end-to-end restore through the CLI bundle is test/e2e/restore-include.test.ts.
 */

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

const dir = (name: string, mode = 0o755): Member => ({ header: { name, type: 'directory', mode } });
const file = (name: string, body = name): Member => ({ header: { name, mode: 0o644 }, body });
const symlink = (name: string, linkname: string): Member => ({ header: { name, type: 'symlink', linkname } });
const hardlink = (name: string, linkname: string): Member => ({ header: { name, type: 'link', linkname } });

/** A volume as GNU tar lists one: folders before their contents. */
const VOLUME: Member[] = [
  dir('./'),
  dir('./uploads/', 0o750),
  dir('./uploads/2024/', 0o711),
  file('./uploads/2024/a.png'),
  file('./uploads/2024/b c.png'),
  dir('./uploads/cache/'),
  file('./uploads/cache/tmp'),
  file('./uploads/é.txt'),
  dir('./config/'),
  file('./config/app.toml'),
  symlink('./current', 'uploads/2024'),
  file('./db.sqlite3'),
];

/** Walks `members` through the selection into a SafeExtractor in a new folder. */
async function restoreSelected(members: Member[], include: string[], exclude: string[] = []) {
  const holding = mkdtempSync(join(tmpdir(), 'lb-select-'));
  made.push(holding);
  const selection = new MemberSelection(include, exclude);
  const pass = selection.pass();
  const extractor = new SafeExtractor(holding);
  const inspector = new ArchiveInspector('none', { onEntry: pass.handler(extractor.handle) });
  inspector.input.end(await tarOf(members));
  let error: unknown;
  try {
    await inspector.result;
    await extractor.finish();
  } catch (err) {
    error = err;
  }
  return { holding, pass, error, written: [...extractor.written.keys()].sort() };
}

describe('MemberSelection: globs on the path inside the volume', () => {
  it.each([
    // [include, exclude, path, selected]
    [['uploads/**'], [], 'uploads/2024/a.png', true],
    [['uploads/**'], [], 'uploads', true],
    [['uploads/*'], [], 'uploads', false],
    [['uploads/**'], [], 'config/app.toml', false],
    // a pattern that matches a folder matches what is in it (restic)
    [['uploads'], [], 'uploads/2024/a.png', true],
    [['uploads/2024'], [], 'uploads/2024/b c.png', true],
    [['uploads/2024'], [], 'uploads/é.txt', false],
    // anchored at the volume root; "./", "/" and a trailing "/" are the same pattern
    [['a.png'], [], 'uploads/2024/a.png', false],
    [['**/a.png'], [], 'uploads/2024/a.png', true],
    [['/uploads/'], [], 'uploads/x', true],
    [['./uploads'], [], 'uploads/x', true],
    // dot files match
    [['*'], [], '.env', true],
    // exclude alone: everything but what it matches, folders with their contents
    [[], ['uploads/cache'], 'uploads/cache/tmp', false],
    [[], ['uploads/cache'], 'uploads/2024/a.png', true],
    [['uploads/**'], ['**/*.png'], 'uploads/2024/a.png', false],
    [['uploads/**'], ['**/*.png'], 'uploads/é.txt', true],
    // unicode names and spaces are matched as the text they are
    [['uploads/é.txt'], [], 'uploads/é.txt', true],
    [['uploads/2024/b c.png'], [], 'uploads/2024/b c.png', true],
    // a name that is not UTF-8 reads with U+FFFD: a wildcard matches it
    [['uploads/caf?'], [], 'uploads/caf\uFFFD', true],
  ] as const)('include %j exclude %j: %s -> %s', (include, exclude, path, selected) => {
    expect(new MemberSelection(include, exclude).selects(path)).toBe(selected);
  });

  it('the volume root itself is never selected by a pattern (its mode and time always pass)', () => {
    expect(new MemberSelection(['**'], []).selects('')).toBe(false);
  });
});

describe('SelectionPass in front of the SafeExtractor', () => {
  it("--include 'uploads/**' writes exactly uploads and its contents, folders with their own modes", async () => {
    const { holding, error, written, pass } = await restoreSelected(VOLUME, ['uploads/**']);
    expect(error).toBeUndefined();
    expect(written).toEqual([
      'uploads',
      'uploads/2024',
      'uploads/2024/a.png',
      'uploads/2024/b c.png',
      'uploads/cache',
      'uploads/cache/tmp',
      'uploads/é.txt',
    ]);
    expect(readdirSync(holding).sort()).toEqual(['uploads']);
    expect(readFileSync(join(holding, 'uploads/2024/b c.png'), 'utf8')).toBe('./uploads/2024/b c.png');
    // "uploads/**" is the folder too (restic): it comes with the archive's mode, not one made up
    expect(lstatSync(join(holding, 'uploads')).mode & 0o777).toBe(0o750);
    expect(lstatSync(join(holding, 'uploads/2024')).mode & 0o777).toBe(0o711);
    expect(pass.unmatched()).toEqual([]);
    expect(pass.roots).toEqual(['uploads']);
  });

  it('a deeper include creates the parent folders of what it matches, with their archived modes', async () => {
    const { holding, error, written, pass } = await restoreSelected(VOLUME, ['uploads/2024/a.png']);
    expect(error).toBeUndefined();
    expect(written).toEqual(['uploads', 'uploads/2024', 'uploads/2024/a.png']);
    expect(lstatSync(join(holding, 'uploads/2024')).mode & 0o777).toBe(0o711);
    expect(pass.roots).toEqual(['uploads/2024/a.png']);
  });

  it('--exclude leaves out what it matches and the contents of a folder it matches', async () => {
    const { written, error } = await restoreSelected(VOLUME, [], ['uploads/cache', '*.sqlite3']);
    expect(error).toBeUndefined();
    expect(written).not.toContain('uploads/cache');
    expect(written).not.toContain('uploads/cache/tmp');
    expect(written).not.toContain('db.sqlite3');
    expect(written).toContain('uploads/2024/a.png');
    expect(written).toContain('current');
  });

  it('a symlink is restored verbatim when selected, and a selected member under a skipped symlink is a real folder', async () => {
    const { holding, error } = await restoreSelected(VOLUME, ['current']);
    expect(error).toBeUndefined();
    expect(readlinkSync(join(holding, 'current'))).toBe('uploads/2024');
  });

  it('an include that matches nothing is reported, the others are not', async () => {
    const { pass } = await restoreSelected(VOLUME, ['uploads/**', 'nope/**', '/data/db.sqlite3']);
    expect(pass.unmatched()).toEqual(['nope/**', 'data/db.sqlite3']);
  });

  it('a selected hard link to a member left out stops the restore with a ConfigurationError naming both', async () => {
    const { error } = await restoreSelected(
      [dir('./'), dir('./a/'), file('./a/orig'), dir('./b/'), hardlink('./b/copy', './a/orig')],
      ['b/**'],
    );
    // the inspector reports the handler's error as its cause; runVerify classifies by the chain
    const config = causeChain(error).find((e) => e instanceof ConfigurationError) as Error;
    expect(config.message).toContain('"b/copy" is a hard link to "a/orig"');
    expect(config.message).toContain(`--include 'a/orig'`);
  });

  it('a hard link whose target is selected too is restored as a link', async () => {
    const { holding, error } = await restoreSelected(
      [dir('./'), dir('./a/'), file('./a/orig'), dir('./b/'), hardlink('./b/copy', './a/orig')],
      ['a/**', 'b/**'],
    );
    expect(error).toBeUndefined();
    expect(lstatSync(join(holding, 'b/copy')).ino).toBe(lstatSync(join(holding, 'a/orig')).ino);
  });

  it('an unsafe name refuses the archive even when it is not selected', async () => {
    const { error, holding } = await restoreSelected(
      [dir('./'), file('./uploads/a'), file('../escape')],
      ['uploads/**'],
    );
    expect(error).toBeInstanceOf(UnsafeEntryError);
    expect((error as Error).message).toContain('".."');
    expect(readdirSync(join(holding, '..'))).not.toContain('escape');
  });

  it('the refusals of the extractor stay: a selected member through a selected symlink is refused', async () => {
    const { error } = await restoreSelected(
      [dir('./'), symlink('./link', '/etc'), file('./link/passwd')],
      ['link', 'link/**'],
    );
    expect(error).toBeInstanceOf(UnsafeEntryError);
  });

  it('unselected folders off the path of the latest member are forgotten (memory bounded by depth)', async () => {
    const selection = new MemberSelection(['z/**'], []);
    const pass = selection.pass();
    const handed: string[] = [];
    const next = async (h: TarHeader, s: NodeJS.ReadableStream) => {
      handed.push(h.name);
      s.resume();
    };
    const inspector = new ArchiveInspector('none', { onEntry: pass.handler(next) });
    const members: Member[] = [dir('./')];
    for (let i = 0; i < 50; i++) members.push(dir(`./d${i}/`), file(`./d${i}/f`));
    members.push(dir('./z/'), file('./z/f'));
    inspector.input.end(await tarOf(members));
    await inspector.result;
    expect(handed).toEqual(['./', './z/', './z/f']);
    expect((pass as unknown as { pending: Map<string, unknown> }).pending.size).toBeLessThanOrEqual(1);
  });
});

describe('the selective swap on a machine', () => {
  /** A live volume and a holding copy beside it, as a selective restore leaves them; the script run with sh. */
  function swapIn(
    live: Record<string, string>,
    held: Record<string, string>,
    roots: string[],
    link?: string,
  ) {
    const base = mkdtempSync(join(tmpdir(), 'lb-swap-'));
    made.push(base);
    const vol = join(base, 'volume');
    const holding = join(vol, '.lifeboat-restore', 'ID1');
    for (const [rel, body] of Object.entries(live)) {
      mkdirSync(dirname(join(vol, rel)), { recursive: true });
      writeFileSync(join(vol, rel), body);
    }
    for (const [rel, body] of Object.entries(held)) {
      mkdirSync(dirname(join(holding, rel)), { recursive: true });
      writeFileSync(join(holding, rel), body);
    }
    if (link) {
      mkdirSync(join(base, 'elsewhere'));
      symlinkSync(join(base, 'elsewhere'), join(vol, link));
    }
    const script = buildSelectiveSwapScript(vol, 'ID1', 'T1', roots);
    const out = execFileSync('sh', ['-c', script], { encoding: 'utf8' });
    return { base, vol, status: out.trim().split('\n').pop() };
  }

  it('replaces only the roots; what was there moves aside under the same path; the rest stays', () => {
    const { vol, status } = swapIn(
      { 'uploads/2024/old.png': 'live 2024', 'uploads/2025/new.png': 'live 2025', 'app.db': 'live db' },
      { 'uploads/2024/a.png': 'restored', "it's here": 'restored too' },
      ['uploads/2024', "it's here"],
    );
    expect(status).toBe('LIFEBOAT-SWAP ok');
    expect(readFileSync(join(vol, 'uploads/2024/a.png'), 'utf8')).toBe('restored');
    expect(existsSync(join(vol, 'uploads/2024/old.png'))).toBe(false);
    expect(readFileSync(join(vol, 'uploads/2025/new.png'), 'utf8')).toBe('live 2025');
    expect(readFileSync(join(vol, 'app.db'), 'utf8')).toBe('live db');
    expect(readFileSync(join(vol, "it's here"), 'utf8')).toBe('restored too');
    expect(readFileSync(join(vol, '.lifeboat-pre-restore-T1/uploads/2024/old.png'), 'utf8')).toBe(
      'live 2024',
    );
    expect(existsSync(join(vol, '.lifeboat-restore'))).toBe(false);
  });

  it('a live folder on the way that is a symlink stops the swap before anything moves', () => {
    const { base, vol, status } = swapIn(
      { 'app.db': 'live db' },
      { 'uploads/2024/a.png': 'restored' },
      ['uploads/2024'],
      'uploads',
    );
    expect(status).toBe('LIFEBOAT-SWAP err=parent');
    expect(readdirSync(join(base, 'elsewhere'))).toEqual([]);
    expect(readFileSync(join(vol, '.lifeboat-restore/ID1/uploads/2024/a.png'), 'utf8')).toBe('restored');
  });

  it('names each root once, checks the folders on the way, and moves nothing else', () => {
    const script = buildSelectiveSwapScript('/data', '20261123T020000Z', '20261201T000000Z', [
      'uploads/2024',
      "it's here",
    ]);
    expect(script).toContain('err=parent');
    expect(script.match(/^r=/gm)).toHaveLength(2);
    // one check for the only folder on the way (uploads), none for the volume's other names
    expect(script.match(/^f=/gm)).toHaveLength(1);
    expect(script).not.toContain('for f in');
  });
});
