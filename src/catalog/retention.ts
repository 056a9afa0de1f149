/**
 * Which snapshots a retention policy keeps, with restic's `forget` semantics
 * (restic internal/restic/snapshot_policy.go): snapshots are walked newest first; every rule with
 * a count left keeps a snapshot whose period (day, ISO week, month; or the snapshot itself for
 * keep-last) differs from the last one that rule kept, and the oldest snapshot while the rule
 * still has counts left. A snapshot kept by any rule is kept. A policy of all zeros keeps everything.
 * Periods are computed in UTC, from each snapshot's time by the storage's clock (snapshot-time.ts).
 */
import { newestFirst, type Dated } from './snapshot-time.js';

export type { Dated };

export interface RetentionPolicy {
  last: number;
  daily: number;
  weekly: number;
  monthly: number;
}

export interface RetentionDecision<T extends Dated> {
  keep: { snapshot: T; reasons: string[] }[];
  remove: T[];
}

export function isEmptyPolicy(p: RetentionPolicy): boolean {
  return p.last === 0 && p.daily === 0 && p.weekly === 0 && p.monthly === 0;
}

function isoWeek(d: Date): number {
  // ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
  return t.getUTCFullYear() * 100 + week;
}

export function applyRetention<T extends Dated>(
  snapshots: T[],
  policy: RetentionPolicy,
): RetentionDecision<T> {
  const list = newestFirst(snapshots);
  if (isEmptyPolicy(policy)) {
    return { keep: list.map((snapshot) => ({ snapshot, reasons: ['policy is empty'] })), remove: [] };
  }
  const rules: { count: number; last: number; reason: string; period: (d: Date, nr: number) => number }[] = [
    { count: policy.last, last: -1, reason: 'last', period: (_d, nr) => nr },
    {
      count: policy.daily,
      last: -1,
      reason: 'daily',
      period: (d) => d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate(),
    },
    { count: policy.weekly, last: -1, reason: 'weekly', period: (d) => isoWeek(d) },
    {
      count: policy.monthly,
      last: -1,
      reason: 'monthly',
      period: (d) => d.getUTCFullYear() * 100 + d.getUTCMonth() + 1,
    },
  ];
  const decision: RetentionDecision<T> = { keep: [], remove: [] };
  list.forEach((snapshot, nr) => {
    const reasons: string[] = [];
    for (const rule of rules) {
      if (rule.count <= 0) continue;
      const value = rule.period(snapshot.time, nr);
      if (value !== rule.last || nr === list.length - 1) {
        rule.last = value;
        rule.count--;
        reasons.push(rule.reason);
      }
    }
    if (reasons.length > 0) decision.keep.push({ snapshot, reasons });
    else decision.remove.push(snapshot);
  });
  return decision;
}
