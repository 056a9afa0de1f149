import { lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runVerify, type VerifyOptions } from '../../src/jobs/verify.js';
import { EnvironmentError, InterruptedError } from '../../src/util/errors.js';
import { backup, LAYOUT, PREFIX, TARGET } from '../ports/backup-fixture.js';
import { HOUR, ManualClock } from '../ports/clock.js';
import { MemoryStore } from '../ports/memory-store.js';
import { RecordingLogger } from '../ports/recording-logger.js';

// runVerify when the fault is not the archive's (issue 20 sections 4 and 6, issue 16 "verify leaves
// nothing behind"): no verification.json, a message naming the cause, nothing this run wrote left
// on disk, and nothing written through a path lifeboat did not just create
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function scratch(): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), 'lifeboat-verify-env-unit-'));
  dirs.push(base);
  return base;
}

async function stored() {
  const clock = new ManualClock();
  const store = new MemoryStore({ clock: clock.now });
  const run = await backup({ store, clock });
  clock.advance(HOUR);
  return { clock, store, ...run };
}

function options(o: Partial<VerifyOptions>): VerifyOptions {
  return {
    target: TARGET,
    prefix: PREFIX,
    snapshot: { kind: 'latest' },
    mode: 'extract',
    requiredPaths: [],
    minEntries: 1,
    sqlite: [],
    writeReport: true,
    ...o,
  };
}

async function verify(
  store: MemoryStore,
  clock: ManualClock,
  o: Partial<VerifyOptions>,
  signal?: AbortSignal,
) {
  const logger = new RecordingLogger();
  const outcome = await runVerify(options(o), { store, logger, now: clock.now, signal }).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error }),
  );
  return { ...outcome, logger };
}

const verifications = (store: MemoryStore) =>
  store.keys(PREFIX).filter((k) => k.endsWith('verification.json'));

describe('runVerify: a temporary holding directory (no holding-dir given)', () => {
  it('is made fresh under the holding root (mode 0700), used, and removed after the checks', async () => {
    const { clock, store, result: b } = await stored();
    const root = await scratch();
    const seen: { names: string[]; mode: number }[] = [];
    // while the archive is read, the holding directory exists: look at it then
    store.fault = async ({ operation, key }) => {
      if (operation !== 'GetObject' || key !== b.archiveKey) return;
      const names = await readdir(root);
      seen.push({ names, mode: (await stat(join(root, names[0]!))).mode & 0o777 });
    };
    const v = await verify(store, clock, { holdingRoot: root });
    expect(v.result?.failure).toBe('');
    expect(v.result?.holdingDir).toBeNull();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.names).toEqual([expect.stringMatching(/^lifeboat-verify-app-20261123T020000Z-\w{6}$/)]);
    expect(seen[0]!.mode).toBe(0o700);
    expect(v.logger.lines).toContain(
      `removed the temporary copy in ${join(root, seen[0]!.names[0]!)} (give the 'holding-dir' input to keep one)`,
    );
    // nothing of it is left: no copy, no marker
    expect(await readdir(root)).toEqual([]);
    expect(verifications(store)).toEqual([`${LAYOUT.snapshotPrefix(b.snapshotId)}verification.json`]);
  });

  // was: the default holding directory was $TMPDIR/lifeboat-restore/<target>/<id> with its marker
  // beside it; another user who made them symlinks had root overwrite a file and extract into
  // their folder (issue 20, section 6)
  it('a symlink pre-created at the old predictable path is never followed: nothing is written through it', async () => {
    const { clock, store, result: b } = await stored();
    const root = await scratch();
    const attacker = join(root, 'attacker');
    await mkdir(attacker);
    const victim = join(root, 'root-only.conf');
    await writeFile(victim, 'root only\n', { mode: 0o600 });
    await mkdir(join(root, 'lifeboat-restore', TARGET), { recursive: true });
    await symlink(attacker, join(root, 'lifeboat-restore', TARGET, b.snapshotId));
    await symlink(victim, join(root, 'lifeboat-restore', TARGET, `${b.snapshotId}.lifeboat-attempt`));

    const v = await verify(store, clock, { holdingRoot: root });
    expect(v.result?.failure).toBe('');
    expect(await readFile(victim, 'utf8')).toBe('root only\n');
    expect(await readdir(attacker)).toEqual([]);
    expect((await readdir(root)).sort()).toEqual(['attacker', 'lifeboat-restore', 'root-only.conf']);
  });

  // was: a manifest that records one entry fewer than the archive holds crashed verify with an
  // uncaught ArchiveLimitError (the refused member's stream errored with no one listening)
  it('a manifest that records one entry fewer is a verdict, not a crash; the copy is removed', async () => {
    const { clock, store, result: b } = await stored();
    store.tamper(LAYOUT.manifestKey(b.snapshotId), undefined, (bytes) => {
      const m = JSON.parse(bytes.toString('utf8')) as { entries: number };
      m.entries -= 1;
      return Buffer.from(JSON.stringify(m));
    });
    const root = await scratch();
    const v = await verify(store, clock, { holdingRoot: root });
    expect(v.result?.report.verified).toBe(false);
    expect(v.result?.report.checks.find((c) => c.name === 'archive structure')?.detail).toBe(
      'the archive goes beyond what the manifest records (10 entries, 63488 bytes): it has more than 10 entries',
    );
    expect(await readdir(root)).toEqual([]);
  });
});

