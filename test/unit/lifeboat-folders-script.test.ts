import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import tarStream from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';
import { judgeSourceRun } from '../../src/archive/judge-run.js';
import { buildArchiveScript, namesNotStartingWith } from '../../src/archive/remote-script.js';
import { runBackup } from '../../src/jobs/backup.js';
import { EnvironmentError } from '../../src/util/errors.js';
import { backupOptions, LAYOUT } from '../ports/backup-fixture.js';
import { ManualClock } from '../ports/clock.js';
import { MemoryStore } from '../ports/memory-store.js';
import { RecordingLogger } from '../ports/recording-logger.js';
import { busyboxMachine } from '../helpers/machine-shapes.js';
import { MachineSource } from '../helpers/machine-source.js';
import { tempRoot } from '../helpers/odd-tree.js';

/**
 * lifeboat's own folders on a tar without --exclude (issue 18, the attack on `lb_tar`): the
 * archive script runs for real under dash on a minimal busybox machine (test/helpers/
 * machine-shapes.ts: busybox-static's applets and a tar that refuses every long option), through
 * runBackup over the in-memory store, with a `tar` in front that writes each invocation's argv to
 * a log. What was wrong, and what these cases hold:
 *
 * - every top-level entry went through `set -- "$@" "$f"` even when no lifeboat folder was there:
 *   quadratic in the shell (10,000 entries took 91-128 s), and past ARG_MAX `tar "$@"` failed with
 *   E2BIG. Without a lifeboat folder tar now gets `.`; with one, globs that tar's own command line
 *   expands, and a list past what one exec carries stops the run before any byte (err=toomany);
 * - a volume of lifeboat folders only ran `tar -cf - --no-recursion .`: exit 1 on a minimal busybox;
 * - the list form left out the root's own entry (its mode and mtime).
 */

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const temp = (prefix: string): string => {
  const d = tempRoot(prefix);
  dirs.push(d);
  return d;
};

/** 20,000 files written, archived and walked: seconds of CPU, and minutes on a loaded machine. */
const SLOW = 240_000;

const ROOT_TIME = new Date('2026-10-01T12:34:56Z');
const ROOT_MODE = 0o750;

/** A minimal busybox machine whose tar logs each invocation's arguments (one per line, NUL-separated). */
function machine(without: string[] = []): { bin: string; calls: () => string[][] } {
  const home = temp('lb-lf-bin-');
  const bin = busyboxMachine(join(home, 'bin'), 'busybox-minimal', without);
  const log = join(home, 'tar-argv.log');
  renameSync(join(bin, 'tar'), join(home, 'tar-minimal'));
  writeFileSync(
    join(bin, 'tar'),
    `#!/bin/busybox sh\nfor a in "$@"; do printf '%s\\0' "$a"; done >>${log}; echo >>${log}\nexec ${join(home, 'tar-minimal')} "$@"\n`,
    { mode: 0o755 },
  );
  const calls = () =>
    readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\0').slice(0, -1));
  return { bin, calls };
}

/** A volume of `count` top-level files, and of `extra` (paths relative to it, folders ending in /). */
function volume(count: number, extra: string[] = []): string {
  const d = temp('lb-lf-vol-');
  for (let i = 0; i < count; i++) writeFileSync(join(d, `f${String(i).padStart(5, '0')}`), '');
  for (const e of extra) {
    if (e.endsWith('/')) mkdirSync(join(d, e), { recursive: true });
    else writeFileSync(join(d, e), `${e}\n`);
  }
  chmodSync(d, ROOT_MODE);
  utimesSync(d, ROOT_TIME, ROOT_TIME);
  return d;
}

interface Member {
  name: string;
  type: string;
  mode: number;
  mtime: number;
}

/** The members of a plain tar, in order. */
async function members(tar: Buffer): Promise<Member[]> {
  const out: Member[] = [];
  const extract = tarStream.extract();
  extract.on('entry', (h, stream, next) => {
    out.push({
      name: h.name,
      type: h.type ?? '',
      mode: h.mode ?? 0,
      mtime: (h.mtime?.getTime() ?? 0) / 1000,
    });
    stream.on('end', next);
    stream.resume();
  });
  const done = new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  Readable.from([tar]).pipe(extract);
  await done;
  return out;
}

