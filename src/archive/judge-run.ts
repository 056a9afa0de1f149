import { ConfigurationError, OperationFailedError } from '../util/errors.js';
import { lastLine, type ProcessOutcome } from '../util/process.js';
import type { StreamTrailer } from './stream-frame.js';

export interface RunVerdict {
  warnings: string[];
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
): RunVerdict {
  const exitText = outcome.signal ? `was killed by ${outcome.signal}` : `exited with status ${outcome.code}`;
  if (!trailer) {
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
  switch (trailer.err) {
    case '':
      break;
    case 'nopath':
      throw new ConfigurationError(
        `The path ${path} does not exist on the source or is not a directory: set the 'path' input to the volume's mount point` +
          (label === 'flyctl' ? ' (see [mounts] destination in fly.toml).' : '.'),
      );
    case 'nocd':
      throw new ConfigurationError(
        `The path ${path} cannot be entered on the source: check its permissions.`,
      );
    case 'notar':
      throw new ConfigurationError(
        `tar is not installed on the source: install it in the image (apt-get install tar, apk add tar).`,
      );
    case 'nocompressor':
      throw new ConfigurationError(
        `The requested compressor is not installed on the source: install it (zstd or gzip) or set 'compression' to auto.`,
      );
    case 'noexclude':
      throw new ConfigurationError(
        `The source's tar cannot leave paths out (it has no --exclude: a minimal busybox build); nothing was archived. ` +
          `Remove 'exclude', or install GNU tar on the source (apt-get install tar, apk add tar).`,
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
      'tar reported files that changed while they were read (exit 1); the archive is complete but those files may be inconsistent: use pre-command to snapshot databases first',
    );
  } else if (trailer.tar !== 0) {
    throw tarFailed(trailer.tar);
  }
  if (trailer.zip !== 0) {
    throw new OperationFailedError(
      `the compressor failed on the source with exit status ${trailer.zip}; nothing was published.`,
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

function tarFailed(status: number): OperationFailedError {
  return new OperationFailedError(
    `tar failed on the source with exit status ${status} (see its message above); nothing was published.`,
  );
}
