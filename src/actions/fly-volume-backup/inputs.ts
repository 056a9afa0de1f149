import type { BackupOptions } from '../../jobs/backup.js';
import type { FlySourceOptions } from '../../sources/fly-source.js';
import type { S3Location } from '../../storage/s3-client.js';
import { readFly } from '../../options/backup-options.js';
import { actionReader } from '../common/action-io.js';
import { BACKUP_OUTPUTS, getBackupInputs } from '../common/backup-inputs.js';

export const OUTPUTS = BACKUP_OUTPUTS;

export interface FlyBackupInputs {
  backup: BackupOptions;
  fly: FlySourceOptions;
  location: S3Location;
}

/** Reads and checks every input before anything runs; the first problem is the one error. */
export function getInputs(): FlyBackupInputs {
  const fly = readFly(actionReader);
  return { fly, ...getBackupInputs(fly.app) };
}
