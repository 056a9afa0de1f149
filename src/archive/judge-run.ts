import type { Compression } from '../catalog/layout.js';
import { ConfigurationError, EnvironmentError, OperationFailedError } from '../util/errors.js';
import { ArchiveDamagedError } from './archive-inspector.js';
import { lastLine, type ProcessOutcome } from '../util/process.js';
import { howToAdd, machineOf, missingTool } from './machine-needs.js';
import { words } from '../util/vocabulary.js';
import { NoOutputError, type StreamTrailer } from './stream-frame.js';

/**
 * tar's status when it was killed by SIGPIPE (128 + 13, as sh reports it): the compressor it wrote
 * to stopped reading. With a failed compressor, that compressor is the cause and tar a casualty.
 */
export const TAR_SIGPIPE_STATUS = 141;

/** The machine's tool that the stream header's compression names (remote-script.ts COMPRESSORS). */
const COMPRESSOR_OF: Record<Compression, string> = { zstd: 'zstd', gzip: 'gzip', none: 'cat' };

export interface RunVerdict {
  warnings: string[];
}

/**
 * The command itself was not found where it runs: POSIX shells exit 127 for that (OpenSSH passes
 * the status on; flyctl prints it as "Process exited with status 127" and exits 1).
 */
function commandNotFound(outcome: ProcessOutcome): boolean {
  if (outcome.code === 127) return true;
  return outcome.stderrTail.some((l) => /\bProcess exited with status 127\b/.test(l));
}

/**
 * Decides whether a source run produced a complete, good archive from the three things lifeboat
 * sees: the in-band trailer (the remote statuses), the local process's exit, and whether the
 * framing itself failed. Any doubt is a failure; tar's exit 1 ("file changed as we read it") is
 * the one warning.
 */
