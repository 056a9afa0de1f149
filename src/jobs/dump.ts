import type { Readable, Writable } from 'node:stream';
import { memberNameBytes, quotedName, type TarHeader } from '../archive/member-header.js';
import { TargetLayout } from '../catalog/layout.js';
import { selectSnapshot } from '../catalog/select-snapshot.js';
import { safeEntryPath } from '../restore/entry-path.js';
import { drainEntry } from '../restore/safe-extractor.js';
import { formatBytes } from '../util/format.js';
import { causeChain, ConfigurationError, EnvironmentError } from '../util/errors.js';
import type { RestoreChecks } from './restore.js';
import { membersAtPath } from './index-precheck.js';
import { runVerify, type VerifyDeps, type VerifyResult } from './verify.js';

/**
 * `lifeboat dump PATH`: one file of a snapshot, its bytes written to `out` as the archive streams
 * past. The archive is read whole, in the same one pass, and verified as a stream-mode
 * verification verifies it (sha256, size, structure, the plaintext of an encrypted one): so `out`
 * has received the file's bytes before the hash was checked, and an archive that fails its checks
 * ends the dump with a failure that says to discard them. A hard link is the file it links to:
 * tar stored that file's bytes earlier in the stream, so the archive is read a second time for
 * them. A folder, a symlink or a FIFO is not a file: it is refused, naming what to do instead (from
 * the index when the snapshot has one, before a byte of the archive is downloaded). A
 * reader that closes `out` (`| head`) ends the dump quietly.
 */

export interface DumpOptions {
  checks: RestoreChecks;
  /** The file's path inside the volume ("uploads/a.png"; "./", "/" and a trailing "/" are dropped). */
  path: string;
  out: Writable;
}

export type DumpOutcome =
  /** The file's bytes were written, and the archive proved intact. */
  | { kind: 'written'; snapshotId: string; bytes: number; verify: VerifyResult }
  /** The archive failed its checks: `bytes` of the file reached `out` before that was known. */
  | { kind: 'failed'; snapshotId: string; bytes: number; verify: VerifyResult }
  /** The reader closed `out` (EPIPE): the dump stopped there, the archive was not checked to its end. */
  | { kind: 'closed'; snapshotId: string; bytes: number };

/** `out` closed under the dump (EPIPE): not the archive's fault, and not worth a message. */
class OutputClosedError extends EnvironmentError {
  override readonly name = 'OutputClosedError';
}

/** The member path a person means by `path` (a path inside the volume, as `tar -t` shows it, or not). */
export function dumpPath(path: string): string {
  const p = path
    .replace(/^(\.?\/)+/, '')
    .replace(/\/+$/, '')
    .replace(/\/(\.?\/)+/g, '/');
  if (p === '' || p === '.') {
    throw new ConfigurationError(
      `dump writes one file: give its path inside the volume (uploads/a.png), not the volume itself.`,
    );
  }
  return p;
}

