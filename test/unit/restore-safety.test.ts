import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreToDirectory, restoreToMachine, type RestoreChecks } from '../../src/jobs/restore.js';
import { ArchiveInspector, type TarHeader } from '../../src/archive/archive-inspector.js';
import { MemberFilter } from '../../src/restore/member-filter.js';
import { isRemotePathEmpty } from '../../src/restore/remote-swap.js';
import { UnsafeEntryError } from '../../src/restore/safe-extractor.js';
import { dataIn } from '../../src/restore/staged-restore.js';
import { isVolumeData } from '../../src/restore/volume-contents.js';
import { LocalSource } from '../../src/sources/local-source.js';
import { ConfigurationError } from '../../src/util/errors.js';
import { silentLogger } from '../../src/util/logger.js';
import { backup, PREFIX, RESTORE_CHECKS, TARGET } from '../ports/backup-fixture.js';
import { ManualClock } from '../ports/clock.js';
import { MemoryStore } from '../ports/memory-store.js';
import { compress } from '../ports/scripted-source.js';
import { tarOf, type Member } from '../helpers/tar-members.js';

/**
 * What a restore must never cost a person (issue 16 "Safety", issue 20 §6), over the memory store
 * and this machine's sh and GNU tar (LocalSource runs the very scripts a Fly machine or SSH host
 * runs): one definition of "empty", all-or-nothing restores, and the safe extractor's member rules
 * in front of a machine's tar.
 */

const dir = (name: string): Member => ({ header: { name, type: 'directory', mode: 0o755 } });
const file = (name: string, body: string, mode = 0o644): Member => ({ header: { name, mode }, body });

const VOLUME: Member[] = [
  dir('./'),
  file('./app.db', 'the database\n'),
  dir('./uploads/'),
  file('./uploads/a.txt', 'an upload\n'),
  { header: { name: './current', type: 'symlink', linkname: 'app.db' } },
];

/** The files of a tree with their contents, symlinks with their targets (lifeboat's folders left out). */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      if (rel === '' && name.startsWith('.lifeboat-')) continue;
      const p = join(d, name);
      const st = lstatSync(p);
      const r = `${rel}${name}`;
      if (st.isSymbolicLink()) out[r] = `-> ${execFileSync('readlink', [p], { encoding: 'utf8' }).trim()}`;
      else if (st.isDirectory()) {
        out[`${r}/`] = (st.mode & 0o7777).toString(8);
        walk(p, `${r}/`);
      } else if (st.isFile()) out[r] = `${(st.mode & 0o7777).toString(8)} ${readFileSync(p, 'utf8')}`;
      else out[r] = 'special';
    }
  };
  walk(root, '');
  return out;
}

const SOURCE_TREE = {
  'app.db': '644 the database\n',
  current: '-> app.db',
  'uploads/': '755',
  'uploads/a.txt': '644 an upload\n',
};

const CHECKS: RestoreChecks = RESTORE_CHECKS;

/** A bucket with one good snapshot of `members`, backed up as lifeboat does (gzip). */
async function bucketWith(members: Member[]): Promise<{ store: MemoryStore; id: string }> {
  const clock = new ManualClock();
  const store = new MemoryStore({ clock: clock.now });
  const run = await backup({ store, clock, archive: { tar: await tarOf(members) } });
  expect(run.result.status).toBe('ok');
  return { store, id: run.result.snapshotId };
}

let scratch = '';
function scratchDir(): string {
  scratch = mkdtempSync(join(tmpdir(), 'lb-unit-safety-'));
  return scratch;
}
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = '';
});

describe('"empty" is defined once (volume-contents.ts), and the machines answer the same', () => {
  const cases: { names: string[]; empty: boolean }[] = [
    { names: [], empty: true },
    { names: ['lost+found'], empty: true },
    { names: ['lost+found', '.lifeboat-restore', '.lifeboat-pre-restore-20261201T000000Z'], empty: true },
    { names: ['lost+found', 'app.db'], empty: false },
    { names: ['.hidden'], empty: false },
    { names: ['..dots'], empty: false },
    { names: ['.lifeboat-restored'], empty: false },
    { names: ['lost+found.old'], empty: false },
    { names: ['-n'], empty: false },
  ];
  it.each(cases)(
    '$names: empty=$empty here and on a machine (the generated sh)',
    async ({ names, empty }) => {
      const root = scratchDir();
      for (const n of names) mkdirSync(join(root, n));
      expect(names.filter(isVolumeData).length === 0).toBe(empty);
      expect((await dataIn(root)).length === 0).toBe(empty);
      expect(await isRemotePathEmpty(new LocalSource(), root)).toBe(empty);
    },
  );
});

