import {
  normalizeKnownHosts,
  normalizePrivateKey,
  validateSshHost,
  validateSshPort,
  validateSshUser,
  type SshSourceOptions,
} from '../sources/ssh-source.js';
import { validateTarget } from '../util/validate.js';
import { orDefault } from './defaults.js';
import { missing, required, type OptionReader } from './option-reader.js';

/**
 * Where one command finds its SSH options. port, user and sudo have the same names everywhere;
 * the host is `host` (a backup source, the CLI's restore) or `restore-to-host` (verify-restore);
 * the private key and the known_hosts lines are the values of the ssh-key and known-hosts inputs
 * of an action, and files named by the CLI's --ssh-key-file and --known-hosts-file.
 */
export interface SshOptionNames {
  host: string;
  key: string;
  knownHosts: string;
  /** The text of the key or the known_hosts option (the CLI reads the file it names). */
  text(option: string): string;
}

/** Action inputs: the key and the known_hosts lines are the values of ssh-key and known-hosts. */
export function sshInputNames(r: OptionReader, host = 'host'): SshOptionNames {
  return { host, key: 'ssh-key', knownHosts: 'known-hosts', text: (name) => r.text(name) };
}

const HOST_WHAT = 'the host name or IP address of the server to back up';
const USER_WHAT = 'the login name on the server (for example ubuntu)';

/**
 * The host as ssh takes it. A bracketed IPv6 address ([2001:db8::1], as URLs and known_hosts
 * write it) is the address inside; anything else is checked as it was given.
 */
function readHost(r: OptionReader, option: string, hostRequired: boolean): string {
  const value = hostRequired ? required(r, option, HOST_WHAT) : r.text(option);
  if (value === '') return '';
  const bracketed = /^\[([0-9A-Fa-f:.]+)\]$/.exec(value)?.[1];
  return validateSshHost(option, bracketed?.includes(':') ? bracketed : value);
}

export interface SshReadOptions {
  /** Refuse an empty host (ssh-volume-backup, the CLI's --host); otherwise it turns SSH off. */
  hostRequired?: boolean;
  /** Where the key folder is made while ssh runs (RUNNER_TEMP on a runner). */
  tempRoot?: string;
}

/**
 * host, port, user, ssh key, known_hosts and sudo: how to reach a host over OpenSSH, the one
 * reader for ssh-volume-backup, verify-restore's restore-to-host and the CLI. Checked in that
 * order; the first problem is the one error. Port, user and sudo are checked even when no host
 * is given (a bad value is refused up front either way); without a host the result is undefined.
 */
export function readSsh(
  r: OptionReader,
  names: SshOptionNames,
  options: SshReadOptions & { hostRequired: true },
): SshSourceOptions;
export function readSsh(
  r: OptionReader,
  names: SshOptionNames,
  options?: SshReadOptions,
): SshSourceOptions | undefined;
export function readSsh(
  r: OptionReader,
  names: SshOptionNames,
  options: SshReadOptions = {},
): SshSourceOptions | undefined {
  const host = readHost(r, names.host, options.hostRequired ?? false);
  const port = validateSshPort('port', orDefault(r, 'port'));
  const userText = r.text('user');
  const user = userText ? validateSshUser('user', userText) : '';
  const sudo = r.flag('sudo');
  if (host === '') return undefined;
  if (user === '') throw missing('user', USER_WHAT);
  return {
    host,
    port,
    user,
    privateKey: normalizePrivateKey(names.key, names.text(names.key)),
    knownHosts: normalizeKnownHosts(names.knownHosts, names.text(names.knownHosts), host, port),
    sudo,
    ...(options.tempRoot ? { tempRoot: options.tempRoot } : {}),
  };
}

/**
 * The target of a host's backups when none is given, for the action and the CLI alike: the host
 * name made into a folder name (vps.example.com stays, 2001:db8::1 becomes 2001-db8--1).
 */
export function hostTarget(host: string): string {
  return validateTarget(
    'host',
    host.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'host',
  );
}
