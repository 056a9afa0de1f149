import type { FlySnapshotCheckResult, VolumeReport } from '../../flysnap/check.js';
import { describeVolume } from '../../flysnap/judge.js';
import type { Summary } from '../common/summary.js';
import type { Output } from './inputs.js';

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

/** The job summary: one row per volume, then every finding. */
export function snapshotSummary(s: Summary, result: FlySnapshotCheckResult): void {
  s.heading(`lifeboat: Fly snapshot check (${result.app}) — ${ICON[result.status]}`);
  if (result.volumes.length) {
    s.table(
      ['Volume', 'Status', 'Machine', 'Retention', 'Newest', 'Age', 'Count', 'Created'],
      result.volumes.map((r) => [
        describeVolume(r.volume),
        ICON[r.status],
        r.volume.attachedMachineId ?? 'none',
        r.scheduledSnapshots ? `${r.snapshotRetention} d` : 'snapshots off',
        r.latestSnapshot || '-',
        r.latestAgeHours === undefined ? '-' : `${r.latestAgeHours.toFixed(1)} h`,
        String(r.snapshotCount),
        r.createdSnapshotState ? `${r.createdSnapshot || '(pending)'} (${r.createdSnapshotState})` : '-',
      ]),
    );
  }
  const findings = allFindings(result);
  if (findings.length) s.list(findings.map((f) => `${f.level}: ${f.message}`));
}

/** The app's findings, then each volume's. */
export function allFindings(result: FlySnapshotCheckResult) {
  return [...result.findings, ...result.volumes.flatMap((r) => r.findings)];
}
