/**
 * The verdict of a monitoring check, sanoid --monitor-snapshots style: every finding is warn or
 * crit, a subject's status is the worst of its findings (ok when it has none), and a check's
 * status is the worst of its subjects'. Shared by the Lightsail and the Fly snapshot checks.
 */

export type CheckStatus = 'ok' | 'warn' | 'crit';

export interface Finding {
  level: 'warn' | 'crit';
  message: string;
}

const RANK: Record<CheckStatus, number> = { ok: 0, warn: 1, crit: 2 };

export function worstStatus(statuses: readonly CheckStatus[]): CheckStatus {
  return statuses.reduce<CheckStatus>((worst, s) => (RANK[s] > RANK[worst] ? s : worst), 'ok');
}

export function statusOfFindings(findings: readonly Finding[]): CheckStatus {
  return worstStatus(findings.map((f) => f.level));
}

/** Adds a finding (when there is one) to a subject and brings its status up to date. */
export function addFinding(subject: { status: CheckStatus; findings: Finding[] }, finding?: Finding): void {
  if (!finding) return;
  subject.findings.push(finding);
  subject.status = statusOfFindings(subject.findings);
}

/** Seconds from `then` to `now`, never negative (a snapshot stamped a little in the future is new). */
export function ageSeconds(now: Date, then: Date): number {
  return Math.max(0, (now.getTime() - then.getTime()) / 1000);
}

/** An age as messages show it: "27.0 h". */
export function hoursText(seconds: number): string {
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** An age in hours with one decimal, as the reports carry it; undefined stays undefined. */
export function ageHours(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : Math.round((seconds / 3600) * 10) / 10;
}
