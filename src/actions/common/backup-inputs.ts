import type { BackupOptions } from '../../jobs/backup.js';
import { readBackup } from '../../options/backup-options.js';
import type { S3Location } from '../../storage/s3-client.js';
import { actionReader } from './action-io.js';

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

/** The backup inputs every backup action shares (see src/options/backup-options.ts). */
export function getBackupInputs(defaultTarget: string): { backup: BackupOptions; location: S3Location } {
  return readBackup(actionReader, defaultTarget);
}
