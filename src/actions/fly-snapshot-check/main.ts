import * as core from '@actions/core';
import { OperationFailedError } from '../../util/errors.js';
import { checkFlySnapshots, type FlySnapshotCheckResult, type VolumeReport } from '../../flysnap/check.js';
import { FlyctlVolumesApi } from '../../flysnap/flyctl-volumes.js';
import { describeVolume } from '../../flysnap/judge.js';
import {
  actionsLogger,
  cancellationSignal,
  failStep,
  guardUnfinished,
  maskKnownSecrets,
  setOutputs,
  writeSummary,
} from '../common/action-io.js';
import { getInputs, OUTPUTS, type Output } from './inputs.js';

const ICON = { ok: '✅ ok', warn: '⚠️ warn', crit: '❌ crit' } as const;

/** The report output: one plain object per volume, in the order checked. */
export function reportJson(result: FlySnapshotCheckResult | undefined): string {
  return JSON.stringify(
    (result?.volumes ?? []).map((r) => ({
      volume: r.volume.id,
      name: r.volume.name,
      region: r.volume.region,
      attachedMachine: r.volume.attachedMachineId,
      status: r.status,
      scheduledSnapshots: r.scheduledSnapshots,
      snapshotRetention: r.snapshotRetention,
      latestSnapshot: r.latestSnapshot,
      latestAgeHours: r.latestAgeHours ?? null,
      snapshotCount: r.snapshotCount,
      createdSnapshot: r.createdSnapshot,
      createdSnapshotState: r.createdSnapshotState,
      messages: r.findings.map((f) => ({ level: f.level, message: f.message })),
    })),
  );
}

/** Single-value outputs describe the first volume with the worst status; `report` has them all. */
export function outputValues(result: FlySnapshotCheckResult | undefined): Record<Output, string> {
  const headline: VolumeReport | undefined =
    result?.volumes.find((r) => r.status === result.status) ?? result?.volumes[0];
  return {
    status: result?.status ?? 'crit',
    report: reportJson(result),
    'latest-age-hours': headline?.latestAgeHours === undefined ? '' : headline.latestAgeHours.toFixed(1),
    'snapshot-count': String(headline?.snapshotCount ?? 0),
    'created-snapshot': (result?.volumes ?? [])
      .map((r) => r.createdSnapshot)
      .filter((id) => id !== '')
      .join('\n'),
  };
}

function summarize(summary: typeof core.summary, result: FlySnapshotCheckResult): void {
  summary.addHeading(`lifeboat: Fly snapshot check (${result.app}) — ${ICON[result.status]}`, 2);
  if (result.volumes.length) {
    summary.addTable([
      ['Volume', 'Status', 'Machine', 'Retention', 'Newest', 'Age', 'Count', 'Created'].map((data) => ({
        data,
        header: true,
      })),
      ...result.volumes.map((r) => [
        describeVolume(r.volume),
        ICON[r.status],
        r.volume.attachedMachineId ?? 'none',
        r.scheduledSnapshots ? `${r.snapshotRetention} d` : 'snapshots off',
        r.latestSnapshot || '-',
        r.latestAgeHours === undefined ? '-' : `${r.latestAgeHours.toFixed(1)} h`,
        String(r.snapshotCount),
        r.createdSnapshotState ? `${r.createdSnapshot || '(pending)'} (${r.createdSnapshotState})` : '-',
      ]),
    ]);
  }
  const findings = [...result.findings, ...result.volumes.flatMap((r) => r.findings)];
  if (findings.length) summary.addList(findings.map((f) => `${f.level}: ${f.message}`));
}

export async function run(): Promise<void> {
  let result: FlySnapshotCheckResult | undefined;
  const finished = guardUnfinished();
  try {
    maskKnownSecrets();
    const inputs = getInputs();
    const signal = cancellationSignal();
    result = await checkFlySnapshots(
      {
        app: inputs.app,
        volumes: inputs.volumes,
        policy: inputs.policy,
        ...(inputs.create ? { create: inputs.create } : {}),
      },
      { api: new FlyctlVolumesApi({ flyctl: inputs.flyctl, signal }), logger: actionsLogger, signal },
    );
    const done = result;
    await writeSummary((s) => summarize(s, done));
    const findings = [...result.findings, ...result.volumes.flatMap((r) => r.findings)];
    for (const f of findings) if (f.level === 'warn') core.warning(f.message);
    for (const r of result.volumes) {
      if (r.status === 'ok') {
        core.info(
          `${describeVolume(r.volume)}: ok — newest ${r.latestSnapshot} (${r.latestAgeHours?.toFixed(1)} h), ${r.snapshotCount} snapshot(s)`,
        );
      }
    }
    const crit = findings.filter((f) => f.level === 'crit');
    if (crit.length) throw new OperationFailedError(crit.map((f) => f.message).join('\n'));
  } catch (err) {
    failStep(err);
  } finally {
    finished();
    setOutputs(OUTPUTS, outputValues(result));
  }
}