describe('runVerify: faults of the environment write no verdict and leave nothing behind', () => {
  it('a signal during the download: InterruptedError, no verification.json, the copy removed', async () => {
    const { clock, store, result: b } = await stored();
    const root = await scratch();
    const controller = new AbortController();
    store.fault = ({ operation, key }) => {
      if (operation === 'GetObject' && key === b.archiveKey) {
        setImmediate(() => controller.abort(new Error('interrupted by SIGTERM')));
        return { failAfterBytes: 20_000, error: new Error('aborted') };
      }
      return undefined;
    };
    const v = await verify(store, clock, { holdingRoot: root }, controller.signal);
    expect(v.error).toBeInstanceOf(InterruptedError);
    expect((v.error as Error).message).toMatch(
      new RegExp(
        `^The verification of snapshot ${b.snapshotId} of app stopped: interrupted by SIGTERM\\. No verdict about snapshot ${b.snapshotId} of app was recorded; what it had written into ${root}/lifeboat-verify-app-\\S+ was removed\\.$`,
      ),
    );
    expect(verifications(store)).toEqual([]);
    expect(await readdir(root)).toEqual([]);
  });

  it('a cut download into a directory a person named (a mount point): only what this run wrote is removed, never the directory', async () => {
    const { clock, store, result: b } = await stored();
    const base = await scratch();
    const mountPoint = join(base, 'volume');
    await mkdir(mountPoint);
    store.fault = ({ operation, key }) =>
      operation === 'GetObject' && key === b.archiveKey ? { failAfterBytes: 40_000 } : undefined;
    const v = await verify(store, clock, { holdingDir: () => mountPoint });
    expect(v.error).toBeInstanceOf(EnvironmentError);
    expect((v.error as Error).message).toContain(`was cut mid-transfer`);
    expect((v.error as Error).message).not.toMatch(/damaged|mismatch/);
    expect(verifications(store)).toEqual([]);
    expect((await lstat(mountPoint)).isDirectory()).toBe(true);
    expect(await readdir(mountPoint)).toEqual([]);
    // the marker this run wrote beside it is gone too
    expect(await readdir(base)).toEqual(['volume']);
  });

  // was: the same, for an archive fault: the directory a person named was deleted with the copy
  it('a damaged archive in a directory that was there before: its contents go, the directory stays', async () => {
    const { clock, store, result: b } = await stored();
    store.tamper(b.archiveKey, b.versionId, (bytes) => bytes.subarray(0, bytes.length - 4000));
    const base = await scratch();
    const mountPoint = join(base, 'volume');
    await mkdir(mountPoint);
    const v = await verify(store, clock, { holdingDir: () => mountPoint });
    expect(v.result?.report.verified).toBe(false);
    expect(await readdir(base)).toEqual(['volume']);
    expect(await readdir(mountPoint)).toEqual([]);
  });

  // was: a verify that finished after prune removed its snapshot wrote verification.json into the
  // removed folder, bringing it back
  it('a snapshot pruned while it is verified gets no verification.json', async () => {
    const { clock, store, result: b } = await stored();
    store.fault = async ({ operation, key }) => {
      if (operation === 'GetObject' && key === b.archiveKey) {
        await store.deleteKeys([
          LAYOUT.manifestKey(b.snapshotId),
          b.archiveKey,
          LAYOUT.indexKey(b.snapshotId),
        ]);
      }
    };
    const v = await verify(store, clock, { mode: 'stream' });
    expect(v.result?.reportKey).toBe('');
    expect(verifications(store)).toEqual([]);
    expect(store.keys(LAYOUT.snapshotPrefix(b.snapshotId))).toEqual([]);
    expect(v.logger.warnings).toContain(
      `snapshot ${b.snapshotId} was removed while it was verified (pruned?): no verification.json is written for it`,
    );
  });
});

describe('runVerify: a holding directory a person named', () => {
  it('a symlink is refused, and nothing is written through it', async () => {
    const { clock, store } = await stored();
    const base = await scratch();
    const elsewhere = join(base, 'elsewhere');
    await mkdir(elsewhere);
    await symlink(elsewhere, join(base, 'holding'));
    const v = await verify(store, clock, { holdingDir: () => join(base, 'holding') });
    expect((v.error as Error).message).toBe(
      `holding-dir ${join(base, 'holding')} is a symbolic link: lifeboat extracts only into a directory itself, never through a link. Name the directory it leads to, or a new one.`,
    );
    expect(await readdir(elsewhere)).toEqual([]);
    expect(verifications(store)).toEqual([]);
  });

  it('a marker path that is a symlink is refused, and the file it leads to is untouched', async () => {
    const { clock, store } = await stored();
    const base = await scratch();
    const victim = join(base, 'victim');
    await writeFile(victim, 'keep me\n');
    await symlink(victim, join(base, 'holding.lifeboat-attempt'));
    const v = await verify(store, clock, { holdingDir: () => join(base, 'holding') });
    expect((v.error as Error).message).toBe(
      `${join(base, 'holding.lifeboat-attempt')} exists and is not a lifeboat marker of this user (a symbolic link): lifeboat writes nothing through it. Remove it, or choose another holding-dir.`,
    );
    expect(await readFile(victim, 'utf8')).toBe('keep me\n');
    // the directory this run created for it is removed again
    expect((await readdir(base)).sort()).toEqual(['holding.lifeboat-attempt', 'victim']);
  });
});
