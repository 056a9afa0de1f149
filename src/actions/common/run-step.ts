import * as core from '@actions/core';
import { ConfigurationError, OperationFailedError, errorMessage } from '../../util/errors.js';
import { redactSecrets } from '../../util/redact.js';
import { interruptCleanup } from '../../util/interrupt-cleanup.js';
import { startMemoryPolicy } from '../../util/memory-policy.js';
import { maskKnownSecrets, setOutputs, type OutputValue } from './action-io.js';
import { Summary } from './summary.js';

/**
 * The one lifecycle of every action's step (after docker/actions-toolkit's `run(main)` and the
 * edge/logic split of github/codeql-action): mask secrets, read inputs, execute the engine with
 * an AbortSignal, judge the result, then set every output, write the job summary and fail the
 * step. An action's main.ts only lists its own parts of that (an ActionStep).
 *
 * Invariants:
 * - every declared output is set, as a string, exactly once, on every path: success, failure,
 *   cancellation and a stall; without a result, each output has the value `outputValues` gives
 *   for `undefined` (each action declares those defaults once);
 * - secrets are masked before any input is read, so no error about an input can show one;
 * - the job summary is HTML built by ./summary.ts (every value escaped); a failure always ends it
 *   with what failed and the fix (the error's message), also when the step failed before it had
 *   a result (a preflight);
 * - only this module calls core.setFailed, and only once.
 *
 * Cancellation (the runner sends SIGINT, then SIGTERM): "received SIGTERM: aborting" is logged,
 * the step is told through its AbortSignal and gets CANCEL_GRACE_MS to stop. It then fails (exit
 * code 1) with the engine's own message (for example "the backup was cancelled: the upload was
 * aborted and nothing was published"), or "cancelled by SIGTERM" when the engine just stopped;
 * still busy after the grace period, with "cancelled by SIGTERM; cleanup did not finish within
 * 4 s". Either way the outputs and the summary are written first, then the process exits at once,
 * without waiting for aborted requests that are still open.
 */
export interface ActionStep<I, R, O extends string> {
  /** The action's name, for the summary of a failure before any result ("fly-volume-backup"). */
  name: string;
  /** Every output the action declares (action.yml). */
  outputs: readonly O[];
  /** The value of every output for a result, and without one (`undefined`: the defaults). */
  outputValues(result: R | undefined, elapsedSeconds: number): Record<O, OutputValue>;
  /** Raw input values that hold secrets, masked before any input is read or checked. */
  secrets?(): string[];
  /** Reads and checks every input before anything runs (throws a ConfigurationError). */
  inputs(): I;
  /** The work: calls the engine; a thrown error fails the step with its message. */
  execute(inputs: I, context: StepContext): Promise<R>;
  /** The job summary of a result (pass or fail). */
  summary?(summary: Summary, result: R, inputs: I): void;
  /** Why a result fails the step; undefined when it passes. */
  verdict?(result: R, inputs: I): string | undefined;
  /** What to log when the step passes. */
  passed?(result: R, inputs: I): void;
  /** Releases what inputs or execute acquired; called once, on every path. */
  dispose?(): void;
  /**
   * 'fail' (the default): a failure fails the step. 'never-fail': the step reports a problem but
   * exits 0 (failure-issue: the job's own status is what matters): a ConfigurationError becomes an
   * error annotation, any other failure a warning.
   */
  failures?: 'fail' | 'never-fail';
}

export interface StepContext {
  /** Aborted when the job is cancelled; its reason is a CancelledError. */
  signal: AbortSignal;
}

/**
 * After a cancellation, lifeboat exits at most this long after the signal, whatever is still in
 * flight. Not shorter than INTERRUPT_CLEANUP_MS: the clean-up that matters (util/interrupt-cleanup.ts)
 * started at the signal and is waited for before the exit.
 */
export const CANCEL_GRACE_MS = 4000;

/** The reason of an aborted step: the job was cancelled. */
export class CancelledError extends OperationFailedError {
  constructor(signal: NodeJS.Signals) {
    super(`cancelled by ${signal}`);
  }
}

/** How a failure reads in the summary and the log, by the step's failure mode. */
const FAILURE_WORDS = {
  fail: { mark: '❌', verb: 'failed', title: 'Failed' },
  'never-fail': { mark: '⚠️', verb: 'could not finish', title: 'Could not finish' },
} as const;

/** A step's inputs and the result its execution returned. */
interface Done<I, R> {
  inputs: I;
  result: R;
}

const STALLED =
  'lifeboat stopped before it finished: an operation stalled with nothing left to wait for (a bug; please report it with the log).';

