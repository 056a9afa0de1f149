import type { RequestedCompression } from '../archive/remote-script.js';
import type { BackupOptions } from '../jobs/backup.js';
import { validateRecipient } from '../crypto/age-stream.js';
import type { FlySourceOptions } from '../sources/fly-source.js';
import type { S3Location } from '../storage/s3-client.js';
import {
  parseChoice,
  parseNonNegativeInteger,
  parseRatio,
  validateAppName,
  validateCommandInput,
  validateCommandPath,
  validateExcludePattern,
  validateLabel,
  validateMachineId,
  validateRemotePath,
  validateTarget,
} from '../util/validate.js';
import { orDefault } from './defaults.js';
import { required, type OptionReader } from './option-reader.js';
import { readRetention } from './retention-options.js';
import { readStorage } from './storage-options.js';

/**
 * What every backup source shares: what to archive (path, exclude, pre-command, compression,
 * label, encryption), where to store it, retention and the wiped-volume guard.
 */
export function readBackup(
  r: OptionReader,
  defaultTarget: string,
): { backup: BackupOptions; location: S3Location } {
  const storage = readStorage(r);
  const label = r.text('label');
  const preCommand = r.text('pre-command');
  return {
    location: storage.location,
    backup: {
      target: validateTarget('target', r.text('target') || defaultTarget),
      prefix: storage.prefix,
      path: validateRemotePath('path', orDefault(r, 'path')),
      excludes: r.lines('exclude').map((p) => validateExcludePattern('exclude', p)),
      ...(preCommand ? { preCommand: validateCommandInput('pre-command', preCommand) } : {}),
      compression: parseChoice<RequestedCompression>('compression', orDefault(r, 'compression'), [
        'auto',
        'zstd',
        'gzip',
        'none',
      ]),
      ...(label ? { label: validateLabel('label', label) } : {}),
      retention: readRetention(r),
      minSizeRatio: parseRatio('min-size-ratio', orDefault(r, 'min-size-ratio')),
      allowShrink: r.flag('allow-shrink'),
      allowUnencrypted: r.flag('allow-unencrypted'),
      indexGuard: {
        maxFilesGoneRatio: parseRatio('max-files-gone-ratio', orDefault(r, 'max-files-gone-ratio')),
        truncatedMinBytes: parseNonNegativeInteger(
          'truncated-file-min-size',
          orDefault(r, 'truncated-file-min-size'),
        ),
        truncatedRatio: parseRatio('truncated-file-ratio', orDefault(r, 'truncated-file-ratio')),
      },
      requireVersioning: r.flag('require-versioning'),
      sourceIdleTimeoutMs:
        parseNonNegativeInteger('source-idle-timeout', orDefault(r, 'source-idle-timeout')) * 1000,
      // the benchmark's and tests' backup without the index (bench/NOTES.md; README, "Development":
      // test- and bench-only, as LIFEBOAT_STORE_IDLE_MS); no input or flag sets it
      ...(process.env.LIFEBOAT_BENCH_NO_INDEX === '1' ? { writeIndex: false } : {}),
      dryRun: r.flag('dry-run'),
      encryptionRecipients: r
        .lines('encryption-recipients')
        .map((x) => validateRecipient('encryption-recipients', x)),
    },
  };
}

/** app, machine, flyctl: how to reach a Fly machine. */
export function readFly(r: OptionReader, appOption = 'app'): FlySourceOptions {
  const app = validateAppName(appOption, required(r, appOption, 'the name of the Fly app'));
  const machine = r.text('machine');
  return {
    app,
    ...(machine ? { machine: validateMachineId('machine', machine) } : {}),
    flyctl: validateCommandPath('flyctl', orDefault(r, 'flyctl')),
  };
}
