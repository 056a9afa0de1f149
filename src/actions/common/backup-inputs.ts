import type { BackupOptions } from '../../backup.js';
import type { RequestedCompression } from '../../archive/remote-script.js';
import type { S3Location } from '../../storage/s3-client.js';
import {
  parseChoice,
  parseNonNegativeInteger,
  parseRatio,
  validateCommandInput,
  validateExcludePattern,
  validateLabel,
  validateRemotePath,
  validateTarget,
} from '../../validate.js';
import { validateRecipient } from '../../crypto/age-stream.js';
import { booleanInput, input, multilineInput } from './action-io.js';
import { getStorageInputs } from './storage-inputs.js';

/** Outputs of every backup action (fly-volume-backup, ssh-volume-backup): the same names and meanings. */
export const BACKUP_OUTPUTS = [
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

/**
 * The inputs every backup source shares: what to archive (path, exclude, pre-command,
 * compression, label), where to store it, retention and the wiped-volume guard.
 */
export function getBackupInputs(defaultTarget: string): { backup: BackupOptions; location: S3Location } {
  const storage = getStorageInputs();
  const label = input('label');
  const preCommand = input('pre-command');
  return {
    location: storage.location,
    backup: {
      target: validateTarget('target', input('target') || defaultTarget),
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
      encryptionRecipients: multilineInput('encryption-recipients').map((r) =>
        validateRecipient('encryption-recipients', r),
      ),
    },
  };
}