/** Runs one action step through the lifecycle above; resolves when the step has finished. */
export async function runStep<I, R, O extends string>(step: ActionStep<I, R, O>): Promise<void> {
  const started = Date.now();
  const controller = new AbortController();
  let done: Done<I, R> | undefined;
  let finished: Promise<void> | undefined;

  const onSignal = (sig: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    core.warning(`received ${sig}: aborting`);
    controller.abort(new CancelledError(sig));
    // an aborted request the SDK does not cancel (a part upload held by a slow network) keeps the
    // event loop alive: the runner would wait for it and then kill the step. Exit in time instead.
    setTimeout(() => {
      void finish(
        new OperationFailedError(
          `cancelled by ${sig}; cleanup did not finish within ${CANCEL_GRACE_MS / 1000} s`,
        ),
      );
    }, CANCEL_GRACE_MS).unref();
  };
  // a step must never end as a success because its work stalled: when the event loop empties
  // while the step still runs (a stream that will never end), the step fails instead of exiting 0
  const onBeforeExit = () => void finish(new OperationFailedError(STALLED));
  const stopWatching = () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('beforeExit', onBeforeExit);
  };
  /** Ends the step once, whichever path gets here first. */
  const finish = (failure: unknown): Promise<void> =>
    (finished ??= (async () => {
      stopWatching();
      setOutputs(step.outputs, step.outputValues(done?.result, (Date.now() - started) / 1000));
      await writeSummary(step, done, failure);
      report(step, failure);
      try {
        step.dispose?.();
      } catch (err) {
        core.warning(`cleanup failed: ${errorMessage(err)}`);
      }
      if (controller.signal.aborted) {
        // the clean-up that matters started at the signal and is bounded on its own
        // (util/interrupt-cleanup.ts): wait for it, say what it could not do
        const left = await interruptCleanup(controller.signal);
        if (left.length) {
          core.warning(
            `the clean-up after the cancellation did not finish, so the bucket may still hold ${left.join('; ')}. ` +
              `An open multipart upload is removed by the bucket's AbortIncompleteMultipartUpload lifecycle rule; ` +
              `a snapshot folder holding only a claim is removed by the next retention run once it is 24 h old.`,
          );
        }
        // cancelled: exit now rather than wait for aborted requests that keep the event loop alive
        process.exit(process.exitCode ?? 0);
      }
    })());

  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('beforeExit', onBeforeExit);

  let failure: unknown;
  try {
    maskKnownSecrets(step.secrets?.() ?? []);
    const inputs = step.inputs();
    // dead Buffers are freed as they die, not 64 MiB later (util/memory-policy.ts)
    const memory = startMemoryPolicy();
    const result = await step.execute(inputs, { signal: controller.signal }).finally(() => memory.stop());
    done = { inputs, result };
    const why = step.verdict?.(result, inputs);
    if (why !== undefined) failure = new OperationFailedError(why);
    else step.passed?.(result, inputs);
  } catch (err) {
    failure = err;
  }
  await finish(failure);
}

/** The action's own summary of its result, then, on a failure, what failed and the fix. */
async function writeSummary<I, R, O extends string>(
  step: ActionStep<I, R, O>,
  done: Done<I, R> | undefined,
  failure: unknown,
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    const summary = new Summary();
    if (done) step.summary?.(summary, done.result, done.inputs);
    if (failure !== undefined) {
      const { mark, verb, title } = FAILURE_WORDS[step.failures ?? 'fail'];
      // under the action's own summary, or alone when the step failed before it had a result
      if (summary.isEmpty) summary.heading(`${mark} ${step.name} ${verb}`);
      else summary.heading(`${mark} ${title}`, 3);
      summary.paragraph(redactSecrets(errorMessage(failure)));
    }
    if (summary.isEmpty) return;
    await core.summary.addRaw(summary.toHtml()).write();
  } catch (err) {
    core.warning(`could not write the job summary: ${errorMessage(err)}`);
  }
}

/**
 * Fails the step (or, for a never-fail step, annotates it): a ConfigurationError or an expected
 * failure prints its message alone; anything else is a bug and gets its stack in the debug log.
 */
function report<I, R, O extends string>(step: ActionStep<I, R, O>, failure: unknown): void {
  if (failure === undefined) return;
  const expected = failure instanceof ConfigurationError || failure instanceof OperationFailedError;
  if (!expected && failure instanceof Error && failure.stack) core.debug(failure.stack);
  const message = redactSecrets(errorMessage(failure));
  const words = `${step.name} ${FAILURE_WORDS['never-fail'].verb}: ${message}`;
  if (step.failures !== 'never-fail') core.setFailed(message);
  else if (failure instanceof ConfigurationError) core.error(words);
  else core.warning(words);
}
