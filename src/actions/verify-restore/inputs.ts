import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateIdentity } from '../../crypto/age-stream.js';
import { ConfigurationError } from '../../errors.js';
import { parseSnapshotSelector } from '../../restore/select-snapshot.js';
import type { VerifyMode, VerifyOptions } from '../../restore/verify.js';
import type { FlySourceOptions } from '../../sources/fly-source.js';
import type { S3Location } from '../../storage/s3-client.js';
import {
  checkLength,
  checkNoControlCharacters,
  parseChoice,
  parseDuration,
  parseNonNegativeInteger,
  validateAppName,
  validateCommandPath,
  validateRemotePath,
  validateTarget,
} from '../../validate.js';
import { booleanInput, input, multilineInput, requiredInput } from '../common/action-io.js';
import { getStorageInputs } from '../common/storage-inputs.js';

export const OUTPUTS = [
  'snapshot-id',
  'verified',
  'entries',
  'bytes',
  'age-seconds',
  'restore-seconds',
  'report-key',
] as const;

export interface VerifyInputs {
  verify: Omit<VerifyOptions, 'restoreTo'>;
  location: S3Location;
  restoreTo?: { fly: FlySourceOptions; path: string };
}

function globs(name: string): string[] {
  return multilineInput(name).map((g) => checkNoControlCharacters(name, checkLength(name, g, 512)));
}

export function getInputs(): VerifyInputs {
  const target = validateTarget(
    'target',
    requiredInput('target', 'the backup target to verify (the app name by default in fly-volume-backup)'),
  );
  const storage = getStorageInputs();
  const mode = parseChoice<VerifyMode>('mode', input('mode') || 'extract', ['extract', 'stream']);
  const sqlite = globs('sqlite');
  if (mode === 'stream' && sqlite.length > 0) {
    throw new ConfigurationError(`Input 'sqlite' needs mode: extract (stream mode writes no file to check).`);
  }
  const holdingInput = input('holding-dir');
  if (holdingInput) checkNoControlCharacters('holding-dir', checkLength('holding-dir', holdingInput, 1024));
  const base = process.env.RUNNER_TEMP || tmpdir();
  const maxAge = input('max-age');
  const app = input('restore-to-app');
  const identity = input('decryption-identity');
  // masked before anything could print it, even an error about its shape
  if (identity) core.setSecret(identity);
  return {
    location: storage.location,
    verify: {
      target,
      prefix: storage.prefix,
      snapshot: parseSnapshotSelector('snapshot', input('snapshot') || 'latest'),
      mode,
      holdingDir: (id) => holdingInput || join(base, 'lifeboat-restore', target, id),
      requiredPaths: globs('required-paths'),
      minEntries: parseNonNegativeInteger('min-entries', input('min-entries') || '1'),
      sqlite,
      ...(maxAge ? { maxAgeSeconds: parseDuration('max-age', maxAge) } : {}),
      writeReport: booleanInput('write-report'),
      ...(identity ? { decryptionIdentity: validateIdentity('decryption-identity', identity) } : {}),
    },
    ...(app
      ? {
          restoreTo: {
            fly: {
              app: validateAppName('restore-to-app', app),
              flyctl: validateCommandPath('flyctl', input('flyctl') || 'flyctl'),
            },
            path: validateRemotePath('restore-path', input('restore-path') || '/data'),
          },
        }
      : {}),
  };
}
