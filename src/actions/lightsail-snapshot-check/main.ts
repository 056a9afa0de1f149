import * as core from '@actions/core';
import { checkSnapshots } from '../../lightsail/check.js';
import { SdkLightsailApi } from '../../lightsail/client.js';
import { describeResource } from '../../lightsail/judge.js';
import { actionsLogger } from '../common/action-io.js';
import { runStep } from '../common/run-step.js';
import { getInputs, OUTPUTS } from './inputs.js';
import { outputValues, snapshotSummary } from './report.js';

/** Checks the automatic snapshots of Lightsail instances and disks; optionally takes one and waits. */
export async function run(): Promise<void> {
  await runStep({
    name: 'lightsail-snapshot-check',
    outputs: OUTPUTS,
    outputValues,
    inputs: getInputs,
    async execute(inputs, { signal }) {
      const result = await checkSnapshots(
        {
          resources: inputs.resources,
          policy: inputs.policy,
          ...(inputs.create ? { create: inputs.create } : {}),
        },
        { api: new SdkLightsailApi(inputs.region), logger: actionsLogger, signal },
      );
      for (const r of result.resources) {
        for (const f of r.findings) if (f.level === 'warn') core.warning(f.message);
        if (r.status === 'ok') {
          core.info(
            `${describeResource(r.resource)}: ok — newest ${r.latestSnapshot} (${r.latestAgeHours?.toFixed(1)} h), ${r.snapshotCount} snapshot(s)`,
          );
        }
      }
      return result;
    },
    summary: (s, result, inputs) => snapshotSummary(s, result, inputs.region),
    verdict: (result) => {
      const crit = result.resources.flatMap((r) => r.findings.filter((f) => f.level === 'crit'));
      return crit.length ? crit.map((f) => f.message).join('\n') : undefined;
    },
  });
}
