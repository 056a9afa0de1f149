import * as core from '@actions/core';
import { runCopy, type CopyResult } from '../../jobs/copy-snapshot.js';
import { serverSideCopier } from '../../storage/server-side-copy.js';
import { S3ObjectStore } from '../../storage/object-store.js';
import { actionsLogger } from '../common/action-io.js';
import { runStep } from '../common/run-step.js';
import { destinationSecrets, getInputs, OUTPUTS } from './inputs.js';
import { copySummary, type CopyRun } from './summary.js';

/** Copies a proven snapshot to a second bucket or provider. */
export async function run(): Promise<void> {
  await runStep({
    name: 'copy-snapshot',
    outputs: OUTPUTS,
    outputValues: (r: CopyRun | undefined, elapsedSeconds) => ({
      'snapshot-id': r?.result.snapshotId ?? '',
      copied: r?.result.copied ?? false,
      bytes: r?.result.bytes ?? 0,
      sha256: r?.result.sha256 ?? '',
      'duration-seconds': (r?.result.durationSeconds ?? elapsedSeconds).toFixed(1),
    }),
    // the destination keys are masked before any input is validated or echoed
    secrets: destinationSecrets,
    inputs: getInputs,
    async execute(inputs, { signal }): Promise<CopyRun> {
      const source = new S3ObjectStore(inputs.source);
      const destination = new S3ObjectStore(inputs.destination);
      const result: CopyResult = await runCopy(inputs.copy, {
        source,
        destination,
        origin: { endpoint: inputs.source.endpoint, bucket: inputs.source.bucket },
        ...(inputs.sameAccount ? { serverSideCopy: serverSideCopier(inputs.destination) } : {}),
        logger: actionsLogger,
        signal,
      });
      return { result, from: source.description, to: destination.description };
    },
    summary: copySummary,
    passed: ({ result: r, to }) =>
      core.info(
        r.copied
          ? `snapshot ${r.snapshotId} copied to ${to}/${r.archiveKey}`
          : `snapshot ${r.snapshotId} was already at ${to}: nothing copied`,
      ),
  });
}
