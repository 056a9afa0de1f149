/**
 * A mistake the user can fix (bad input, missing secret, unversioned bucket, old flyctl).
 * Its message says what is wrong and how to fix it; the edges print it without a stack trace.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** The job ran but its result is not good (a failed stream, a suspect backup, a failed check). */
export class OperationFailedError extends Error {
  override readonly name = 'OperationFailedError';
}

/**
 * The environment failed, not the data: the store is unreachable or stalled, the disk is full, a
 * tool or runtime feature is missing, a signal arrived. The message names the real cause and the
 * fix; no verdict about an archive is ever drawn from it (a verify writes no verification.json).
 */
export class EnvironmentError extends Error {
  override readonly name: string = 'EnvironmentError';
}

/**
 * A signal (SIGINT, SIGTERM, a cancelled job) ended the run: an environment fault like any other
 * (no verdict is drawn from it), told apart because an interrupted command exits 130.
 */
export class InterruptedError extends EnvironmentError {
  override readonly name = 'InterruptedError';
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** An error and the errors it was caused by (`cause`), outermost first; cycles end the walk. */
export function causeChain(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = err; e !== undefined && e !== null && !chain.includes(e);) {
    chain.push(e);
    e = e instanceof Error ? e.cause : undefined;
  }
  return chain;
}
