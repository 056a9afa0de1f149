import type { BackupOptions } from '../../backup.js';
import type { FlySourceOptions } from '../../sources/fly-source.js';
import type { S3Location } from '../../storage/s3-client.js';
import { validateAppName, validateCommandPath, validateMachineId } from '../../validate.js';
import { input, requiredInput } from '../common/action-io.js';
import { BACKUP_OUTPUTS, getBackupInputs } from '../common/backup-inputs.js';

export const OUTPUTS = BACKUP_OUTPUTS;

export interface FlyBackupInputs {
  backup: BackupOptions;
  fly: FlySourceOptions;
  location: S3Location;
}

/** Reads and checks every input before anything runs; the first problem is the one error. */
export function getInputs(): FlyBackupInputs {
  const app = validateAppName('app', requiredInput('app', 'the name of the Fly app whose volume to back up'));
  const machine = input('machine');
  const fly: FlySourceOptions = {
    app,
    ...(machine ? { machine: validateMachineId('machine', machine) } : {}),
    flyctl: validateCommandPath('flyctl', input('flyctl') || 'flyctl'),
  };
  return { fly, ...getBackupInputs(app) };
}
