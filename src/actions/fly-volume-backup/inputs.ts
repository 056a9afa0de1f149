import type { BackupOptions } from '../../backup.js';
import type { RequestedCompression } from '../../archive/remote-script.js';
import type { FlySourceOptions } from '../../sources/fly-source.js';
import type { S3Location } from '../../storage/s3-client.js';
import {
  parseChoice,
  parseNonNegativeInteger,
  parseRatio,
  validateAppName,
  validateCommandInput,
  validateCommandPath,
  validateExcludePattern,
  validateLabel,
  validateMachineId,
  validateRemotePath,
  validateTarget,
} from '../../validate.js';
import { booleanInput, input, multilineInput, requiredInput } from '../common/action-io.js';
import { getStorageInputs } from '../common/storage-inputs.js';

export const OUTPUTS = [
  'snapshot-id',
  'archive-key',
  'manifest-key',
  'version-id',
  'sha256',
  'size-bytes',
  'entries',
  'status',
  'pruned',
  'duration-seconds',
] as const;

export interface FlyBackupInputs {
  backup: BackupOptions;
  fly: FlySourceOptions;
  location: S3Location;
}

/** Reads and checks every input before anything runs; the first problem is the one error. */
export function getInputs(): FlyBackupInputs {
  const app = validateAppName('app', requiredInput('app', 'the name of the Fly app whose volume to back up'));
  const machineText = input('machine');
  const storage = getStorageInputs();
  const label = input('label');
  const preCommand = input('pre-command');
  return {
    fly: {
      app,
      ...(machineText ? { machine: validateMachineId('machine', machineText) } : {}),
      flyctl: validateCommandPath('flyctl', input('flyctl') || 'flyctl'),
    },
    location: storage.location,
    backup: {
      target: validateTarget('target', input('target') || app),
      prefix: storage.prefix,
      path: validateRemotePath('path', input('path') || '/data'),
      excludes: multilineInput('exclude').map((p) => validateExcludePattern('exclude', p)),
      ...(preCommand ? { preCommand: validateCommandInput('pre-command', preCommand) } : {}),
      compression: parseChoice<RequestedCompression>('compression', input('compression') || 'auto', [
        'auto',
        'zstd',
        'gzip',
        'none',
      ]),
      ...(label ? { label: validateLabel('label', label) } : {}),
      retention: {
        last: parseNonNegativeInteger('keep-last', input('keep-last') || '7'),
        daily: parseNonNegativeInteger('keep-daily', input('keep-daily') || '14'),
        weekly: parseNonNegativeInteger('keep-weekly', input('keep-weekly') || '8'),
        monthly: parseNonNegativeInteger('keep-monthly', input('keep-monthly') || '12'),
      },
      minSizeRatio: parseRatio('min-size-ratio', input('min-size-ratio') || '0.5'),
      allowShrink: booleanInput('allow-shrink'),
      requireVersioning: booleanInput('require-versioning'),
      dryRun: booleanInput('dry-run'),
    },
  };
}