export function judgeSourceRun(
  label: string,
  path: string,
  trailer: StreamTrailer | undefined,
  outcome: ProcessOutcome,
  frameError: Error | undefined,
  /** The compression the stream header named (what the machine ran), when a header came. */
  sent?: Compression,
  /** The files tar named on stderr for its exit 1 (ChangedMembers), when it named any. */
  changedWhileRead?: string,
): RunVerdict {
  const exitText = outcome.signal ? `was killed by ${outcome.signal}` : `exited with status ${outcome.code}`;
  if (!trailer) {
    // nothing at all came back and the command was not found: `sh` itself is missing (distroless)
    if (frameError instanceof NoOutputError && commandNotFound(outcome)) {
      throw new EnvironmentError(
        `${machineOf(label)} has no sh: lifeboat runs its archive script there as \`sh -c '...'\`, and the command was ` +
          `not found (exit status 127; ${lastLine(outcome)}). Nothing was read or sent. To fix it, ${howToAdd('sh')}.`,
      );
    }
    // lifeboat stopped reading at a framing error (a login banner before the header, say): the
    // source then dies of SIGPIPE, a consequence and not the cause
    if (frameError && outcome.signal === 'SIGPIPE') {
      throw new OperationFailedError(`the archive stream from ${label} is damaged: ${frameError.message}`);
    }
    if (outcome.code !== 0 || outcome.signal) {
      throw new OperationFailedError(
        `${label} ${exitText} before the archive was complete: ${lastLine(outcome)}`,
      );
    }
    throw new OperationFailedError(
      `the archive stream from ${label} was incomplete although it exited with status 0 ` +
        `(${frameError?.message ?? 'no end marker'}); nothing was published. ` +
        (label === 'flyctl'
          ? 'If this repeats, update flyctl (>= 0.4.80 drains the stream) and check the connection.'
          : 'If this repeats, check the connection.'),
    );
  }
  // the compressor died first (a broken zstd: a missing library, killed, out of memory) and tar then
  // died writing into the closed pipe: name the compressor, not tar (GNU or busybox alike)
  if (
    trailer.zip !== 0 &&
    trailer.tar === TAR_SIGPIPE_STATUS &&
    (trailer.err === '' || trailer.err === 'tar')
  ) {
    throw compressorFailed(label, trailer.zip, sent, true);
  }
  switch (trailer.err) {
    case '':
      break;
    case 'nopath':
      throw new ConfigurationError(
        `The path ${path} does not exist on the source or is not a directory: set ${words().option('path')} to the volume's mount point` +
          (label === 'flyctl' ? ' (see [mounts] destination in fly.toml).' : '.'),
      );
    case 'nocd':
      throw new ConfigurationError(
        `The path ${path} cannot be entered on the source: check its permissions.`,
      );
    case 'notar':
      throw new EnvironmentError(`${missingTool('tar', machineOf(label))} Nothing was read or sent.`);
    case 'nogzip':
      throw new EnvironmentError(
        `${missingTool('gzip', machineOf(label))} With compression auto, zstd on the machine does as well. Nothing was read or sent.`,
      );
    case 'nozstd':
      // compression: zstd was asked for explicitly; auto would have sent plain tar for the runner to compress
      throw new ConfigurationError(
        `compression is zstd, but zstd is not installed on ${machineOf(label)}. Set compression to auto (plain tar from there, ` +
          `compressed with zstd on the runner), ` +
          `or ${howToAdd('zstd')}. Nothing was read or sent.`,
      );
    case 'nocat':
      throw new EnvironmentError(`${missingTool('cat', machineOf(label))} Nothing was read or sent.`);
    case 'noexclude':
      throw new ConfigurationError(
        `The tar on ${machineOf(label)} cannot leave paths out: it has no --exclude, -X or -T (a busybox built without ` +
          `FEATURE_TAR_FROM, such as Debian's busybox-static), so ${words().name('exclude')} cannot be honoured; nothing was read or sent ` +
          `and the pre-command did not run. Remove ${words().name('exclude')}, or install GNU tar there: ${howToAdd('tar')}.`,
      );
    case 'toomany':
      // remote-script.ts, lifeboatFoldersPlan: counted before the header, so no byte was sent
      throw new EnvironmentError(
        `The tar on ${machineOf(label)} has no --exclude (a busybox built without FEATURE_TAR_FROM, such as Debian's ` +
          `busybox-static), so lifeboat leaves out the folder that a restore left at the top of ${path} by naming every other ` +
          `entry there on tar's command line, and there are more entries at the top level of ${path} than one tar command ` +
          `line carries there (the counts are in the log above). Nothing was sent. To fix it, check what a restore left there ` +
          `(\`.lifeboat-restore/\`: a restore being staged; \`.lifeboat-pre-restore-<time>/\`: what a restore moved aside, ` +
          `perhaps the only copy of what was there before) and remove it, or install GNU tar there: ${howToAdd('tar')}.`,
      );
    case 'tar':
      // a tar other than GNU tar: any non-zero exit is an error (it left something out)
      throw tarFailed(trailer.tar);
    case 'pre':
      throw new OperationFailedError(
        `pre-command failed on the source with exit status ${trailer.pre}; the backup was aborted and nothing was published (its output is in the log above).`,
      );
    default:
      throw new OperationFailedError(`the source reported an unknown error "${trailer.err}"`);
  }
  const warnings: string[] = [];
  if (trailer.tar === 1) {
    warnings.push(
      `tar reported files that changed while they were read (exit 1)${changedWhileRead ? `: ${changedWhileRead}` : ''}; ` +
        'the archive is complete but those files may be inconsistent: use pre-command to snapshot databases first',
    );
  } else if (trailer.tar !== 0) {
    throw tarFailed(trailer.tar);
  }
  if (trailer.zip !== 0) throw compressorFailed(label, trailer.zip, sent, false);
  if (frameError instanceof ArchiveDamagedError) {
    // the end marker came and no status was an error, so the bytes arrived as the machine wrote them
    // (the link is byte-exact): what tar or the compressor there wrote is not a whole archive
    throw new OperationFailedError(
      `the archive that ${machineOf(label)} wrote is not a complete, valid archive (${frameError.message}), although ` +
        `tar and ${sent ? COMPRESSOR_OF[sent] : 'the compressor'} there reported no error and the stream arrived whole ` +
        `(its end marker came): the machine's tar or compressor is faulty; nothing was published. ` +
        `Check them there (\`tar --version\`${sent === 'zstd' ? ', `zstd -V`' : ''}) and reinstall the faulty one: tar (${howToAdd('tar')})` +
        (sent === 'zstd' ? `, zstd (${howToAdd('zstd')})` : '') +
        '.',
    );
  }
  if (frameError)
    throw new OperationFailedError(`the archive stream from ${label} is damaged: ${frameError.message}`);
  if (outcome.code !== 0 || outcome.signal) {
    throw new OperationFailedError(
      `${label} ${exitText} after the archive was sent: ${lastLine(outcome)}; nothing was published.`,
    );
  }
  return { warnings };
}

function compressorFailed(
  label: string,
  status: number,
  sent: Compression | undefined,
  tarCutOff: boolean,
): OperationFailedError {
  if (!tarCutOff) {
    return new OperationFailedError(
      `the compressor failed on the source with exit status ${status}; nothing was published.`,
    );
  }
  const tool = sent ? COMPRESSOR_OF[sent] : 'the compressor';
  const check = sent === 'zstd' ? 'zstd -V' : sent === 'gzip' ? 'gzip -V' : 'cat --version';
  const reinstall = sent === 'zstd' ? 'zstd' : sent === 'gzip' ? 'gzip' : 'cat';
  return new OperationFailedError(
    `${tool} failed on ${machineOf(label)} with exit status ${status} (see its message above), and tar then stopped ` +
      `because nothing read its output any more (exit ${TAR_SIGPIPE_STATUS}, SIGPIPE): the compressor is the cause, not tar ` +
      `or the volume; nothing was published. Check that \`${check}\` runs there, or reinstall it: ${howToAdd(reinstall)}.`,
  );
}

function tarFailed(status: number): OperationFailedError {
  return new OperationFailedError(
    `tar failed on the source with exit status ${status} (see its message above); nothing was published.`,
  );
}
