import {
  existsSync,
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
import { afterEach, describe, expect, it, vi } from 'vitest';
import { restoreToDirectory } from '../../src/jobs/restore.js';
import { MemberSelection } from '../../src/restore/member-selection.js';
import { ConfigurationError, InterruptedError } from '../../src/util/errors.js';
import { interruptCleanup } from '../../src/util/interrupt-cleanup.js';
import { silentLogger } from '../../src/util/logger.js';
import { backup, RESTORE_CHECKS } from '../ports/backup-fixture.js';
import { ManualClock } from '../ports/clock.js';
import { MemoryStore } from '../ports/memory-store.js';

// The removal of a restore's holding folder, held until the test lets it go: a large copy whose
// rm -rf outlasts the signal's grace (attacker, 2026-12-03: 4 s after SIGTERM the CLI exited and
// left <to>/.lifeboat-restore/<id>/ without a word).
const held = vi.hoisted(() => {
  let open = () => undefined as void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  // renames into place that may still succeed before the process "dies" (undefined: all)
  return { armed: false, gate, open: () => open(), renamesLeft: undefined as number | undefined };
});
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return {
    ...fs,
    rm: async (path: Parameters<typeof fs.rm>[0], options?: Parameters<typeof fs.rm>[1]) => {
      // every removal under the holding folder waits until the test opens the gate
      if (held.armed && String(path).includes('/.lifeboat-restore/')) await held.gate;
      return fs.rm(path, options);
    },
    rename: async (from: Parameters<typeof fs.rename>[0], to: Parameters<typeof fs.rename>[1]) => {
      if (held.renamesLeft !== undefined && held.renamesLeft-- <= 0) throw new Error('killed (simulated)');
      return fs.rename(from, to);
    },
  };
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('a restore --to interrupted while its copy is being removed', () => {
  it('names the unfinished copy, and how to remove it, when the removal outlasts the grace', async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    let archiveKey = '';
    const store = new MemoryStore({
      clock: clock.now,
      // the archive download waits for the signal, as a slow one would
      fault: async (call) => {
        if (call.operation !== 'GetObject' || call.key !== archiveKey) return;
        // (under load the signal may come first: then at once)
        if (!controller.signal.aborted) {
          await new Promise((resolve) => controller.signal.addEventListener('abort', resolve));
        }
        throw new Error('aborted');
      },
    });
    const { result: b } = await backup({ store, clock });
    archiveKey = b.archiveKey;
    const to = join(mkdtempSync(join(tmpdir(), 'lb-unit-restore-interrupt-')), 'volume');
    dirs.push(join(to, '..'));
    const restoring = restoreToDirectory(
      {
        checks: RESTORE_CHECKS,
        dir: to,
        ifEmpty: false,
      },
      { store, logger: silentLogger, now: clock.now, signal: controller.signal },
    );
    restoring.catch(() => undefined);
    const holding = join(to, '.lifeboat-restore', b.snapshotId);
    await vi.waitFor(() => expect(existsSync(holding)).toBe(true));
    held.armed = true;
    controller.abort(new Error('interrupted by SIGTERM'));

    const left = await interruptCleanup(controller.signal, 'this machine');
    expect(left).toEqual([
      `${holding}, an unfinished copy of snapshot ${b.snapshotId}, not data (remove it: rm -rf ${holding}; ` +
        `or restore snapshot ${b.snapshotId} into ${to} again, which replaces it) (not done within 4 s)`,
    ]);
    // the bucket's clean-up is another list
    expect(await interruptCleanup(controller.signal)).toEqual([]);
    held.open();
    await expect(restoring).rejects.toThrow(InterruptedError);
    expect(existsSync(to)).toBe(false);
  }, 30_000);
});