export async function dumpFile(options: DumpOptions, deps: VerifyDeps): Promise<DumpOutcome> {
  const wanted = dumpPath(options.path);
  const layout = new TargetLayout(options.checks.prefix, options.checks.target);
  const { manifest } = await selectSnapshot(deps.store, layout, options.checks.snapshot);
  const snapshotId = manifest.snapshotId;
  // the index answers first where it can: a path it proves missing or ambiguous downloads nothing
  // and writes nothing to stdout; where it cannot say, the archive walk below decides
  const members = await membersAtPath(deps.store, layout, manifest, wanted, {
    ...(options.checks.decryptionIdentity ? { identity: options.checks.decryptionIdentity } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
    logger: deps.logger,
  });
  if (members?.length === 0) throw notHeld(wanted, snapshotId, true);
  // names of other bytes that read the same; one name held twice is the archive's own fault, which
  // the walk below finds (and says so as a failed check)
  const named = members?.map((e) => e.name);
  const distinct = named?.filter((b, i) => named.findIndex((o) => o.equals(b)) === i) ?? [];
  if (distinct.length > 1) throw ambiguousName(wanted, snapshotId, distinct, undefined);
  // one member, and no file: refused from the index, before a byte of the archive is downloaded
  // (a hard link is the file it links to: the walk below finds it)
  const only = members?.length === 1 && members[0]!.type !== 'link' ? members[0] : undefined;
  const refusal = only && notAFile(wanted, snapshotId, only.type, only.link);
  if (refusal) throw new ConfigurationError(refusal);
  const first = await dumpPass(options, deps, snapshotId, wanted);
  if (first.kind !== 'link') return first;
  deps.logger.info(
    `${JSON.stringify(wanted)} is a hard link to ${JSON.stringify(first.target)}: reading the archive again for its bytes`,
  );
  const second = await dumpPass(options, deps, snapshotId, first.target);
  if (second.kind === 'link') throw new Error(`the hard link ${first.target} links to another link`);
  return second;
}

/** One streamed read of the archive; `link` when `wanted` is a hard link (to `target`, whose bytes came earlier). */
async function dumpPass(
  options: DumpOptions,
  deps: VerifyDeps,
  snapshotId: string,
  wanted: string,
): Promise<DumpOutcome | { kind: 'link'; target: string }> {
  const writer = new FileWriter(options.out, wanted, snapshotId);
  let verify: VerifyResult;
  try {
    verify = await runVerify(
      {
        ...options.checks,
        snapshot: { kind: 'id', id: snapshotId },
        mode: 'stream',
        writeReport: false,
        requiredPaths: [],
        sqlite: [],
        sink: writer.sink,
      },
      deps,
    );
  } catch (err) {
    if (causeChain(err).some((e) => e instanceof OutputClosedError)) {
      return { kind: 'closed', snapshotId, bytes: writer.bytes };
    }
    // a download cut short, a signal: what reached stdout is part of the file at most (newcomer
    // and attacker, 2026-12-03: "run again" alone, beside a partial file)
    if (writer.bytes > 0 && err instanceof Error) {
      err.message = `${err.message.replace(/\s+$/, '')} The ${formatBytes(writer.bytes)} already written to stdout were not verified (the read of the archive did not finish): discard them.`;
    }
    throw err;
  } finally {
    writer.release();
  }
  if (!verify.report.verified) return { kind: 'failed', snapshotId, bytes: writer.bytes, verify };
  if (writer.linkTarget !== undefined) return { kind: 'link', target: writer.linkTarget };
  if (writer.namesakes.length > 1) throw ambiguousName(wanted, snapshotId, writer.namesakes, writer.bytes);
  if (!writer.found) throw notHeld(wanted, snapshotId, false);
  return { kind: 'written', snapshotId, bytes: writer.bytes, verify };
}

/**
 * `wanted` read the same as more than one member: names that are not UTF-8 reach lifeboat as their
 * UTF-8 reading (each invalid byte as U+FFFD), so the argument cannot say which one was meant.
 */
function ambiguousName(
  wanted: string,
  snapshotId: string,
  namesakes: readonly Buffer[],
  /** Bytes of the first already written to stdout; undefined when the index answered before any. */
  written: number | undefined,
): ConfigurationError {
  const relative = (b: Buffer) => (b[0] === 0x2e && b[1] === 0x2f ? b.subarray(2) : b);
  const names = namesakes.map((b) => quotedName(relative(b))).join(', ');
  const glob = wanted.replace(/\uFFFD/g, '?').replace(/'/g, `'\\''`);
  return new ConfigurationError(
    `${JSON.stringify(wanted)} reads the same as ${namesakes.length} members of snapshot ${snapshotId} ` +
      `whose names are not UTF-8 (${names}): ` +
      (written === undefined
        ? 'nothing was written, since the argument cannot say which one you mean. Restore them all with '
        : `the ${formatBytes(written)} written to stdout are of the first, which may not be the one you mean: discard them. Restore them all with `) +
      `lifeboat restore --include '${glob}' --to DIR and pick the one you want by its name.`,
  );
}

/** The snapshot holds no member at `wanted`; `byIndex`: its index proved it, and nothing was downloaded. */
function notHeld(wanted: string, snapshotId: string, byIndex: boolean): ConfigurationError {
  return new ConfigurationError(
    `snapshot ${snapshotId} holds no ${JSON.stringify(wanted)}${byIndex ? ' (its index lists every member; the archive was not downloaded)' : ''}: ` +
      `give the path inside the volume, without its mount point (uploads/a.png, not /data/uploads/a.png); ` +
      `lifeboat find '${wanted.replace(/'/g, `'\\''`)}' lists the snapshots that hold it.`,
  );
}