/** A backup (compression none: the stored archive is the machine's tar) of `path` on `source`. */
async function backupOf(path: string, source: MachineSource) {
  const clock = new ManualClock('2026-11-23T02:00:00Z');
  const store = new MemoryStore({ clock: clock.now });
  const outcome = await runBackup(backupOptions({ path, compression: 'none' }), {
    store,
    source,
    logger: new RecordingLogger(),
    now: clock.now,
  }).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error: error as Error }),
  );
  const archiveKey = store.keys(`${LAYOUT.root}/`).find((k) => /archive\.tar$/.test(k));
  const archive = archiveKey ? store.bytes(archiveKey) : undefined;
  return { ...outcome, archive, store };
}

const LIFEBOAT_FOLDERS = [
  '.lifeboat-restore/20261001T000000Z/',
  '.lifeboat-restore/20261001T000000Z/staged.txt',
  '.lifeboat-pre-restore-20261001T000000Z/',
  '.lifeboat-pre-restore-20261001T000000Z/old.txt',
];
/** Names that start like lifeboat's folders, or sort among them, and are the volume's own. */
const LOOKALIKES = [
  '.lifeboat-other',
  '.lifeboat',
  '.lifeboat-restorex',
  '.l',
  '.li',
  '.lz',
  '..x',
  '.dot',
  'x.lifeboat-restore',
];

/** The calls that made the archive (not the probe `--exclude`, nor `--version`). */
const archiveCalls = (calls: string[][]) => calls.filter((c) => c[0] === '-cf' && c[1] === '-');

describe('lb_tar on a minimal busybox tar (no --exclude, no long options)', () => {
  it(
    '20,000 top-level entries and no lifeboat folder: tar gets `.`, the archive holds every entry',
    async () => {
      const m = machine();
      const vol = volume(20_000);
      const run = await backupOf(vol, new MachineSource(m.bin));
      expect(run.error).toBeUndefined();
      expect(run.result?.status).toBe('ok');
      expect(archiveCalls(m.calls())).toEqual([['-cf', '-', '.']]);
      const got = await members(run.archive!);
      expect(got).toHaveLength(20_001);
      expect(got[0]).toEqual({
        name: './',
        type: 'directory',
        mode: ROOT_MODE,
        mtime: ROOT_TIME.getTime() / 1000,
      });
      expect(new Set(got.map((g) => g.name)).size).toBe(20_001);
    },
    SLOW,
  );

  it(
    "a lifeboat folder there: it is left out, every other entry is in, the root's own entry first",
    async () => {
      const m = machine();
      const vol = volume(20_000, [...LIFEBOAT_FOLDERS, ...LOOKALIKES]);
      const run = await backupOf(vol, new MachineSource(m.bin));
      expect(run.error).toBeUndefined();
      expect(run.result?.status).toBe('ok');
      const got = await members(run.archive!);
      const names = got.map((g) => g.name);
      // the root's entry, from the first block of tar's `.` (cut there by head)
      expect(got[0]).toEqual({
        name: './',
        type: 'directory',
        mode: ROOT_MODE,
        mtime: ROOT_TIME.getTime() / 1000,
      });
      expect(
        names.filter((n) => n.includes('.lifeboat-restore/') || n.includes('.lifeboat-pre-restore-')),
      ).toEqual([]);
      const expected = [
        './',
        ...Array.from({ length: 20_000 }, (_, i) => `./f${String(i).padStart(5, '0')}`),
        ...LOOKALIKES.map((l) => `./${l}`),
      ];
      expect([...names].sort()).toEqual(expected.sort());
      // the list tar got: globs expanded by its own command line, not one "$@" rebuilt per entry
      const [root, list] = archiveCalls(m.calls());
      expect(root).toEqual(['-cf', '-', '.']);
      expect(list!.length).toBe(2 + 20_000 + LOOKALIKES.length);
    },
    SLOW,
  );

  it('only lifeboat folders: a valid archive of the root entry alone (was: tar exit 1 on --no-recursion)', async () => {
    const m = machine();
    const vol = volume(0, LIFEBOAT_FOLDERS);
    const run = await backupOf(vol, new MachineSource(m.bin));
    expect(run.error).toBeUndefined();
    expect(run.result?.status).toBe('ok');
    expect(await members(run.archive!)).toEqual([
      { name: './', type: 'directory', mode: ROOT_MODE, mtime: ROOT_TIME.getTime() / 1000 },
    ]);
    expect(run.archive!.length).toBe(3 * 512);
    expect(m.calls().some((c) => c.includes('--no-recursion'))).toBe(false);
  });

  it('a machine without head: the archive is whole, without the root entry (the README says so)', async () => {
    for (const extra of [[], ['app.db']]) {
      const m = machine(['head']);
      const run = await backupOf(volume(0, [...LIFEBOAT_FOLDERS, ...extra]), new MachineSource(m.bin));
      expect(run.error).toBeUndefined();
      expect((await members(run.archive!)).map((g) => g.name)).toEqual(extra.map((e) => `./${e}`));
    }
  });

  it(
    'more entries than one exec carries: the run stops before any byte (toomany, exit 3), nothing is judged',
    async () => {
      // a stack limit of 256 KiB: Linux then carries its floor, 128 KiB of arguments and environment,
      // in one exec (the script says so from `ulimit -s`, busybox having no getconf); 10,000 names
      // of 8 bytes (./f00000), each with its NUL and pointer, take 166 KiB
      const m = machine();
      const source = new MachineSource(m.bin, 256);
      const vol = volume(10_000, LIFEBOAT_FOLDERS);
      const run = await backupOf(vol, source);
      expect(run.error).toBeInstanceOf(EnvironmentError);
      expect(run.error!.message).toMatch(
        /^The tar on the Fly machine has no --exclude .*more entries at the top level of \/.+ than one tar command line carries there .*Nothing was sent\. To fix it, check what a restore left there .*`\.lifeboat-restore\/`.*`\.lifeboat-pre-restore-<time>\/`.* and remove it, or install GNU tar there: add it to the image with the Dockerfile line `RUN apt-get update && apt-get install -y --no-install-recommends tar` \(Debian, Ubuntu\) or `RUN apk add --no-cache tar` \(Alpine\)\.$/,
      );
      expect(source.stderr).toMatch(
        /lifeboat: .* the 10000 other top-level entries .*more than one command line carries here \(131072 bytes\)/,
      );
      // the stop line came instead of the header: no upload, no archive, and tar never made one
      expect(run.archive).toBeUndefined();
      expect(run.store.openUploads()).toEqual({});
      expect(archiveCalls(m.calls())).toEqual([]);
      // with a stack limit of 1 MiB (256 KiB in one exec) they fit: the count lets tar run, and
      // tar's exec takes them
      const fits = await backupOf(vol, new MachineSource(m.bin, 1024));
      expect(fits.error).toBeUndefined();
      expect(await members(fits.archive!)).toHaveLength(10_001);
    },
    SLOW,
  );

  it('toomany is the environment, with no verdict on the archive', () => {
    const ok = { code: 0, signal: null, stderrTail: [] };
    expect(() =>
      judgeSourceRun('ssh', '/srv/vol', { pre: 0, tar: 0, zip: 0, err: 'toomany' }, ok, undefined),
    ).toThrow(EnvironmentError);
  });
});

