import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { HashCounter } from '../archive/hash-counter.js';
import { pipeline } from 'node:stream/promises';
import { minimatch } from 'minimatch';
import {
  ArchiveDamagedError,
  ArchiveInspector,
  ArchiveLimitError,
  type TarHeader,
} from '../archive/archive-inspector.js';
import { ConfigurationError, errorMessage } from '../util/errors.js';
import { decryptingStream, recipientOf } from '../crypto/age-stream.js';
import { formatBytes, formatRate, formatDuration } from '../util/format.js';
import { TargetLayout } from '../catalog/layout.js';
import type { Logger } from '../util/logger.js';
import type { Manifest } from '../catalog/manifest.js';
import { startProgress } from '../util/progress.js';
import type { ObjectStore } from '../storage/object-store.js';

import { LIFEBOAT_VERSION } from '../util/version.js';
import { safeEntryPath } from '../restore/entry-path.js';
import { attemptMarker, prepareHoldingDir } from '../restore/holding-dir.js';
import { rm } from 'node:fs/promises';
import { SafeExtractor, UnsafeEntryError } from '../restore/safe-extractor.js';
import { selectSnapshot, type SnapshotSelector } from '../catalog/select-snapshot.js';
import { sqliteIntegrity } from '../restore/sqlite-check.js';
import { restoreToRemote } from '../restore/restore-to-remote.js';
import type { ArchiveSource } from '../sources/archive-source.js';

export type VerifyMode = 'extract' | 'stream';

export interface VerifyOptions {
  target: string;
  prefix: string;
  snapshot: SnapshotSelector;
  mode: VerifyMode;
  /** Where extract mode writes; a function of the chosen snapshot id. */
  holdingDir: (snapshotId: string) => string;
  /** Leave the `<holding-dir>.lifeboat-attempt` marker beside it (default true). */
  holdingMarker?: boolean;
  requiredPaths: string[];
  minEntries: number;
  sqlite: string[];
  /** Seconds; undefined = no limit. */
  maxAgeSeconds?: number;
  writeReport: boolean;
  /** The age identity (AGE-SECRET-KEY-1...) for encrypted snapshots. */
  decryptionIdentity?: string;
  /** After every check passed: stream the snapshot into `<path>/.lifeboat-restore/<id>/` there. */
  restoreTo?: { source: ArchiveSource; path: string };
}

