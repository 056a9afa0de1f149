import * as core from '@actions/core';
import type { BackupOptions } from '../../jobs/backup.js';
import { hostTarget, readSsh, sshInputNames } from '../../options/ssh-options.js';
import { keySecrets, type SshSourceOptions } from '../../sources/ssh-source.js';
import type { S3Location } from '../../storage/s3-client.js';
import { actionReader } from '../common/action-io.js';
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
  const secrets = keySecrets(core.getInput('ssh-key'));
  for (const s of secrets) if (s) core.setSecret(s);
  const ssh = readSsh(actionReader, sshInputNames(actionReader), {
    hostRequired: true,
    tempRoot: process.env.RUNNER_TEMP || undefined,
  });
  return { ssh, secrets, ...getBackupInputs(hostTarget(ssh.host)) };
}
