import type { BackupResult } from '../../jobs/backup.js';
import type { BACKUP_OUTPUTS } from './backup-inputs.js';
import { formatBytes, formatCompression } from '../../util/format.js';
import { changeCounts } from '../../jobs/backup-changes.js';
import { code, type Summary } from './summary.js';

type BackupOutput = (typeof BACKUP_OUTPUTS)[number];

/** Outputs of a backup action; every name is set on every path (failed runs get status "failed"). */
export function backupOutputs(
  result: BackupResult | undefined,
  durationSeconds: number,
): Record<BackupOutput, string> {
  if (!result) {
    return {
      'snapshot-id': '',
      'archive-key': '',
      'manifest-key': '',
      'version-id': '',
      sha256: '',
      'size-bytes': '0',
      entries: '0',
      status: 'failed',
      pruned: '0',
      'duration-seconds': durationSeconds.toFixed(1),
    };
  }
  return {
    'snapshot-id': result.snapshotId,
    'archive-key': result.archiveKey,
    'manifest-key': result.manifestKey,
    'version-id': result.versionId,
    sha256: result.sha256,
    'size-bytes': String(result.sizeBytes),
    entries: String(result.entries),
    status: result.status,
    pruned: String(result.pruned.length || result.wouldPrune.length),
    'duration-seconds': result.durationSeconds.toFixed(1),
  };
}

export function backupSummary(summary: Summary, title: string, result: BackupResult, where: string): void {
  const pruned = result.pruned.length
    ? result.pruned.join(', ')
    : result.wouldPrune.length
      ? `dry run, would prune: ${result.wouldPrune.join(', ')}`
      : 'none';
  summary.heading(title).table(
    ['Field', 'Value'],
    [
      ['Status', result.status === 'ok' ? 'ok' : `⚠️ ${result.status}`],
      ['Snapshot', result.snapshotId],
      ['Stored at', `${where}/${result.archiveKey}`],
      [
        'Size',
        `${formatBytes(result.sizeBytes)} (${formatCompression(result.compression)}${result.compressedOn === 'runner' ? ', compressed on the runner: the machine sent plain tar' : ''}; ${formatBytes(result.uncompressedBytes)} uncompressed)`,
      ],
      ['sha256', code(result.sha256)],
      ['Entries', String(result.entries)],
      [
        'Previous',
        result.previous
          ? `${result.previous.snapshotId} (size ratio ${result.previous.sizeRatio ?? '-'}, entries ratio ${result.previous.entriesRatio ?? '-'})`
          : 'none',
      ],
      ['Duration', `${result.durationSeconds.toFixed(1)} s`],
      ['Pruned', pruned],
    ],
  );
  if (result.changes) {
    // the change report: a daily backup doubles as a record of what changed
    summary.heading(`Changes since ${result.changes.since}`, 3).table(
      ['Change', 'Path', 'Size'],
      result.changes.top.map((c) => [
        c.kind === 'changed' ? `changed (${c.aspects.join(', ')})` : c.kind,
        code(c.path),
        `${c.sizeDelta >= 0 ? '+' : '-'}${formatBytes(Math.abs(c.sizeDelta))}`,
      ]),
    );
    summary.quote(changeCounts(result.changes));
  }
  if (result.message) summary.quote(result.message);
  for (const w of result.warnings) summary.quote(`warning: ${w}`);
}
