import { errorMessage } from './errors.js';

/**
 * How long the clean-up that matters may take once a run is interrupted, counted from the signal.
 * The edges exit no later than this (plus a moment) after a signal, whatever else still runs
 * (cli/main.ts SIGNAL_GRACE_MS, actions/common/run-step.ts CANCEL_GRACE_MS are not shorter).
 */
export const INTERRUPT_CLEANUP_MS = 4000;

/**
 * The clean-up a signal must not leave undone: aborting this run's open multipart uploads,
 * releasing its claim. An interrupted run used to reach them only after it had unwound (waiting
 * for its source to exit, listing uploads, one request after the other), and on a loaded machine
 * or a slow link the grace ran out first: an open multipart upload and claim.json stayed in the
 * bucket. Invariants:
 *
 * - a task registered on a run's signal starts the moment that signal aborts (at once when it
 *   already has), concurrently with every other task of the run, and is waited for at most until
 *   INTERRUPT_CLEANUP_MS after the abort; the aborted signal itself never cuts it short;
 * - a task runs at most once: `run()` on the normal path runs it, or, when the signal already
 *   started it, waits for that run;
 * - `interruptCleanup(signal)` (the edges, before the process exits) waits for every task the
 *   signal started and names each one that did not finish: what may be left behind.
 */
export interface InterruptCleanup {
  /** Runs the task now, or waits for the run the signal started; rejects when that run failed. */
  run(): Promise<void>;
  /** Forgets the task: a later signal no longer starts it (its work was done another way). */
  cancel(): void;
}

/** Where a task's work is: the bucket (uploads, claims), this machine's disk (a restore's copy), or the machine a restore swaps into. */
export type CleanupPlace = 'bucket' | 'this machine' | 'the machine restored into';

interface Started {
  what: string;
  place: CleanupPlace;
  outcome: Promise<string | undefined>;
}

/** The tasks each signal started (keyed by the run's signal: no process-wide state to reset). */
const startedBy = new WeakMap<AbortSignal, Started[]>();

export function onInterrupt(
  signal: AbortSignal | undefined,
  /** What the task leaves behind when it does not finish ("the multipart upload of KEY"). */
  what: string,
  task: () => Promise<void>,
  place: CleanupPlace = 'bucket',
): InterruptCleanup {
  let running: Promise<void> | undefined;
  const start = () => (running ??= task());
  const onAbort = () => {
    const outcome = withDeadline(start(), INTERRUPT_CLEANUP_MS).then(
      (finished) => (finished ? undefined : `${what} (not done within ${INTERRUPT_CLEANUP_MS / 1000} s)`),
      (err: unknown) => `${what} (${errorMessage(err)})`,
    );
    const list = signal ? (startedBy.get(signal) ?? []) : [];
    if (signal) startedBy.set(signal, [...list, { what, place, outcome }]);
  };
  const forget = () => signal?.removeEventListener('abort', onAbort);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  return {
    run: () => {
      forget();
      return start();
    },
    cancel: forget,
  };
}

/**
 * Waits for every task `signal` started in `place` (each bounded by INTERRUPT_CLEANUP_MS) and
 * returns what each unfinished one may have left behind; empty when everything was cleaned up.
 */
export async function interruptCleanup(
  signal: AbortSignal,
  place: CleanupPlace = 'bucket',
): Promise<string[]> {
  const started = (startedBy.get(signal) ?? []).filter((s) => s.place === place);
  const left = await Promise.all(started.map((s) => s.outcome));
  return left.filter((l): l is string => l !== undefined);
}

/** True when `work` settled in time; its rejection passes through. */
async function withDeadline(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}
