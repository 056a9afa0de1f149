import { ArchiveDamagedError, ArchiveLimitError } from '../archive/archive-inspector.js';
import { isNotFound } from '../storage/s3-errors.js';
import { causeChain, ConfigurationError, EnvironmentError, InterruptedError } from '../util/errors.js';
import { isRunnerFault } from '../util/runner-faults.js';
import { UnsafeEntryError } from './safe-extractor.js';

/**
 * Whose fault a failure of a restore or a verification is; that alone decides what follows:
 * - archive: the stored snapshot is not what its manifest promises (hash, size, structure, a
 *   refused member, a missing object): the verdict "not verified" is recorded;
 * - environment: the runner, the store or the network failed (a full disk, no free inodes, a
 *   stalled or unreachable store, a missing tool or runtime feature): a message names the cause
 *   and the fix, and no verdict is recorded;
 * - interrupted: a signal ended the run: exit 130, no verdict;
 * - configuration: an input is wrong: exit 2, no verdict.
 */
export type FailureKind = 'interrupted' | 'environment' | 'configuration' | 'archive';

/**
 * Strongest first. Where errors of several kinds meet, the stronger explains the weaker: a
 * download that stalled leaves a truncated tar behind (environment, not archive), a signal ends
 * whatever was going on; never the reverse.
 */
const PRECEDENCE: readonly FailureKind[] = ['interrupted', 'environment', 'configuration', 'archive'];

/** Which error is whose fault: the first row that matches decides (a subclass before its class). */
const KINDS: readonly { kind: FailureKind; matches: (err: unknown) => boolean }[] = [
  { kind: 'interrupted', matches: (e) => e instanceof InterruptedError },
  { kind: 'environment', matches: (e) => e instanceof EnvironmentError },
  // ENOSPC, EDQUOT, EMFILE, ENAMETOOLONG, ... of this machine (util/runner-faults.ts)
  { kind: 'environment', matches: isRunnerFault },
  { kind: 'configuration', matches: (e) => e instanceof ConfigurationError },
  { kind: 'archive', matches: (e) => e instanceof UnsafeEntryError },
  { kind: 'archive', matches: (e) => e instanceof ArchiveLimitError },
  { kind: 'archive', matches: (e) => e instanceof ArchiveDamagedError },
  // the store has no object where the manifest names one: the snapshot is incomplete
  { kind: 'archive', matches: isNotFound },
];

export interface Failure {
  kind: FailureKind;
  /** The error that decided the kind (a cause of what was thrown, maybe), or the first one given. */
  error: unknown;
}

/**
 * The kind of a failure, from every error it produced (each with its `cause` chain): the
 * strongest kind any of them matches. `fallback` is the kind when none matches, the kind of the
 * step's own failures (a walk over the stored bytes: archive; a request or a write: environment).
 */
export function classifyFailure(errors: readonly unknown[], fallback: FailureKind): Failure {
  let best: Failure | undefined;
  for (const e of errors.flatMap(causeChain)) {
    const row = KINDS.find((r) => r.matches(e));
    if (row && (!best || PRECEDENCE.indexOf(row.kind) < PRECEDENCE.indexOf(best.kind))) {
      best = { kind: row.kind, error: e };
    }
  }
  return best ?? { kind: fallback, error: errors.find((e) => e !== undefined) };
}
