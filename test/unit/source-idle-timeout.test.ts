import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { watchSourceIdle } from '../../src/archive/source-idle-watch.js';
import { EnvironmentError, OperationFailedError } from '../../src/util/errors.js';
import { ManualClock } from '../ports/clock.js';
import { MemoryStore, type FaultHook } from '../ports/memory-store.js';
import { LAYOUT, noise, startBackup, type BackupSetup } from '../ports/backup-fixture.js';
import { framedArchive, ScriptedSource } from '../ports/scripted-source.js';

// the source's idle timeout (src/archive/source-idle-watch.ts) over the scripted source and the
// memory store: short timeouts in real milliseconds, as the watch measures real silence
const ROOT = `${LAYOUT.root}/`;
const IDLE_MS = 300;
/** More than one part of 6 MiB: the upload is a multipart one, open when the source stalls. */
const BIG = {
  entries: [{ name: './' }, { name: './db.bin', content: noise(9 << 20, 7) }],
  compression: 'none' as const,
};
/** Plain tar as sent (no compression to spend CPU on here or on the runner). */
const PLAIN = { compression: 'none' as const };

function fixture(fault?: FaultHook) {
  const clock = new ManualClock('2026-11-23T02:00:00Z');
  const store = new MemoryStore({ clock: clock.now, ...(fault ? { fault } : {}) });
  return { clock, store };
}

async function settled(s: BackupSetup) {
  const started = await startBackup(s);
  const at = Date.now();
  const outcome = await started.running.then(
    (result) => ({ result, error: undefined }),
    (err: unknown) => ({ result: undefined, error: err as Error }),
  );
  return { ...started, ...outcome, ms: Date.now() - at };
}

describe('the source idle timeout', () => {
  it('a source silent past the timeout (after 9 MiB, a multipart upload open) fails as the environment, kills the source, leaves no upload, manifest or latest', async () => {
    const { clock, store } = fixture();
    const sent = await framedArchive(BIG);
    const { error, source, logger } = await settled({
      store,
      clock,
      archive: BIG,
      play: { stallAfter: sent.framed.length - 4096 },
      options: { ...PLAIN, sourceIdleTimeoutMs: IDLE_MS },
    });
    expect(error).toBeInstanceOf(EnvironmentError);
    expect(error!.message).toMatch(
      /^flyctl sent no byte for 0\.\d s while lifeboat was ready to read \('source-idle-timeout' 0\.3 s; the upload was not holding it back\): the machine or the link is stalled .* lifeboat stopped flyctl, aborted the upload and published nothing; .* raise the 'source-idle-timeout' input \(0 turns it off\)\.$/,
    );
    // the source was stopped, not left hanging
    expect(await source.runs[0]!.done).toMatchObject({ signal: 'SIGTERM' });
    expect(store.openUploads()).toEqual({});
    expect(store.keys(ROOT)).toEqual([]);
    expect(logger.lines.join('\n')).not.toMatch(/suspect|verdict/);
  });

  it('a source held back by a store slower than the timeout (back-pressure) does not fire: the backup is good', async () => {
    // the store reads nothing of the archive for five idle periods: the pipe fills and pauses
    const { clock, store } = fixture(async ({ operation, key }) => {
      if (operation === 'Upload' && key.includes('/archive.'))
        await new Promise((r) => setTimeout(r, 5 * IDLE_MS));
    });
    const { result, error, ms } = await settled({
      store,
      clock,
      archive: BIG,
      options: { ...PLAIN, sourceIdleTimeoutMs: IDLE_MS },
    });
    expect(error).toBeUndefined();
    expect(ms).toBeGreaterThanOrEqual(5 * IDLE_MS);
    expect(result!.status).toBe('ok');
    expect(store.json<{ snapshotId: string }>(LAYOUT.latestKey)?.snapshotId).toBe(result!.snapshotId);
  });

  it('0 turns it off: a stalled source is still waited for, until the run is cancelled', async () => {
    const { clock, store } = fixture();
    const controller = new AbortController();
    const source = new ScriptedSource({ label: 'flyctl', tools: { flyctl: '0.4.87' } });
    const sent = await framedArchive(BIG);
    const started = startBackup({
      store,
      clock,
      source,
      archive: BIG,
      signal: controller.signal,
      play: { stallAfter: sent.framed.length - 4096 },
      options: { ...PLAIN, sourceIdleTimeoutMs: 0 },
    });
    const { running } = await started;
    let ended = false;
    void running.catch(() => undefined).finally(() => (ended = true));
    await new Promise((r) => setTimeout(r, 6 * IDLE_MS));
    expect(ended).toBe(false);
    controller.abort(new Error('SIGTERM'));
    const error = await running.then(
      () => undefined,
      (err: unknown) => err as Error,
    );
    expect(error).toBeInstanceOf(OperationFailedError);
    expect(error!.message).toMatch(/^the backup was cancelled/);
    expect(store.openUploads()).toEqual({});
  });
});

describe('the watch after the source closed its output', () => {
  // a real pipe from a child process's stdout (node -e), through pipeline() into a writable, as
  // stream-to-store reads it: the pipe's end unpipes and so pauses the ended stdout
  it('counts the silence until the source exits: one that closed its stdout and lingers fires it', async () => {
    const child = spawn(
      process.execPath,
      ['-e', "process.stdout.end('x', () => require('fs').closeSync(1)); setInterval(() => {}, 1000)"],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const fired = new Promise<number>((resolve) => {
      const watch = watchSourceIdle(child.stdout, { idleMs: IDLE_MS, onIdle: resolve, tickMs: 50 });
      // armed at the first byte, as at the stream's header: node's own start is not timed
      child.stdout.once('data', () => watch.arm());
    });
    const flowing = pipeline(child.stdout, new Writable({ write: (_c, _e, cb) => cb() }));
    try {
      await flowing;
      expect(child.stdout.readableEnded).toBe(true);
      expect(child.exitCode).toBeNull();
      const outcome = await Promise.race([
        fired,
        new Promise((r) => setTimeout(() => r('never'), 10 * IDLE_MS)),
      ]);
      expect(outcome).toBeGreaterThanOrEqual(IDLE_MS);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
