import { checkKind, drillOutcome, lackingWords } from '../../catalog/verification.js';
import type { VerifyResult } from '../../jobs/verify.js';
import { formatBytes, formatDuration } from '../../util/format.js';
import type { Summary } from '../common/summary.js';

/** A finished drill and, after a restore onto a machine, the commands that swap the copy in. */
export interface VerifyRun {
  result: VerifyResult;
  swap: string[];
}

export function verifySummary(s: Summary, { result: { report: r }, swap }: VerifyRun): void {
  const { restorable, lacking, read, broken } = drillOutcome(r);
  const verdict = r.verified
    ? 'verified'
    : restorable
      ? lackingWords(lacking)
      : !read && broken.length === 0
        ? lackingWords(lacking, false)
        : 'FAILED: it does not restore as recorded';
  s.heading(`lifeboat restore drill of ${r.target}: ${verdict}`);
  s.table(
    ['Snapshot', 'Age', 'Size', 'Entries', 'Restore time', 'Throughput'],
    [
      [
        r.snapshotId,
        formatDuration(r.ageSeconds),
        formatBytes(r.bytes),
        String(r.entries),
        `${r.restoreSeconds.toFixed(2)} s`,
        r.throughputMBps === null ? '-' : `${r.throughputMBps} MB/s`,
      ],
    ],
  );
  s.table(
    ['Check', 'Result', 'Detail'],
    r.checks.map((c) => [
      c.name,
      c.ok ? 'pass' : checkKind(c) === 'policy' ? '❌ fail (policy)' : '❌ fail',
      c.detail,
    ]),
  );
  const warnings = r.warnings ?? [];
  if (warnings.length) {
    s.table(
      ['Warning', 'Detail'],
      warnings.map((w) => [w.name, w.detail]),
    );
  }
  if (swap.length) {
    s.paragraph('To swap the restored copy in after review:');
    s.codeBlock(swap.join('\n'), 'sh');
  }
}