describe('restore --to DIR / --if-empty --path DIR (restoreToDirectory): all or nothing, never over the person’s work', () => {
  it('a second restore --to into a directory the person has worked in is refused, naming it and how to go on; nothing is removed', async () => {
    const { store } = await bucketWith(VOLUME);
    const deps = { store, logger: silentLogger };
    const to = join(scratchDir(), 'restored');
    const first = await restoreToDirectory({ checks: CHECKS, dir: to, ifEmpty: false }, deps);
    expect(first).toMatchObject({ kind: 'restored', path: to, leftover: null, earlier: [] });
    expect(tree(to)).toEqual(SOURCE_TREE);
    expect(readdirSync(to).filter((n) => n.startsWith('.lifeboat'))).toEqual([]);
    expect(existsSync(`${to}.lifeboat-attempt`)).toBe(false);

    // the person works in the restored copy
    writeFileSync(join(to, 'app.db'), 'rows written since\n');
    writeFileSync(join(to, 'notes.txt'), 'my notes\n');
    const before = tree(to);
    const second = restoreToDirectory({ checks: CHECKS, dir: to, ifEmpty: false }, deps);
    await expect(second).rejects.toThrow(ConfigurationError);
    await expect(second).rejects.toThrow(
      `${to} already holds "app.db", "current", "notes.txt" and 1 more, which this restore did not write`,
    );
    await expect(second).rejects.toThrow(`move ${to} aside (mv ${to} ${to}.old) and restore again`);
    expect(tree(to)).toEqual(before);
  });

  it("a fresh ext4 volume (only lost+found) is empty: --if-empty restores into it and keeps the volume's own lost+found", async () => {
    const { store } = await bucketWith([...VOLUME, dir('./lost+found/')]);
    const volume = scratchDir();
    mkdirSync(join(volume, 'lost+found'), { mode: 0o700 });
    const out = await restoreToDirectory(
      { checks: CHECKS, dir: volume, ifEmpty: true },
      { store, logger: silentLogger },
    );
    expect(out).toMatchObject({ kind: 'restored', leftover: null });
    expect(tree(volume)).toEqual({ ...SOURCE_TREE, 'lost+found/': '700' });
    expect(readdirSync(volume).sort()).toEqual(['app.db', 'current', 'lost+found', 'uploads']);
  });

  it('a killed attempt leaves only its holding folder: the volume is still empty, and the next attempt replaces it', async () => {
    const { store, id } = await bucketWith(VOLUME);
    const volume = scratchDir();
    mkdirSync(join(volume, 'lost+found'));
    // what a restore killed midway leaves: a partial, unverified copy in the holding folder
    mkdirSync(join(volume, '.lifeboat-restore', id, 'uploads'), { recursive: true });
    writeFileSync(join(volume, '.lifeboat-restore', id, 'app.db'), 'the datab');
    expect(await dataIn(volume)).toEqual([]);
    const out = await restoreToDirectory(
      { checks: CHECKS, dir: volume, ifEmpty: true },
      { store, logger: silentLogger },
    );
    expect(out.kind).toBe('restored');
    expect(tree(volume)).toEqual({ ...SOURCE_TREE, 'lost+found/': '755' });
    expect(existsSync(join(volume, '.lifeboat-restore'))).toBe(false);
  });

  // was: the restore went on in silence, and the older copy stayed in .lifeboat-restore/ unnamed (attacker, 2026-12-03)
  it('a killed restore of another snapshot: this restore goes on, names that folder in its outcome, and leaves it as it is', async () => {
    const { store } = await bucketWith(VOLUME);
    const volume = scratchDir();
    const older = join(volume, '.lifeboat-restore', '20261101T020000Z');
    mkdirSync(join(older, 'uploads'), { recursive: true });
    writeFileSync(join(older, 'app.db'), 'the datab');
    const out = await restoreToDirectory(
      { checks: CHECKS, dir: volume, ifEmpty: false },
      { store, logger: silentLogger },
    );
    expect(out).toMatchObject({ kind: 'restored', leftover: null, earlier: [older] });
    expect(tree(volume)).toEqual(SOURCE_TREE);
    expect(readdirSync(join(volume, '.lifeboat-restore'))).toEqual(['20261101T020000Z']);
    expect(readFileSync(join(older, 'app.db'), 'utf8')).toBe('the datab');
  });

  // was: "Snapshot … has no manifest …: it does not exist or did not complete", exit 2, for the
  // snapshot verify had just proven through latest.json (attacker, 2026-12-03)
  it('a delete marker on the manifest latest.json names: the restore reads the version latest.json names', async () => {
    const { store, id } = await bucketWith(VOLUME);
    await store.deleteKeys([`${PREFIX}/${TARGET}/snapshots/${id}/manifest.json`]);
    const to = join(scratchDir(), 'restored');
    const out = await restoreToDirectory(
      { checks: CHECKS, dir: to, ifEmpty: false },
      { store, logger: silentLogger },
    );
    expect(out).toMatchObject({ kind: 'restored', leftover: null });
    expect(tree(to)).toEqual(SOURCE_TREE);
  });

  // was: "no good backup has been made yet" while `snapshots` listed one (newcomer and attacker, 2026-12-03)
  it('latest.json deleted: the restore names the newest good snapshot and the flag that restores it', async () => {
    const { store, id } = await bucketWith(VOLUME);
    await store.deleteKeys([`${PREFIX}/${TARGET}/latest.json`]);
    const to = join(scratchDir(), 'restored');
    const out = restoreToDirectory(
      { checks: CHECKS, dir: to, ifEmpty: false },
      { store, logger: silentLogger },
    );
    await expect(out).rejects.toThrow(
      new ConfigurationError(
        `Target ${TARGET} has no latest.json at s3://memory/${PREFIX}/${TARGET} (deleted, or a delete marker on it), but 1 good snapshot is listed, ` +
          `the newest ${id}: set snapshot: ${id} (\`lifeboat snapshots\` lists them). The next good backup writes latest.json again.`,
      ),
    );
    const named = await restoreToDirectory(
      { checks: { ...CHECKS, snapshot: { kind: 'id', id } }, dir: to, ifEmpty: false },
      { store, logger: silentLogger },
    );
    expect(named.kind).toBe('restored');
  });

  it('a snapshot that fails its checks is not moved in: the volume is as it was, a directory the restore made is removed', async () => {
    const { store } = await bucketWith(VOLUME);
    const volume = scratchDir();
    mkdirSync(join(volume, 'lost+found'));
    const checks = { ...CHECKS, requiredPaths: ['missing.db'] };
    const out = await restoreToDirectory(
      { checks, dir: volume, ifEmpty: true },
      { store, logger: silentLogger },
    );
    expect(out.kind).toBe('failed');
    expect(readdirSync(volume)).toEqual(['lost+found']);

    const fresh = join(volume, 'new', 'restored');
    const to = await restoreToDirectory(
      { checks, dir: fresh, ifEmpty: false },
      { store, logger: silentLogger },
    );
    expect(to.kind).toBe('failed');
    expect(readdirSync(volume)).toEqual(['lost+found']);
  });
});

