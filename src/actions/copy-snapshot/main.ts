import * as core from '@actions/core';
import { runCopy, type CopyResult } from '../../jobs/copy-snapshot.js';
import { serverSideCopier } from '../../storage/server-side-copy.js';
import { formatBytes } from '../../util/format.js';
import { S3ObjectStore } from '../../storage/object-store.js';
import {
  actionsLogger,
  cancellationSignal,
  failStep,
  guardUnfinished,
  maskKnownSecrets,
  setOutputs,
  writeSummary,
} from '../common/action-io.js';
import { destinationSecrets, getInputs, OUTPUTS } from './inputs.js';

const METHODS: Record<CopyResult['method'], string> = {
  stream: 'streamed (GetObject -> upload, hashed on the way)',
  'server-side': 'server-side CopyObject, read back',
  'already-present': 'already present with the same sha256: nothing copied',
};

export async function run(): Promise<void> {
  const started = Date.now();
  let result: CopyResult | undefined;
  const finished = guardUnfinished();
  try {
    // the destination keys are masked before any input is validated or echoed
    maskKnownSecrets(destinationSecrets());
    const inputs = getInputs();
    const source = new S3ObjectStore(inputs.source);
    const destination = new S3ObjectStore(inputs.destination);
    result = await runCopy(inputs.copy, {
      source,
      destination,
      origin: { endpoint: inputs.source.endpoint, bucket: inputs.source.bucket },
      ...(inputs.sameAccount ? { serverSideCopy: serverSideCopier(inputs.destination) } : {}),
      logger: actionsLogger,
      signal: cancellationSignal(),
    });
    const r = result;
    await writeSummary((s) => {
      s.addHeading(`lifeboat copy of ${inputs.copy.target}: ${r.copied ? 'copied' : 'already present'}`, 2);
      s.addTable([
        [
          { data: 'Field', header: true },
          { data: 'Value', header: true },
        ],
        ['Snapshot', r.snapshotId],
        ['From', `${source.description}/${r.sourceArchiveKey}`],
        ['To', `${destination.description}/${r.archiveKey}`],
        ['Method', METHODS[r.method]],
        ['Size', formatBytes(r.bytes)],
        ['sha256', `<code>${r.sha256}</code>`],
        ['Verification', `${r.verification}${r.verificationCopied ? ' (copied)' : ''}`],
        ['Latest', r.latestNote],
        ['Pruned', r.pruned.length ? r.pruned.join(', ') : 'none'],
        ['Duration', `${r.durationSeconds.toFixed(1)} s`],
      ]);
    });
    core.info(
      r.copied
        ? `snapshot ${r.snapshotId} copied to ${destination.description}/${r.archiveKey}`
        : `snapshot ${r.snapshotId} was already at ${destination.description}: nothing copied`,
    );
  } catch (err) {
    failStep(err);
  } finally {
    finished();
    setOutputs(OUTPUTS, {
      'snapshot-id': result?.snapshotId ?? '',
      copied: result?.copied ?? false,
      bytes: result?.bytes ?? 0,
      sha256: result?.sha256 ?? '',
      'duration-seconds': (result?.durationSeconds ?? (Date.now() - started) / 1000).toFixed(1),
    });
  }
}
