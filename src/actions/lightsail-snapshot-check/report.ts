import type { ResourceReport, SnapshotCheckResult } from '../../lightsail/check.js';
import { describeResource } from '../../lightsail/judge.js';
import type { Summary } from '../common/summary.js';
import type { Output } from './inputs.js';

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

export function snapshotSummary(s: Summary, result: SnapshotCheckResult, region: string): void {
  s.heading(`lifeboat: Lightsail snapshot check (${region}) — ${ICON[result.status]}`).table(
    ['Resource', 'Status', 'Auto snapshots', 'Time of day (UTC)', 'Newest', 'Age', 'Count', 'Created'],
    result.resources.map((r) => [
      describeResource(r.resource),
      ICON[r.status],
      r.autoSnapshotEnabled ? 'enabled' : 'not enabled',
      r.snapshotTimeOfDay || '-',
      r.latestSnapshot || '-',
      r.latestAgeHours === undefined ? '-' : `${r.latestAgeHours.toFixed(1)} h`,
      String(r.snapshotCount),
      r.createdSnapshot ? `${r.createdSnapshot} (${r.createdSnapshotState})` : '-',
    ]),
  );
  const findings = result.resources.flatMap((r) => r.findings);
  if (findings.length) s.list(findings.map((f) => `${f.level}: ${f.message}`));
}