describe('the globs that stand for every top-level name not starting like lifeboat folders', () => {
  it('give each name once, and none that starts with `.lifeboat-`', () => {
    const globs = namesNotStartingWith('.lifeboat-');
    expect(globs.slice(0, 4)).toEqual(['./*', './..?*', './.[!.l]*', './.l[!i]*']);
    const re = (g: string) =>
      new RegExp(
        `^${g
          .slice(2)
          .replace(/\./g, '\\.')
          .replace(/\?/g, '.')
          .replace(/\[!/g, '[^')
          .replace(/\*/g, '.*')}$`,
      );
    const matchers = globs
      .map(re)
      .map((r, i) => (i === 0 ? (n: string) => !n.startsWith('.') : (n: string) => r.test(n)));
    const names = [
      'a',
      '.a',
      '..a',
      '.l',
      '.li',
      '.lifeboat',
      '.lifeboat-',
      '.lifeboat-x',
      '.lifeboax',
      '.lifeboat_',
      'lifeboat-',
    ];
    for (const n of names) {
      const hits = matchers.filter((m) => m(n)).length;
      expect([n, hits]).toEqual([n, n.startsWith('.lifeboat-') ? 0 : 1]);
    }
  });

  it('a script without lifeboat folders leaves the shell list empty', () => {
    const s = buildArchiveScript({ path: '/data', compression: 'none', excludes: [] });
    expect(s).not.toContain('--no-recursion');
    expect(s).toContain('lb_quit 0 toomany');
  });
});
