import { readGuard, type GuardInputs } from '../../options/guard-options.js';
import { actionReader } from '../common/action-io.js';

export const OUTPUTS = ['violations', 'overridden', 'report-path'] as const;

export type { GuardInputs };

/** Reads and checks every input before anything runs; the first problem is the one error. */
export function getInputs(): GuardInputs {
  return readGuard(actionReader);
}