describe('restore to a machine (the scripts run by sh and GNU tar here, as on an SSH host or a Fly machine)', () => {
  async function onMachine(members: Member[], volume: string, mode: 'apply' | 'if-empty') {
    const { store, id } = await bucketWith(members);
    const out = await restoreToMachine(
      { checks: CHECKS, source: new LocalSource(), path: volume, mode },
      { store, logger: silentLogger, now: () => new Date('2026-12-01T00:00:00Z'), confirm: () => true },
    );
    return { out, id };
  }

  it('--if-empty on a fresh volume (lost+found only) restores, keeps lost+found in place and moves nothing aside', async () => {
    const volume = scratchDir();
    mkdirSync(join(volume, 'lost+found'), { mode: 0o700 });
    const { out } = await onMachine([...VOLUME, dir('./lost+found/')], volume, 'if-empty');
    expect(out).toMatchObject({ kind: 'swapped', previousContents: null, leftover: null });
    expect(tree(volume)).toEqual({ ...SOURCE_TREE, 'lost+found/': '700' });
    expect(readdirSync(volume).sort()).toEqual(['app.db', 'current', 'lost+found', 'uploads']);
  });

  it('--apply moves the live data aside but leaves lost+found where the file system wants it', async () => {
    const volume = scratchDir();
    mkdirSync(join(volume, 'lost+found'), { mode: 0o700 });
    writeFileSync(join(volume, 'live.db'), 'live\n');
    const { out } = await onMachine(VOLUME, volume, 'apply');
    expect(out).toMatchObject({
      kind: 'swapped',
      previousContents: `${volume}/.lifeboat-pre-restore-20261201T000000Z`,
    });
    expect(tree(volume)).toEqual({ ...SOURCE_TREE, 'lost+found/': '700' });
    expect(readdirSync(join(volume, '.lifeboat-pre-restore-20261201T000000Z'))).toEqual(['live.db']);
  });

  it('a setuid-root binary arrives without its setuid and setgid bits, as the safe extractor writes it', async () => {
    const volume = scratchDir();
    const { out } = await onMachine([dir('./'), file('./su', '#!/bin/sh\n', 0o6755)], volume, 'if-empty');
    expect(out.kind).toBe('swapped');
    expect(statSync(join(volume, 'su')).mode & 0o7777).toBe(0o755);
  });

  const hostile: { name: string; members: Member[]; refused: RegExp }[] = [
    {
      name: 'a symlink out of the volume, then a write through it',
      members: [
        file('./ok.txt', 'ok'),
        { header: { name: './etc', type: 'symlink', linkname: '/etc' } },
        file('./etc/shadow', 'x'),
      ],
      refused: /"\.\/etc\/shadow" was refused: its path passes through the symlink "etc"/,
    },
    {
      name: 'a path through a symlink the archive made',
      members: [
        dir('./sub/'),
        { header: { name: './link', type: 'symlink', linkname: 'sub' } },
        file('./link/file.txt', 'x'),
      ],
      refused: /"\.\/link\/file\.txt" was refused: its path passes through the symlink "link"/,
    },
    {
      name: 'a hardlink to a file outside',
      members: [{ header: { name: './passwd', type: 'link', linkname: '/etc/passwd' } }],
      refused: /hardlink to "\/etc\/passwd", outside the holding directory/,
    },
    {
      name: 'a name given twice',
      members: [file('./a', 'one'), file('./a', 'two')],
      refused: /"\.\/a" was refused: the archive holds it twice/,
    },
    {
      name: '".." in a name',
      members: [file('./ok', 'ok'), file('../escape', 'x')],
      refused: /its name contains "\.\."/,
    },
  ];
  it.each(hostile)(
    '$name: refused before any of it reaches the machine; the volume is as it was',
    async ({ members, refused }) => {
      const volume = scratchDir();
      writeFileSync(join(volume, 'live.db'), 'live\n');
      const before = readdirSync(volume);
      const { out } = await onMachine(members, volume, 'apply');
      expect(out.kind).toBe('failed');
      if (out.kind !== 'failed') return;
      expect(out.message).toMatch(refused);
      expect(readdirSync(volume)).toEqual(before);
      expect(readFileSync(join(volume, 'live.db'), 'utf8')).toBe('live\n');
    },
  );
});

