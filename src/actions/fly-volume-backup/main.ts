import * as core from '@actions/core';
import { runBackup, type BackupResult } from '../../backup.js';
import { OperationFailedError } from '../../errors.js';
import { FlySource } from '../../sources/fly-source.js';
import { S3ObjectStore } from '../../storage/object-store.js';
import {
  actionsLogger,
  cancellationSignal,
  failStep,
  maskKnownSecrets,
  setOutputs,
  writeSummary,
} from '../common/action-io.js';
import { backupOutputs, backupSummary } from '../common/backup-report.js';
import { getInputs, OUTPUTS } from './inputs.js';

export async function run(): Promise<void> {
  const started = Date.now();
  let result: BackupResult | undefined;
  try {
    maskKnownSecrets();
    const inputs = getInputs();
    const store = new S3ObjectStore(inputs.location);
    result = await runBackup(inputs.backup, {
      store,
      source: new FlySource(inputs.fly),
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
    setOutputs(OUTPUTS, backupOutputs(result, (Date.now() - started) / 1000));
  }
}
