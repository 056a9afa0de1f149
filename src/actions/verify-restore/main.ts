import * as core from '@actions/core';
import { OperationFailedError } from '../../util/errors.js';
import { formatBytes, formatDuration } from '../../util/format.js';
import { verifyAndRestore } from '../../jobs/restore.js';
import type { VerifyResult } from '../../jobs/verify.js';
import { swapInstructions, verifyOptionsOf } from '../../options/restore-target.js';
import { S3ObjectStore } from '../../storage/object-store.js';

import {
  actionsLogger,
  cancellationSignal,
  failStep,
  guardUnfinished,
  maskKnownSecrets,
  setOutputs,
  writeSummary,
} from '../common/action-io.js';
import { getInputs, OUTPUTS } from './inputs.js';

export async function run(): Promise<void> {
  let result: VerifyResult | undefined;
  const finished = guardUnfinished();
  try {
    maskKnownSecrets();
    const inputs = getInputs();
    const store = new S3ObjectStore(inputs.location);
    const signal = cancellationSignal();
    result = await verifyAndRestore(verifyOptionsOf(inputs), { store, logger: actionsLogger, signal });
    const swap = (id: string) => swapInstructions(inputs, id);
    const r = result;
    await writeSummary((s) => {
      s.addHeading(
        `lifeboat restore drill of ${r.report.target}: ${r.report.verified ? 'verified' : 'FAILED'}`,
        2,
      );
      s.addTable([
        [
          { data: 'Snapshot', header: true },
          { data: 'Age', header: true },
          { data: 'Size', header: true },
          { data: 'Entries', header: true },
          { data: 'Restore time', header: true },
          { data: 'Throughput', header: true },
        ],
        [
          r.report.snapshotId,
          formatDuration(r.report.ageSeconds),
          formatBytes(r.report.bytes),
          String(r.report.entries),
          `${r.report.restoreSeconds.toFixed(2)} s`,
          r.report.throughputMBps === null ? '-' : `${r.report.throughputMBps} MB/s`,
        ],
      ]);
      s.addTable([
        [
          { data: 'Check', header: true },
          { data: 'Result', header: true },
          { data: 'Detail', header: true },
        ],
        ...r.report.checks.map((c) => [c.name, c.ok ? 'pass' : '❌ fail', c.detail]),
      ]);
      if (r.report.restoredTo && inputs.restoreTo) {
        s.addRaw('\nTo swap the restored copy in after review:\n\n');
        s.addCodeBlock(swap(r.report.snapshotId).join('\n'), 'sh');
      }
    });
    if (r.report.restoredTo && inputs.restoreTo) {
      core.info(`restored into ${r.report.restoredTo}; to swap it in after review:`);
      for (const line of swap(r.report.snapshotId)) core.info(line);
    }
    if (!r.report.verified) throw new OperationFailedError(r.failure);
    core.info(`snapshot ${r.report.snapshotId} verified in ${r.report.restoreSeconds.toFixed(2)} s`);
  } catch (err) {
    failStep(err);
  } finally {
    finished();
    const rep = result?.report;
    setOutputs(OUTPUTS, {
      'snapshot-id': rep?.snapshotId ?? '',
      verified: rep?.verified ?? false,
      entries: rep?.entries ?? 0,
      bytes: rep?.bytes ?? 0,
      'age-seconds': rep?.ageSeconds ?? 0,
      'restore-seconds': rep?.restoreSeconds ?? 0,
      'report-key': result?.reportKey ?? '',
    });
  }
}