describe('the member filter in front of a machine’s tar (MemberFilter)', () => {
  /** Runs a tar through the filter; returns the re-packed headers, or the refusal. */
  async function filtered(tar: Buffer): Promise<{ headers: TarHeader[] } | { error: unknown }> {
    const filter = new MemberFilter();
    const inspector = new ArchiveInspector('gzip', { onEntry: filter.onEntry });
    const headers: TarHeader[] = [];
    const reading = new ArchiveInspector('none', {
      onEntry: async (h, s) => {
        headers.push(h);
        s.resume();
        await new Promise((r) => s.once('end', r));
      },
    });
    const out = (async () => {
      for await (const c of filter.output as AsyncIterable<Buffer>) reading.input.write(c);
      reading.input.end();
      return reading.result;
    })();
    inspector.input.end(compress(tar, 'gzip'));
    try {
      await inspector.result;
    } catch (error) {
      filter.abort(error as Error);
      await out.catch(() => undefined);
      return { error };
    }
    filter.finish();
    await out;
    return { headers };
  }

  it('re-packs exactly what the rules judged: safe relative names, hardlinks to the file judged, setuid and setgid dropped, no pax', async () => {
    const result = await filtered(
      await tarOf([
        dir('.'),
        file('./data/./x.bin', 'bytes', 0o4755),
        { header: { name: 'data/hard', type: 'link', linkname: './data/x.bin' } },
        {
          header: { name: 'ünïcødé — 文件.txt', mode: 0o2644, pax: { 'SCHILY.xattr.user.k': 'v' } },
          body: 'u',
        },
      ]),
    );
    expect('headers' in result).toBe(true);
    if (!('headers' in result)) return;
    expect(
      result.headers.map((h) => [h.name, h.type, h.mode.toString(8), h.linkname ?? null, h.pax ?? null]),
    ).toEqual([
      ['./', 'directory', '755', null, null],
      ['./data/x.bin', 'file', '755', null, null],
      ['./data/hard', 'link', '644', './data/x.bin', null],
      ['./ünïcødé — 文件.txt', 'file', '644', null, { path: './ünïcødé — 文件.txt' }],
    ]);
  });

  it('a device node is refused (a backup refuses one too, so only a hand-made archive holds it)', async () => {
    const result = await filtered(
      await tarOf([
        file('./ok.txt', 'ok'),
        { header: { name: './null', type: 'character-device', mode: 0o666, devmajor: 1, devminor: 3 } },
      ]),
    );
    expect('error' in result && result.error).toBeInstanceOf(UnsafeEntryError);
    expect('error' in result && String(result.error)).toMatch(
      /archive member "\.\/null" was refused: it is a character-device/,
    );
  });

  it('a name that is not UTF-8 is refused, not changed on its way', async () => {
    const tar = await tarOf([file('./latin-XX.txt', 'x')]);
    const at = tar.indexOf('XX');
    tar[at] = 0xe9; // "é" in Latin-1: not UTF-8
    tar[at + 1] = 0x41;
    // the header checksum covers the name: recompute it
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : tar[i]!;
    tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    const result = await filtered(tar);
    expect('error' in result && result.error).toBeInstanceOf(UnsafeEntryError);
    expect('error' in result && String(result.error)).toContain('its name is not UTF-8');
  });
});

