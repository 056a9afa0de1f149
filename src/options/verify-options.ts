import { tmpdir } from 'node:os';
import { validateIdentity } from '../crypto/age-stream.js';
import { ConfigurationError } from '../util/errors.js';
import { checkGlob } from '../util/glob.js';
import { parseSnapshotSelector } from '../catalog/select-snapshot.js';
import type { VerifyMode, VerifyOptions } from '../jobs/verify.js';
import type { FlySourceOptions } from '../sources/fly-source.js';
import type { SshSourceOptions } from '../sources/ssh-source.js';
import type { S3Location } from '../storage/s3-client.js';
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
} from '../util/validate.js';
import { orDefault } from './defaults.js';
import { required, type OptionReader } from './option-reader.js';
import { readSsh, sshInputNames } from './ssh-options.js';
import { readStorage } from './storage-options.js';
import { words } from '../util/vocabulary.js';

export type RemoteRestore = { fly: FlySourceOptions; path: string } | { ssh: SshSourceOptions; path: string };

export interface VerifyInputs {
  verify: Omit<VerifyOptions, 'restoreTo'>;
  location: S3Location;
  restoreTo?: RemoteRestore;
}

/** restore-to-app (flyctl) or restore-to-host (OpenSSH: port, user, ssh-key, known-hosts, sudo). */
function readRemoteRestore(r: OptionReader, tempRoot: string): RemoteRestore | undefined {
  const app = r.text('restore-to-app');
  if (app && r.text('restore-to-host')) {
    throw new ConfigurationError(`Give restore-to-app or restore-to-host, not both.`);
  }
  // checked whether or not a restore target is set: a bad value is refused up front either way
  const path = validateRemotePath('restore-path', orDefault(r, 'restore-path'));
  const flyctl = validateCommandPath('flyctl', orDefault(r, 'flyctl'));
  const ssh = readSsh(r, sshInputNames(r, 'restore-to-host'), { tempRoot });
  if (app) return { fly: { app: validateAppName('restore-to-app', app), flyctl }, path };
  return ssh ? { ssh, path } : undefined;
}

function globs(r: OptionReader, name: string): string[] {
  return r.lines(name).map((g) => checkGlob(name, checkNoControlCharacters(name, checkLength(name, g, 512))));
}

/**
 * target, snapshot, mode, holding-dir, required-paths, min-entries, sqlite, max-age,
 * write-report, decryption-identity, restore-to-app / restore-to-host / restore-path and their options.
 * `tempRoot` is where the default holding directory goes ($RUNNER_TEMP on a runner).
 */
export function readVerify(r: OptionReader, tempRoot: string = tmpdir()): VerifyInputs {
  const target = validateTarget(
    'target',
    required(r, 'target', 'the backup target to verify (the app name by default in fly-volume-backup)'),
  );
  const storage = readStorage(r);
  const mode = parseChoice<VerifyMode>('mode', orDefault(r, 'mode'), ['extract', 'stream']);
  const sqlite = globs(r, 'sqlite');
  if (mode === 'stream' && sqlite.length > 0) {
    throw new ConfigurationError(
      `${words().subject('sqlite')} needs ${words().setting('mode', 'extract')} (stream mode writes no file to check).`,
    );
  }
  const holdingInput = r.text('holding-dir');
  if (holdingInput) checkNoControlCharacters('holding-dir', checkLength('holding-dir', holdingInput, 1024));
  const maxAge = r.text('max-age');
  const restoreTo = readRemoteRestore(r, tempRoot);
  const identity = r.text('decryption-identity');
  return {
    location: storage.location,
    verify: {
      target,
      prefix: storage.prefix,
      snapshot: parseSnapshotSelector('snapshot', orDefault(r, 'snapshot')),
      mode,
      // holding-dir given: the copy is kept there; else a new private directory under tempRoot,
      // removed after the checks (jobs/verify.ts)
      ...(holdingInput ? { holdingDir: () => holdingInput } : {}),
      holdingRoot: tempRoot,
      requiredPaths: globs(r, 'required-paths'),
      minEntries: parseNonNegativeInteger('min-entries', orDefault(r, 'min-entries')),
      sqlite,
      ...(maxAge ? { maxAgeSeconds: parseDuration('max-age', maxAge) } : {}),
      writeReport: r.flag('write-report'),
      ...(identity ? { decryptionIdentity: validateIdentity('decryption-identity', identity) } : {}),
    },
    ...(restoreTo ? { restoreTo } : {}),
  };
}
