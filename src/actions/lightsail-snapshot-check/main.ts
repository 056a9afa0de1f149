import * as core from '@actions/core';
import { OperationFailedError } from '../../util/errors.js';
import { checkSnapshots, type ResourceReport, type SnapshotCheckResult } from '../../lightsail/check.js';
import { SdkLightsailApi } from '../../lightsail/client.js';
import { describeResource } from '../../lightsail/judge.js';
import { actionsLogger, failStep, maskKnownSecrets, setOutputs, writeSummary } from '../common/action-io.js';
import { getInputs, OUTPUTS, type Output } from './inputs.js';

const ICON = { ok: '✅ ok', warn: '⚠️ warn', crit: '❌ crit' } as const;

/** The report output: one plain object per resource, in the order given. */
export function reportJson(result: SnapshotCheckResult | undefined): string {
  return JSON.stringify(
    (result?.resources ?? []).map((r) => ({
      type: r.resource.kind,
      name: r.resource.name,
      status: r.status,
      autoSnapshotEnabled: r.autoSnapshotEnabled,
      snapshotTimeOfDay: r.snapshotTimeOfDay,
      latestSnapshot: r.latestSnapshot,
      latestAgeHours: r.latestAgeHours ?? null,
      snapshotCount: r.snapshotCount,
      createdSnapshot: r.createdSnapshot,
      messages: r.findings.map((f) => ({ level: f.level, message: f.message })),
    })),
  );
}

/** Single-value outputs describe the first resource with the worst status; `report` has them all. */
export function outputValues(result: SnapshotCheckResult | undefined): Record<Output, string> {
  const headline: ResourceReport | undefined =
    result?.resources.find((r) => r.status === result.status) ?? result?.resources[0];
  return {
    status: result?.status ?? 'crit',
    'auto-snapshot-enabled': String(headline?.autoSnapshotEnabled ?? false),
    'snapshot-time-of-day': headline?.snapshotTimeOfDay ?? '',
    'latest-snapshot': headline?.latestSnapshot ?? '',
    'latest-age-hours': headline?.latestAgeHours === undefined ? '' : headline.latestAgeHours.toFixed(1),
    'snapshot-count': String(headline?.snapshotCount ?? 0),
    'created-snapshot': (result?.resources ?? [])
      .map((r) => r.createdSnapshot)
      .filter((n) => n !== '')
      .join('\n'),
    report: reportJson(result),
  };
}

function summarize(summary: typeof core.summary, result: SnapshotCheckResult, region: string): void {
  summary.addHeading(`lifeboat: Lightsail snapshot check (${region}) — ${ICON[result.status]}`, 2).addTable([
    [
      { data: 'Resource', header: true },
      { data: 'Status', header: true },
      { data: 'Auto snapshots', header: true },
      { data: 'Time of day (UTC)', header: true },
      { data: 'Newest', header: true },
      { data: 'Age', header: true },
      { data: 'Count', header: true },
      { data: 'Created', header: true },
    ],
    ...result.resources.map((r) => [
      describeResource(r.resource),
      ICON[r.status],
      r.autoSnapshotEnabled ? 'enabled' : 'not enabled',
      r.snapshotTimeOfDay || '-',
      r.latestSnapshot || '-',
      r.latestAgeHours === undefined ? '-' : `${r.latestAgeHours.toFixed(1)} h`,
      String(r.snapshotCount),
      r.createdSnapshot ? `${r.createdSnapshot} (${r.createdSnapshotState})` : '-',
    ]),
  ]);
  const findings = result.resources.flatMap((r) => r.findings);
  if (findings.length) {
    summary.addList(findings.map((f) => `${f.level}: ${f.message}`));
  }
}

export async function run(): Promise<void> {
  let result: SnapshotCheckResult | undefined;
  try {
    maskKnownSecrets();
    const inputs = getInputs();
    result = await checkSnapshots(
      {
        resources: inputs.resources,
        policy: inputs.policy,
        ...(inputs.create ? { create: inputs.create } : {}),
      },
      { api: new SdkLightsailApi(inputs.region), logger: actionsLogger },
    );
    const done = result;
    await writeSummary((s) => summarize(s, done, inputs.region));
    for (const r of result.resources) {
      for (const f of r.findings) if (f.level === 'warn') core.warning(f.message);
      if (r.status === 'ok') {
        core.info(
          `${describeResource(r.resource)}: ok — newest ${r.latestSnapshot} (${r.latestAgeHours?.toFixed(1)} h), ${r.snapshotCount} snapshot(s)`,
        );
      }
    }
    const crit = result.resources.flatMap((r) => r.findings.filter((f) => f.level === 'crit'));
    if (crit.length) throw new OperationFailedError(crit.map((f) => f.message).join('\n'));
  } catch (err) {
    failStep(err);
  } finally {
    setOutputs(OUTPUTS, outputValues(result));
  }
}