// issue 20: a volume whose only top-level name is lost+found counted as empty even when fsck had
// put recovered files there; only an EMPTY lost+found is "not data"
describe('a lost+found that holds what fsck recovered is data: --if-empty leaves the volume alone', () => {
  const RECOVERED = 'lost+found (2 entries fsck recovered: look through them, then empty it)';

  it('here (dataIn) and on a machine (the generated sh) the volume is not empty, with lost+found and its count named', async () => {
    const root = scratchDir();
    mkdirSync(join(root, 'lost+found'), { mode: 0o700 });
    writeFileSync(join(root, 'lost+found', '#1234'), 'rows of app.db fsck found\n');
    mkdirSync(join(root, 'lost+found', '#5678'));
    expect(await dataIn(root)).toEqual([RECOVERED]);
    expect(await isRemotePathEmpty(new LocalSource(), root)).toBe(false);
    // an empty lost+found stays "not data"
    rmSync(join(root, 'lost+found'), { recursive: true });
    mkdirSync(join(root, 'lost+found'));
    expect(await dataIn(root)).toEqual([]);
    expect(await isRemotePathEmpty(new LocalSource(), root)).toBe(true);
  });

  it('restore --if-empty into it does nothing; restore --to refuses naming lost+found', async () => {
    const { store } = await bucketWith(VOLUME);
    const volume = scratchDir();
    mkdirSync(join(volume, 'lost+found'), { mode: 0o700 });
    writeFileSync(join(volume, 'lost+found', '#1234'), 'recovered\n');
    mkdirSync(join(volume, 'lost+found', '#5678'));
    const out = await restoreToDirectory(
      { checks: CHECKS, dir: volume, ifEmpty: true },
      { store, logger: silentLogger },
    );
    expect(out).toEqual({ kind: 'not-empty', path: volume, data: [RECOVERED] });
    expect(readdirSync(volume)).toEqual(['lost+found']);
    expect(readdirSync(join(volume, 'lost+found')).sort()).toEqual(['#1234', '#5678']);
    await expect(
      restoreToDirectory({ checks: CHECKS, dir: volume, ifEmpty: false }, { store, logger: silentLogger }),
    ).rejects.toThrow(
      `${volume} already holds ${JSON.stringify(RECOVERED)}, which this restore did not write`,
    );
  });
});
