import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readFly } from '../options/backup-options.js';
import type { OptionReader } from '../options/option-reader.js';
import { hostTarget, readSsh, type SshOptionNames } from '../options/ssh-options.js';
import type { ArchiveSource } from '../sources/archive-source.js';
import { FlySource } from '../sources/fly-source.js';
import { LocalSource } from '../sources/local-source.js';
import { SshSource } from '../sources/ssh-source.js';
import { ConfigurationError } from '../util/errors.js';
import { validateRemotePath } from '../util/validate.js';

/** The contents of the file a flag names ('' when the flag is not given). */
function readFileFlag(r: OptionReader, name: string): string {
  const file = r.text(name);
  if (!file) return '';
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigurationError(`--${name} ${file} cannot be read: ${(err as Error).message}`);
  }
}

/** The CLI's SSH flags: the key and known_hosts are files; LIFEBOAT_SSH_KEY holds the key itself. */
export function sshFlagNames(r: OptionReader, env: NodeJS.ProcessEnv = process.env): SshOptionNames {
  return {
    host: 'host',
    key: 'ssh-key-file',
    knownHosts: 'known-hosts-file',
    text: (name) => (name === 'ssh-key-file' && env.LIFEBOAT_SSH_KEY) || readFileFlag(r, name),
  };
}

export interface BackupSource {
  source: ArchiveSource;
  /** The target when --target is not given: the app, the host made into a folder name, the folder's name. */
  defaultTarget: string;
  /** The machine as the person named it, for messages. */
  machine: string;
}

/** The source the flags name: --app (Fly), --host (SSH) or --local (this machine). */
export function backupSource(r: OptionReader, env: NodeJS.ProcessEnv = process.env): BackupSource {
  if (r.text('app')) {
    const fly = readFly(r);
    return { source: new FlySource(fly), defaultTarget: fly.app, machine: fly.app };
  }
  if (r.text('host')) {
    const ssh = readSsh(r, sshFlagNames(r, env), { hostRequired: true });
    return { source: new SshSource(ssh), defaultTarget: hostTarget(ssh.host), machine: ssh.host };
  }
  if (r.flag('local')) {
    const path = validateRemotePath('path', r.text('path'));
    return { source: new LocalSource(), defaultTarget: basename(path), machine: path };
  }
  throw new ConfigurationError(
    'Choose what to back up: --app <fly app>, --host <ssh host>, or --local --path <directory>.',
  );
}
