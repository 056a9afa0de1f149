import type { Readable } from 'node:stream';

export interface SourceIdleWatchOptions {
  /** Silence, in ms, after which the source counts as stalled; 0 turns the watch off. */
  idleMs: number;
  /** Called once, when the source stalled (or closed its output and did not exit); the watch is stopped by then. */
  onIdle: (idleMs: number) => void;
  /** How often the silence is measured (default: a fifth of idleMs, between 50 ms and 1 s). */
  tickMs?: number;
}

export interface SourceIdleWatch {
  /** Starts counting (at the stream's header: what comes before it is not timed). */
  arm(): void;
  /** Stops it for good: when the source exited, or the run failed. */
  stop(): void;
}

/**
 * Watches the source's stdout for a stall: no byte while lifeboat is ready to read it.
 *
 * Invariants:
 * - Only silence while lifeboat waits counts. While the stream is paused by back-pressure (the
 *   upload's parts wait for the store, the walk or the compressor is behind), or holds bytes not
 *   yet read, the source is not asked for more, so that time never counts: the silence starts
 *   again from zero once reading resumes. A store that is slow therefore never fires this watch
 *   (the store has its own idle timeout, storage/s3-client.ts).
 * - Time that lifeboat itself did not run (the runner's event loop blocked, the process stopped or
 *   the machine suspended: a tick that comes much later than due) does not count either.
 * - Nothing is timed before arm(): the connection, the machine's checks, the pre-command and du
 *   run before the stream's header (archive/remote-script.ts) and may be long and silent.
 * - The end of the stream does not stop it: a source that closed its output but does not exit (a
 *   connection that never closes after the remote command ended) is silent from then on, and
 *   fires it too. The caller stops it when the source exits.
 * - It fires at most once, and never after stop().
 */
export function watchSourceIdle(stdout: Readable, options: SourceIdleWatchOptions): SourceIdleWatch {
  const { idleMs, onIdle } = options;
  if (idleMs <= 0) return { arm: () => undefined, stop: () => undefined };
  const tickMs = options.tickMs ?? Math.min(1000, Math.max(50, Math.floor(idleMs / 5)));
  let timer: NodeJS.Timeout | undefined;
  let quietSince = 0;
  let lastTick = 0;
  let stopped = false;
  const onData = () => {
    quietSince = Date.now();
  };
  const stop = () => {
    stopped = true;
    if (timer) clearInterval(timer);
    timer = undefined;
    stdout.off('data', onData);
  };
  const tick = () => {
    const now = Date.now();
    const late = now - lastTick > 2 * tickMs + 1000;
    lastTick = now;
    // held back by the reader, or bytes not yet read, or lifeboat itself did not run: not silence.
    // An output that ended holds nothing back (and the pipe's end paused it: unpipe() pauses).
    const held = !stdout.readableEnded && (stdout.isPaused() || stdout.readableLength > 0);
    if (late || held) {
      quietSince = now;
      return;
    }
    const quiet = now - quietSince;
    if (quiet < idleMs) return;
    stop();
    onIdle(quiet);
  };
  return {
    arm: () => {
      if (stopped || timer) return;
      quietSince = lastTick = Date.now();
      // a listener added to a piped stream leaves its flow as it is (pipe() already made it flow)
      stdout.on('data', onData);
      timer = setInterval(tick, tickMs);
      timer.unref();
    },
    stop,
  };
}
