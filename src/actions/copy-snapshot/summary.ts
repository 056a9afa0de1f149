import type { CopyResult } from '../../jobs/copy-snapshot.js';
import { formatBytes } from '../../util/format.js';
import { code, type Summary } from '../common/summary.js';
import type { CopyInputs } from './inputs.js';

/** A finished copy and the two stores it ran between, as a person reads them. */
export interface CopyRun {
  result: CopyResult;
  from: string;
  to: string;
}

const METHODS: Record<CopyResult['method'], string> = {
  stream: 'streamed (GetObject -> upload, hashed on the way)',
  'server-side': 'server-side CopyObject, read back',
  'already-present': 'already present with the same sha256: nothing copied',
};

export function copySummary(s: Summary, { result: r, from, to }: CopyRun, inputs: CopyInputs): void {
  s.heading(`lifeboat copy of ${inputs.copy.target}: ${r.copied ? 'copied' : 'already present'}`).table(
    ['Field', 'Value'],
    [
      ['Snapshot', r.snapshotId],
      ['From', `${from}/${r.sourceArchiveKey}`],
      ['To', `${to}/${r.archiveKey}`],
      ['Method', METHODS[r.method]],
      ['Size', formatBytes(r.bytes)],
      ['sha256', code(r.sha256)],
      ['Verification', `${r.verification}${r.verificationCopied ? ' (copied)' : ''}`],
      ['Index', r.indexNote],
      ['Latest', r.latestNote],
      ['Pruned', r.pruned.length ? r.pruned.join(', ') : 'none'],
      ['Duration', `${r.durationSeconds.toFixed(1)} s`],
    ],
  );
}
