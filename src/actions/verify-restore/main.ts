import * as core from '@actions/core';
import { verifyAndRestore } from '../../jobs/restore.js';
import { swapInstructions, verifyOptionsOf } from '../../options/restore-target.js';
import { keySecrets } from '../../sources/ssh-source.js';
import { S3ObjectStore } from '../../storage/object-store.js';
import { actionsLogger, input } from '../common/action-io.js';
import { runStep } from '../common/run-step.js';
import { getInputs, OUTPUTS } from './inputs.js';
import { verifySummary, type VerifyRun } from './summary.js';

/** Restores a snapshot (into a holding directory, as a stream, or onto a machine) and proves it. */
export async function run(): Promise<void> {
  await runStep({
    name: 'verify-restore',
    outputs: OUTPUTS,
    outputValues: (r: VerifyRun | undefined) => ({
      'snapshot-id': r?.result.report.snapshotId ?? '',
      verified: r?.result.report.verified ?? false,
      restorable: r?.result.report.restorable ?? false,
      entries: r?.result.report.entries ?? 0,
      bytes: r?.result.report.bytes ?? 0,
      'age-seconds': r?.result.report.ageSeconds ?? 0,
      'restore-seconds': r?.result.report.restoreSeconds ?? 0,
      'report-key': r?.result.reportKey ?? '',
    }),
    // the age identity and the ssh key, read raw: masked before anything could print them
    secrets: () => [input('decryption-identity'), ...keySecrets(core.getInput('ssh-key'))],
    inputs: getInputs,
    async execute(inputs, { signal }): Promise<VerifyRun> {
      const store = new S3ObjectStore(inputs.location);
      const result = await verifyAndRestore(verifyOptionsOf(inputs), {
        store,
        logger: actionsLogger,
        signal,
      });
      const swap = result.report.restoredTo ? swapInstructions(inputs, result.report.snapshotId) : [];
      if (swap.length) {
        core.info(`restored into ${result.report.restoredTo}; to swap it in after review:`);
        for (const line of swap) core.info(line);
      }
      return { result, swap };
    },
    summary: verifySummary,
    verdict: ({ result }) => (result.report.verified ? undefined : result.failure),
    passed: ({ result: { report } }) =>
      core.info(`snapshot ${report.snapshotId} verified in ${report.restoreSeconds.toFixed(2)} s`),
  });
}
