import * as core from '@actions/core';
import { runBackup, type BackupOptions, type BackupResult } from '../../jobs/backup.js';
import { OperationFailedError } from '../../util/errors.js';
import type { ArchiveSource } from '../../sources/archive-source.js';
import { S3ObjectStore } from '../../storage/object-store.js';
import type { S3Location } from '../../storage/s3-client.js';
import {
  actionsLogger,
  cancellationSignal,
  failStep,
  guardUnfinished,
  maskKnownSecrets,
  setOutputs,
  writeSummary,
} from './action-io.js';
import { BACKUP_OUTPUTS } from './backup-inputs.js';
import { backupOutputs, backupSummary } from './backup-report.js';

/**
 * The edge every backup action shares: mask secrets, read inputs (which may throw a
 * ConfigurationError before anything runs), run the engine, write the summary, fail the step on a
 * suspect or failed backup, and always set every output.
 */
export async function runBackupAction(
  read: () => { backup: BackupOptions; location: S3Location; source: ArchiveSource; secrets?: string[] },
): Promise<void> {
  const started = Date.now();
  let result: BackupResult | undefined;
  const finished = guardUnfinished();
  try {
    maskKnownSecrets();
    const inputs = read();
    maskKnownSecrets(inputs.secrets);
    const store = new S3ObjectStore(inputs.location);
    result = await runBackup(inputs.backup, {
      store,
      source: inputs.source,
      logger: actionsLogger,
      signal: cancellationSignal(),
    });
    const done = result;
    await writeSummary((s) =>
      backupSummary(s, `lifeboat backup of ${inputs.backup.target}`, done, store.description),
    );
    if (result.status !== 'ok') throw new OperationFailedError(result.message);
    core.info(`snapshot ${result.snapshotId} stored at ${store.description}/${result.archiveKey}`);
  } catch (err) {
    failStep(err);
  } finally {
    finished();
    setOutputs(BACKUP_OUTPUTS, backupOutputs(result, (Date.now() - started) / 1000));
  }
}
