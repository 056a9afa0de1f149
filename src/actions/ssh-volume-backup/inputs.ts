import * as core from '@actions/core';
import type { BackupOptions } from '../../jobs/backup.js';
import {
  keySecrets,
  normalizeKnownHosts,
  normalizePrivateKey,
  validateSshHost,
  validateSshPort,
  validateSshUser,
  type SshSourceOptions,
} from '../../sources/ssh-source.js';
import type { S3Location } from '../../storage/s3-client.js';
import { validateTarget } from '../../util/validate.js';
import { booleanInput, input, requiredInput } from '../common/action-io.js';
import { BACKUP_OUTPUTS, getBackupInputs } from '../common/backup-inputs.js';

export const OUTPUTS = BACKUP_OUTPUTS;

export interface SshBackupInputs {
  backup: BackupOptions;
  ssh: SshSourceOptions;
  location: S3Location;
  /** The key and each of its lines, for core.setSecret. */
  secrets: string[];
}

/** Reads and checks every input before anything runs; the first problem is the one error. */
export function getInputs(): SshBackupInputs {
  // the key is read first and raw (not trimmed line by line) so that it is masked before any other check can fail
  const rawKey = core.getInput('ssh-key');
  const secrets = keySecrets(rawKey);
  for (const s of secrets) if (s) core.setSecret(s);
  const host = validateSshHost(
    'host',
    requiredInput('host', 'the host name or IP address of the server to back up'),
  );
  const port = validateSshPort('port', input('port') || '22');
  const user = validateSshUser(
    'user',
    requiredInput('user', 'the login name on the server (for example ubuntu)'),
  );
  const privateKey = normalizePrivateKey('ssh-key', rawKey);
  const knownHosts = normalizeKnownHosts('known-hosts', core.getInput('known-hosts'), host, port);
  const ssh: SshSourceOptions = {
    host,
    port,
    user,
    privateKey,
    knownHosts,
    sudo: booleanInput('sudo'),
    tempRoot: process.env.RUNNER_TEMP || undefined,
  };
  // the default target is the host name, made into a valid folder name
  const defaultTarget = validateTarget(
    'host',
    host.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'host',
  );
  return { ssh, secrets, ...getBackupInputs(defaultTarget) };
}