export interface VerifyDeps {
  store: ObjectStore;
  logger: Logger;
  now?: () => Date;
  signal?: AbortSignal;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface VerificationReport {
  schema: 1;
  snapshotId: string;
  target: string;
  verified: boolean;
  verifiedAt: string;
  mode: VerifyMode;
  snapshotCreated: string;
  ageSeconds: number;
  restoreSeconds: number;
  bytes: number;
  uncompressedBytes: number;
  entries: number;
  throughputMBps: number | null;
  archive: {
    key: string;
    expectedVersionId: string | null;
    actualVersionId: string | null;
    expectedSha256: string;
    actualSha256: string | null;
  };
  checks: Check[];
  restoredTo: string | null;
  tools: { lifeboat: string };
}

export interface VerifyResult {
  report: VerificationReport;
  manifest: Manifest;
  reportKey: string;
  holdingDir: string | null;
  /** "Verification of snapshot X failed: ..." when not verified; empty otherwise. */
  failure: string;
}

/**
 * Proves a snapshot restores, the way a person would after a disaster: one pass of S3 GetObject ->
 * sha256 -> decompress -> tar walk (stream mode) or safe extraction into a holding directory
 * (extract mode), compared with the manifest; then the contents checks. Every check is recorded,
 * and verification.json is written beside the manifest whatever the outcome.
 */
export async function runVerify(options: VerifyOptions, deps: VerifyDeps): Promise<VerifyResult> {
  const { store, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const layout = new TargetLayout(options.prefix, options.target);
  const selected = await selectSnapshot(store, layout, options.snapshot);
  const m = selected.manifest;
  logger.info(
    `verifying snapshot ${m.snapshotId} of ${options.target} (${selected.how}), ${formatBytes(m.archive.size)} ${m.compression}`,
  );
  const encryption = m.encryption ? await decryptionFor(m, options.decryptionIdentity) : undefined;
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string) => {
    checks.push({ name, ok, detail });
    (ok ? logger.info : logger.warning)(`${ok ? 'pass' : 'FAIL'}: ${name}: ${detail}`);
  };

  const started = now();
  const ageSeconds = Math.max(0, (started.getTime() - new Date(m.created).getTime()) / 1000);
  check(
    'snapshot status',
    m.status === 'ok',
    m.status === 'ok'
      ? 'ok'
      : `the manifest says "${m.status}"${m.statusReason ? `: ${m.statusReason}` : ''}`,
  );
  if (options.maxAgeSeconds !== undefined) {
    check(
      'max age',
      ageSeconds <= options.maxAgeSeconds,
      `snapshot is ${formatDuration(ageSeconds)} old; the limit is ${formatDuration(options.maxAgeSeconds)}`,
    );
  }

  const holding =
    options.mode === 'extract'
      ? await prepareHoldingDir(options.holdingDir(m.snapshotId), m.snapshotId, options.holdingMarker ?? true)
      : null;
  const extractor = holding ? new SafeExtractor(holding) : undefined;
  const required = options.requiredPaths.map((pattern) => ({ pattern, matched: false }));
  const onEntry = async (header: TarHeader, stream: Readable) => {
    const safe = safeEntryPath(header.name);
    if ('path' in safe && safe.path !== '') {
      for (const r of required)
        if (!r.matched && minimatch(safe.path, r.pattern, { dot: true })) r.matched = true;
    }
    if (extractor) return extractor.handle(header, stream);
    if ('refused' in safe)
      throw new UnsafeEntryError(
        `archive member ${JSON.stringify(header.name)} was refused: ${safe.refused}`,
      );
    stream.resume();
    await new Promise<void>((resolve, reject) => stream.once('end', resolve).once('error', reject));
  };

  const plainHasher = new HashCounter();
  let decryptError: unknown;
  let actualSha: string | null = null;
  let actualVersion: string | null = null;
  let bytes = 0;
  let contents = { entries: 0, uncompressedBytes: 0 };
  await logger.group(
    `Restoring ${m.archive.key}${holding ? ` into ${holding}` : ' (stream mode: nothing written)'}`,
    async () => {
      const hasher = new HashCounter();
      const progress = startProgress(logger, 'read', () => hasher.bytes, 10_000, m.archive.size);
      try {
        const download = await store.download(m.archive.key, undefined, deps.signal);
        actualVersion = download.versionId ?? null;
        const inspector = new ArchiveInspector(m.compression, {
          onEntry,
          // the manifest says what the archive holds: anything beyond it is refused at once
          // (a decompression bomb cannot fill the disk)
          maxEntries: m.entries,
          maxUncompressedBytes: m.uncompressedBytes,
        });
        const feeding = encryption
          ? feedDecrypted(download.body, hasher, encryption.identity, plainHasher, inspector.input, (err) => {
              decryptError = err;
            })
          : pipeline(download.body, hasher, inspector.input);
        feeding.catch(() => undefined);
        // the walk's verdict first: an unsafe member explains a broken feed, not the reverse
        contents = await inspector.result;
        await feeding;
        await extractor?.finish();
        check('archive structure', true, `complete ${m.compression} tar`);
      } catch (err) {
        const why = decryptError
          ? `decryption failed: the encrypted archive was altered or is damaged (${errorMessage(decryptError)})`
          : err instanceof UnsafeEntryError
            ? err.message
            : err instanceof ArchiveLimitError
              ? `the archive goes beyond what the manifest records (${m.entries} entries, ${m.uncompressedBytes} bytes): ${err.message}`
              : err instanceof ArchiveDamagedError
                ? `the archive is damaged: ${err.message}`
                : errorMessage(err);
        check('archive structure', false, why);
      } finally {
        progress.stop();
        bytes = hasher.bytes;
        actualSha = hasher.sha256;
      }
    },
  );
  const restoreSeconds = (now().getTime() - started.getTime()) / 1000;

  const structureOk = checks.find((c) => c.name === 'archive structure')?.ok ?? false;
  check(
    'sha256',
    actualSha === m.archive.sha256 && structureOk,
    actualSha === m.archive.sha256
      ? structureOk
        ? m.archive.sha256
        : 'not all bytes were read'
      : `sha256 mismatch: the manifest records ${m.archive.sha256}, the stored object has ${actualSha}`,
  );
  if (m.encryption && structureOk) {
    check(
      'plaintext sha256',
      plainHasher.sha256 === m.encryption.plaintextSha256,
      plainHasher.sha256 === m.encryption.plaintextSha256
        ? m.encryption.plaintextSha256
        : `the decrypted archive has sha256 ${plainHasher.sha256}, the manifest records ${m.encryption.plaintextSha256}`,
    );
  }
  if (m.archive.versionId) {
    check(
      'object version',
      actualVersion === m.archive.versionId,
      actualVersion === m.archive.versionId
        ? m.archive.versionId
        : `the archive object was replaced: the manifest records version ${m.archive.versionId}, the current one is ${actualVersion ?? 'unversioned'}`,
    );
  }
  let keptHolding = holding;
  if (holding && (!structureOk || actualSha !== m.archive.sha256)) {
    // what was written did not come from an intact copy of the backup: leave nothing to be mistaken for it
    await rm(holding, { recursive: true, force: true });
    await rm(attemptMarker(holding), { force: true });
    keptHolding = null;
    logger.info(`removed ${holding}: its contents did not come from an intact archive`);
  }
  check('size', bytes === m.archive.size, `${bytes} bytes read, the manifest records ${m.archive.size}`);
  if (structureOk) {
    check(
      'entries',
      contents.entries === m.entries,
      `${contents.entries} entries, the manifest records ${m.entries}`,
    );
    check(
      'uncompressed bytes',
      contents.uncompressedBytes === m.uncompressedBytes,
      `${contents.uncompressedBytes} bytes of tar, the manifest records ${m.uncompressedBytes}`,
    );
    check(
      'min entries',
      contents.entries >= options.minEntries,
      `${contents.entries} entries; at least ${options.minEntries} required`,
    );
    for (const r of required) {
      check(`required path ${r.pattern}`, r.matched, r.matched ? 'present' : `no entry matches ${r.pattern}`);
    }
    if (extractor && keptHolding) {
      const files = [...extractor.written].filter(([, t]) => t === 'file').map(([p]) => p);
      for (const pattern of options.sqlite) {
        const matches = files.filter((f) => minimatch(f, pattern, { dot: true }));
        if (matches.length === 0) check(`sqlite ${pattern}`, false, `no restored file matches ${pattern}`);
        for (const f of matches) {
          const v = await sqliteIntegrity(join(keptHolding, f));
          check(`sqlite ${f}`, v.ok, v.ok ? 'integrity_check ok' : `integrity_check failed: ${v.message}`);
        }
      }
    }
  }

  let restoredTo: string | null = null;
  if (options.restoreTo && checks.every((c) => c.ok)) {
    const { source, path } = options.restoreTo;
    await logger.group(`Restoring into ${source.description.app ?? source.label}:${path}`, async () => {
      try {
        restoredTo = await restoreToRemote(store, m, source, path, logger, deps.signal);
        check('restore to machine', true, `restored into ${restoredTo}`);
      } catch (err) {
        check('restore to machine', false, errorMessage(err));
      }
    });
  }

  const failed = checks.filter((c) => !c.ok);
  const report: VerificationReport = {
    schema: 1,
    snapshotId: m.snapshotId,
    target: options.target,
    verified: failed.length === 0,
    verifiedAt: now().toISOString(),
    mode: options.mode,
    snapshotCreated: m.created,
    ageSeconds: Math.round(ageSeconds),
    restoreSeconds: Math.round(restoreSeconds * 1000) / 1000,
    bytes,
    uncompressedBytes: contents.uncompressedBytes,
    entries: contents.entries,
    throughputMBps: restoreSeconds > 0 ? Math.round((bytes / restoreSeconds / 1e6) * 10) / 10 : null,
    archive: {
      key: m.archive.key,
      expectedVersionId: m.archive.versionId,
      actualVersionId: actualVersion,
      expectedSha256: m.archive.sha256,
      actualSha256: actualSha,
    },
    checks,
    restoredTo,
    tools: { lifeboat: LIFEBOAT_VERSION },
  };
  logger.info(
    `restore of ${formatBytes(bytes)} took ${report.restoreSeconds.toFixed(2)} s (${formatRate(bytes, restoreSeconds)})`,
  );
  const reportKey = layout.verificationKey(m.snapshotId);
  if (options.writeReport) await store.putJson(reportKey, report);
  return {
    report,
    manifest: m,
    reportKey: options.writeReport ? reportKey : '',
    holdingDir: keptHolding,
    failure: failed.length
      ? `Verification of snapshot ${m.snapshotId} of ${options.target} failed: ${failed.map((c) => `${c.name}: ${c.detail}`).join('; ')}`
      : '',
  };
}

/**
 * The identity to decrypt an encrypted snapshot with, checked against the recipients the archive
 * was made for before anything is downloaded.
 */
async function decryptionFor(m: Manifest, identity: string | undefined): Promise<{ identity: string }> {
  const made = (m.encryption?.recipients ?? []).join(', ') || 'unknown recipients';
  if (!identity) {
    throw new ConfigurationError(
      `Snapshot ${m.snapshotId} is encrypted with age for ${made}: pass the matching decryption-identity (AGE-SECRET-KEY-1...).`,
    );
  }
  const mine = await recipientOf(identity);
  if (m.encryption?.recipients.length && !m.encryption.recipients.includes(mine)) {
    throw new ConfigurationError(
      `The decryption-identity (public key ${mine}) is not one snapshot ${m.snapshotId} was encrypted for (${made}): pass the identity of one of those recipients.`,
    );
  }
  return { identity };
}

/** ciphertext -> sha256 -> age decryption -> sha256 of the plaintext -> the archive walk. */
async function feedDecrypted(
  body: Readable,
  cipherHasher: HashCounter,
  identity: string,
  plainHasher: HashCounter,
  into: Writable,
  onDecryptError: (err: unknown) => void,
): Promise<unknown> {
  const decryption = await decryptingStream(identity);
  const cipher = pipeline(body, cipherHasher, decryption.input);
  const plain = decryption.output.then((readable) => pipeline(readable, plainHasher, into));
  plain.catch((err: unknown) => {
    onDecryptError(err);
    into.destroy(err as Error);
  });
  return Promise.all([cipher, plain]);
}
