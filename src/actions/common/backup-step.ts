import * as core from '@actions/core';
import { runBackup, type BackupOptions, type BackupResult } from '../../jobs/backup.js';
import type { ArchiveSource } from '../../sources/archive-source.js';
import { S3ObjectStore } from '../../storage/object-store.js';
import type { S3Location } from '../../storage/s3-client.js';
import { actionsLogger } from './action-io.js';
import { BACKUP_OUTPUTS } from './backup-inputs.js';
import { backupOutputs, backupSummary } from './backup-report.js';
import type { ActionStep } from './run-step.js';

/** What a backup action reads before anything runs (a read may throw a ConfigurationError). */
export interface BackupStepInputs {
  backup: BackupOptions;
  location: S3Location;
  source: ArchiveSource;
}

type BackupOutput = (typeof BACKUP_OUTPUTS)[number];

interface BackupRun {
  result: BackupResult;
  /** Where the snapshot is stored, for a person (s3://bucket at endpoint). */
  where: string;
}

/**
 * The step every backup action shares (fly-volume-backup, ssh-volume-backup): run the engine over
 * the action's source; a suspect or failed backup fails the step after its summary is written.
 */
export function backupStep(
  name: string,
  read: () => BackupStepInputs,
  edge: Pick<ActionStep<BackupStepInputs, BackupRun, BackupOutput>, 'secrets' | 'dispose'> = {},
): ActionStep<BackupStepInputs, BackupRun, BackupOutput> {
  return {
    ...edge,
    name,
    outputs: BACKUP_OUTPUTS,
    outputValues: (run, elapsedSeconds) => backupOutputs(run?.result, elapsedSeconds),
    inputs: read,
    async execute(inputs, { signal }) {
      const store = new S3ObjectStore(inputs.location);
      const result = await runBackup(inputs.backup, {
        store,
        source: inputs.source,
        logger: actionsLogger,
        signal,
      });
      return { result, where: store.description };
    },
    summary: (s, { result, where }, inputs) =>
      backupSummary(s, `lifeboat backup of ${inputs.backup.target}`, result, where),
    verdict: ({ result }) => (result.status === 'ok' ? undefined : result.message),
    passed: ({ result, where }) =>
      core.info(`snapshot ${result.snapshotId} stored at ${where}/${result.archiveKey}`),
  };
}
