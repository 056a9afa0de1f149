import { readFlySnapshotCheck, type FlySnapshotCheckInputs } from '../../options/fly-snapshot-options.js';
import { actionReader } from '../common/action-io.js';

/** Outputs, declared once; every one is set on every path. */
export const OUTPUTS = [
  'status',
  'report',
  'latest-age-hours',
  'snapshot-count',
  'created-snapshot',
] as const;

export type Output = (typeof OUTPUTS)[number];

export type { FlySnapshotCheckInputs };

/** Reads and checks every input before flyctl runs; the first problem is the one error. */
export function getInputs(): FlySnapshotCheckInputs {
  return readFlySnapshotCheck(actionReader);
}
