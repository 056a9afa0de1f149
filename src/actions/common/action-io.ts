import * as core from '@actions/core';
import { ConfigurationError, OperationFailedError, errorMessage } from '../../util/errors.js';
import type { Logger } from '../../util/logger.js';
import { parseBoolean, splitLines, type OptionReader } from '../../options/option-reader.js';

/** Reads an input; surrounding whitespace is trimmed, an empty value is ''. */
export function input(name: string): string {
  return core.getInput(name).trim();
}

export function requiredInput(name: string, what: string): string {
  const value = input(name);
  if (value === '') throw new ConfigurationError(`Input '${name}' is required: ${what}.`);
  return value;
}

/** One value per line; blank lines and lines starting with # are ignored. */
export function multilineInput(name: string): string[] {
  return splitLines(core.getInput(name));
}

export function booleanInput(name: string): boolean {
  return parseBoolean(name, core.getInput(name));
}

/** Action inputs as an OptionReader (the runner has applied action.yml's defaults). */
export const actionReader: OptionReader = { text: input, lines: multilineInput, flag: booleanInput };

/** Sets every output, always as a string, so that no path leaves one empty by accident. */
export function setOutputs<K extends string>(
  names: readonly K[],
  values: Partial<Record<K, string | number | boolean>>,
): void {
  for (const name of names) {
    const v = values[name];
    core.setOutput(name, v === undefined ? '' : String(v));
  }
}

/** Masks the secrets lifeboat may hold so that no log line, summary or output can show them. */
export function maskKnownSecrets(extra: string[] = []): void {
  const names = [
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_ACCESS_KEY_ID',
    'FLY_API_TOKEN',
    'FLY_ACCESS_TOKEN',
    'GITHUB_TOKEN',
    'LIFEBOAT_DECRYPTION_IDENTITY',
    'LIFEBOAT_SSH_KEY',
  ];
  for (const n of names) {
    const v = process.env[n];
    if (v) core.setSecret(v);
  }
  for (const v of extra) if (v) core.setSecret(v);
}

export const actionsLogger: Logger = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  group: (title, fn) => core.group(title, fn),
};

/** Writes the job summary when the runner provides one (never fails the step for it). */
export async function writeSummary(build: (summary: typeof core.summary) => void): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    build(core.summary);
    await core.summary.write();
  } catch (err) {
    core.warning(`could not write the job summary: ${errorMessage(err)}`);
  }
}

let cancelled = false;

/** After a cancellation, lifeboat exits at most this long after the signal, whatever is still in flight. */
export const CANCEL_GRACE_MS = 4000;

/** An AbortSignal that fires when the job is cancelled (the runner sends SIGINT, then SIGTERM). */
export function cancellationSignal(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => {
    core.warning(`received ${sig}: aborting`);
    cancelled = true;
    controller.abort(new Error(`cancelled by ${sig}`));
    // an aborted request the SDK does not cancel (a part upload held by a slow network) keeps the
    // event loop alive: the runner would wait for it and then kill the step. Exit in time instead.
    setTimeout(() => {
      core.setFailed(`cancelled by ${sig}; cleanup did not finish within ${CANCEL_GRACE_MS / 1000} s`);
      process.exit(1);
    }, CANCEL_GRACE_MS).unref();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return controller.signal;
}

/**
 * A step must never end as a success because its work stalled: when the event loop empties while
 * the step is still running (a stream that will never end), the step fails instead of exiting 0.
 * Call the returned function when the step has finished.
 */
export function guardUnfinished(): () => void {
  let finished = false;
  const onBeforeExit = () => {
    if (finished) return;
    finished = true;
    core.setFailed(
      'lifeboat stopped before it finished: an operation stalled with nothing left to wait for (a bug; please report it with the log).',
    );
  };
  process.once('beforeExit', onBeforeExit);
  return () => {
    finished = true;
    process.removeListener('beforeExit', onBeforeExit);
    // cancelled: once the caller has set its outputs (synchronously, right after this), exit
    // without waiting for aborted requests that are still open
    if (cancelled) setImmediate(() => process.exit(process.exitCode ?? 1));
  };
}

/**
 * The one place that fails the step: a ConfigurationError or an expected failure prints its
 * message alone; anything else is a bug and gets its stack in the debug log.
 */
export function failStep(err: unknown): void {
  const expected = err instanceof ConfigurationError || err instanceof OperationFailedError;
  if (!expected && err instanceof Error && err.stack) core.debug(err.stack);
  core.setFailed(errorMessage(err));
}
