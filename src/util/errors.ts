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

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