// was: a restore killed while it moved its verified copy into place left part of the snapshot in
// the volume; the next boot's --if-empty said "holds data; nothing was done" and the app started
// on part of its files (attacker, 2026-12-03)
describe('a restore killed while it moves the verified copy into place', () => {
  it('the next restore of the same snapshot moves the rest in; another snapshot is refused, naming both', async () => {
    const clock = new ManualClock();
    const store = new MemoryStore({ clock: clock.now });
    const { result: older } = await backup({ store, clock });
    clock.advance(3_600_000);
    const { result: b } = await backup({ store, clock });
    const root = mkdtempSync(join(tmpdir(), 'lb-unit-restore-moving-'));
    dirs.push(root);
    const checks = RESTORE_CHECKS;
    const deps = { store, logger: silentLogger, now: clock.now };
    const whole = join(root, 'whole');
    await restoreToDirectory({ checks, dir: whole, ifEmpty: true }, deps);

    const volume = join(root, 'volume');
    held.renamesLeft = 1;
    await expect(restoreToDirectory({ checks, dir: volume, ifEmpty: true }, deps)).rejects.toThrow(
      'killed (simulated)',
    );
    held.renamesLeft = undefined;
    expect(readdirSync(volume).filter((n) => !n.startsWith('.lifeboat-'))).toHaveLength(1);

    const other = restoreToDirectory(
      { checks: { ...checks, snapshot: { kind: 'id', id: older.snapshotId } }, dir: volume, ifEmpty: true },
      deps,
    );
    await expect(other).rejects.toThrow(ConfigurationError);
    await expect(other).rejects.toThrow(
      `${volume} holds part of snapshot ${b.snapshotId}: a restore was killed while it moved that verified copy into place, ` +
        `and the rest is in ${join(volume, '.lifeboat-restore', b.snapshotId)}.`,
    );

    const finished = await restoreToDirectory({ checks, dir: volume, ifEmpty: true }, deps);
    expect(finished).toEqual({
      kind: 'finished',
      snapshotId: b.snapshotId,
      path: volume,
      leftover: null,
      collided: [],
    });
    expect(readdirSync(volume).sort()).toEqual(readdirSync(whole).sort());
    expect(statSync(volume).mode).toBe(statSync(whole).mode);
  });
});

// found by the attacker on e2ed5bd (2026-12-03): a finish ignored the killed run's --include, a
// person's file written in between was "restored yes", a marker left without its folder crashed
describe('finishing a killed move: only the same selection, never over what a person wrote', () => {
  it('another selection is refused; a name written in between is kept and the outcome says partly; a marker alone finishes', async () => {
    const clock = new ManualClock();
    const store = new MemoryStore({ clock: clock.now });
    const { result: b } = await backup({ store, clock });
    const root = mkdtempSync(join(tmpdir(), 'lb-unit-restore-moving2-'));
    dirs.push(root);
    const deps = { store, logger: silentLogger, now: clock.now };
    const only = { ...RESTORE_CHECKS, members: new MemberSelection(['uploads/**'], []) };

    const volume = join(root, 'volume');
    held.renamesLeft = 0;
    await expect(restoreToDirectory({ checks: only, dir: volume, ifEmpty: true }, deps)).rejects.toThrow(
      'killed (simulated)',
    );
    held.renamesLeft = undefined;
    const whole = restoreToDirectory({ checks: RESTORE_CHECKS, dir: volume, ifEmpty: true }, deps);
    await expect(whole).rejects.toThrow(ConfigurationError);
    await expect(whole).rejects.toThrow(
      `${volume} holds part of snapshot ${b.snapshotId} (--include 'uploads/**'): a restore was killed while it moved that verified copy into place`,
    );
    // the person writes a file of the same name into the half-restored directory
    writeFileSync(join(volume, 'uploads'), 'mine');
    const partly = await restoreToDirectory({ checks: only, dir: volume, ifEmpty: true }, deps);
    expect(partly).toMatchObject({ kind: 'finished', collided: ['uploads'] });
    expect(readFileSync(join(volume, 'uploads'), 'utf8')).toBe('mine');

    // killed after the holding folder was removed, before the marker was: the next restore finishes
    const alone = join(root, 'alone');
    mkdirSync(join(alone, '.lifeboat-restore'), { recursive: true });
    writeFileSync(
      join(alone, '.lifeboat-restore', `${b.snapshotId}.moving`),
      JSON.stringify({ mode: 0o40750, atimeMs: 0, mtimeMs: 0, selection: '' }),
    );
    const done = await restoreToDirectory({ checks: RESTORE_CHECKS, dir: alone, ifEmpty: true }, deps);
    expect(done).toMatchObject({ kind: 'finished', collided: [] });
    expect(readdirSync(alone)).toEqual([]);
    expect(statSync(alone).mode & 0o7777).toBe(0o750);
  });
});