/**
 * Why the member at `wanted` (of this type, from the index or the tar header) is no file to dump,
 * with what to run instead; undefined for a file.
 */
function notAFile(
  wanted: string,
  snapshotId: string,
  type: string | null | undefined,
  link: string | undefined,
): string | undefined {
  const name = JSON.stringify(wanted);
  const at = `in snapshot ${snapshotId}`;
  switch (type) {
    case 'file':
    case 'contiguous-file':
      return undefined;
    case 'directory':
      return `${name} is a folder ${at}, and dump writes one file: restore the folder with lifeboat restore --include '${wanted}' --to DIR.`;
    case 'symlink':
      return `${name} is a symlink ${at} to ${JSON.stringify(link)}: dump the file it points to.`;
    default:
      return `${name} is a ${String(type)} ${at}, not a file: it has no content to dump.`;
  }
}

/** The sink of the walk: the one member named `wanted` goes to `out`, every other is read past. */
class FileWriter {
  found = false;
  /** The name bytes of every member whose UTF-8 reading is `wanted` (more than one: ambiguous). */
  readonly namesakes: Buffer[] = [];
  bytes = 0;
  /** Set when the member is a hard link: the path (inside the volume) of the file it links to. */
  linkTarget: string | undefined;
  private closed: Error | undefined;
  private readonly onError = (err: Error) => {
    this.closed ??= err;
  };

  constructor(
    private readonly out: Writable,
    private readonly wanted: string,
    private readonly snapshotId: string,
  ) {
    out.on('error', this.onError);
  }

  release(): void {
    this.out.removeListener('error', this.onError);
    // a write still failing after this (EPIPE of a buffered chunk) must not crash the process
    this.out.on('error', () => undefined);
  }

  readonly sink = async (header: TarHeader, stream: Readable, path: string): Promise<void> => {
    if (path !== this.wanted) return drainEntry(stream);
    this.namesakes.push(memberNameBytes(header));
    if (this.found) return drainEntry(stream);
    this.found = true;
    if (header.type === 'link') {
      const target = safeEntryPath(header.linkname ?? '');
      if ('path' in target && target.path !== '') {
        this.linkTarget = target.path;
        return drainEntry(stream);
      }
    }
    const refusal = notAFile(this.wanted, this.snapshotId, header.type, header.linkname ?? undefined);
    if (refusal) {
      stream.resume();
      throw new ConfigurationError(refusal);
    }
    // tar-stream's member streams are streamx streams: read them by iteration
    for await (const chunk of stream) {
      await this.write(chunk as Buffer);
      this.bytes += (chunk as Buffer).length;
    }
  };

  private async write(chunk: Buffer): Promise<void> {
    if (this.closed) throw closedError(this.closed);
    if (this.out.write(chunk)) return;
    await new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        this.out.removeListener('drain', onDrain);
        this.out.removeListener('error', onFail);
        this.out.removeListener('close', onClose);
        if (err) reject(closedError(err));
        else resolve();
      };
      const onDrain = () => done();
      const onFail = (err: Error) => done(err);
      const onClose = () => done(new Error('the output was closed'));
      this.out.once('drain', onDrain);
      this.out.once('error', onFail);
      this.out.once('close', onClose);
    });
    if (this.closed) throw closedError(this.closed);
  }
}

/** A closed reader (EPIPE) ends the dump quietly; any other write error is the environment's. */
function closedError(err: Error): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || err.message === 'the output was closed') {
    return new OutputClosedError('the reader closed the output', { cause: err });
  }
  return new EnvironmentError(`writing the file to the output failed: ${err.message}`, { cause: err });
}
