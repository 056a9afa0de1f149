import * as core from '@actions/core';
import { checkFlySnapshots } from '../../flysnap/check.js';
import { FlyctlVolumesApi } from '../../flysnap/flyctl-volumes.js';
import { describeVolume } from '../../flysnap/judge.js';
import { actionsLogger } from '../common/action-io.js';
import { runStep } from '../common/run-step.js';
import { getInputs, OUTPUTS } from './inputs.js';
import { allFindings, outputValues, snapshotSummary } from './report.js';

/** Checks the Fly volume snapshots of an app; optionally takes one per volume and waits. */
export async function run(): Promise<void> {
  await runStep({
    name: 'fly-snapshot-check',
    outputs: OUTPUTS,
    outputValues,
    inputs: getInputs,
    async execute(inputs, { signal }) {
      const result = await checkFlySnapshots(
        {
          app: inputs.app,
          volumes: inputs.volumes,
          policy: inputs.policy,
          ...(inputs.create ? { create: inputs.create } : {}),
        },
        { api: new FlyctlVolumesApi({ flyctl: inputs.flyctl, signal }), logger: actionsLogger, signal },
      );
      for (const f of allFindings(result)) if (f.level === 'warn') core.warning(f.message);
      for (const r of result.volumes) {
        if (r.status === 'ok') {
          core.info(
            `${describeVolume(r.volume)}: ok — newest ${r.latestSnapshot} (${r.latestAgeHours?.toFixed(1)} h), ${r.snapshotCount} snapshot(s)`,
          );
        }
      }
      return result;
    },
    summary: (s, result) => snapshotSummary(s, result),
    verdict: (result) => {
      const crit = allFindings(result).filter((f) => f.level === 'crit');
      return crit.length ? crit.map((f) => f.message).join('\n') : undefined;
    },
  });
}
