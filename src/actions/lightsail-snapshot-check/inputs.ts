import { readLightsail, type SnapshotCheckInputs } from '../../options/lightsail-options.js';
import { actionReader } from '../common/action-io.js';

/** Outputs, declared once; every one is set on every path. */
export const OUTPUTS = [
  'status',
  'auto-snapshot-enabled',
  'snapshot-time-of-day',
  'latest-snapshot',
  'latest-age-hours',
  'snapshot-count',
  'created-snapshot',
  'report',
] as const;

export type Output = (typeof OUTPUTS)[number];

export type { SnapshotCheckInputs };

/** Reads and checks every input before any call to AWS; the first problem is the one error. */
export function getInputs(): SnapshotCheckInputs {
  return readLightsail(actionReader);
}
