import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, OperationFailedError } from '../util/errors.js';
import { runCaptured, spawnStreaming, type ProcessOutcome, type RunningProcess } from '../util/process.js';
import { shDashC } from '../util/shell.js';
import { openUnnamedFile, type UnnamedFile } from '../util/unnamed-file.js';
import { describeValue } from '../util/validate.js';
import type { ArchiveSource, SourceIdentity } from './archive-source.js';
import { words } from '../util/vocabulary.js';

export interface SshSourceOptions {
  host: string;
  port: number;
  user: string;
  /** The private key (OpenSSH or PEM text). Never a named file on Linux (SshSource.secretFiles). */
  privateKey: string;
  /** known_hosts lines that pin the host key (`ssh-keyscan -p PORT HOST`, checked out of band). */
  knownHosts: string;
  /** Run the archive script as root through `sudo -n`. */
  sudo: boolean;
  /** The OpenSSH client: command or path. Default `ssh`. */
  ssh?: string;
  /** Where the temporary key folder is made (RUNNER_TEMP on a runner). Default os.tmpdir(). */
  tempRoot?: string;
  connectTimeoutSeconds?: number;
  env?: NodeJS.ProcessEnv;
}

/** The options of ArchiveSource.start; keepStdin leaves stdin open (a restore script reads it). */
export interface SshStartOptions {
  signal?: AbortSignal;
  onStderrLine?: (line: string) => void;
  keepStdin?: boolean;
}

const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;

/** A hostname or an IP address; never something ssh could read as an option or a user@. */
export function validateSshHost(input: string, value: string): string {
  const ok =
    value.length <= 253 &&
    (IPV4.test(value) || HOSTNAME.test(value) || (value.includes(':') && IPV6.test(value)));
  if (!ok) {
    throw new ConfigurationError(
      `${words().subject(input)} is ${describeValue(value)}: give the host name (for example vps.example.com) or IP address of the server, ` +
        `without user@ or :port (the user and port are given as ${words().option('user')} and ${words().option('port')}).`,
    );
  }
  return value;
}

export function validateSshPort(input: string, value: string): number {
  const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= 65535)) {
    throw new ConfigurationError(
      `${words().subject(input)} is ${describeValue(value)}: give the SSH port as a number from 1 to 65535 (22 unless the server was moved).`,
    );
  }
  return n;
}

export function validateSshUser(input: string, value: string): string {
  if (!/^[A-Za-z0-9_][A-Za-z0-9._-]{0,31}$/.test(value)) {
    throw new ConfigurationError(
      `${words().subject(input)} is ${describeValue(value)}: give the login name of the account on the server ` +
        `(letters, digits, '.', '_', '-', at most 32 characters; for example ubuntu, admin, root).`,
    );
  }
  return value;
}

const KEY_BLOCK =
  /-----BEGIN ((?:OPENSSH|RSA|EC|DSA|ENCRYPTED) )?PRIVATE KEY-----\n([\s\S]*?)\n-----END \1?PRIVATE KEY-----/;

/**
 * Checks that the secret looks like a private key ssh can use without a prompt, and returns it in
 * the form OpenSSH reads (LF line ends, a final newline). Never puts any part of the key in a message.
 */
export function normalizePrivateKey(input: string, value: string): string {
  const text = value.replace(/\r\n?/g, '\n').trim();
  if (text === '') {
    throw new ConfigurationError(
      `${words().subject(input)} is empty: make a deploy key (ssh-keygen -t ed25519 -N '' -f lifeboat_key) ` +
        `and ${words().secret(input, 'SSH_KEY')}.`,
    );
  }
  if (/^(ssh-|ecdsa-|sk-)\S+ [A-Za-z0-9+/]+=*/.test(text)) {
    throw new ConfigurationError(
      `${words().subject(input)} holds a public key: pass the private key (the file without .pub, starting with -----BEGIN OPENSSH PRIVATE KEY-----); ` +
        `the public key goes into ~/.ssh/authorized_keys on the server.`,
    );
  }
  const m = KEY_BLOCK.exec(text);
  if (!m) {
    throw new ConfigurationError(
      `${words().subject(input)} does not look like a private key: it must be the whole key file, from -----BEGIN OPENSSH PRIVATE KEY----- ` +
        `(or -----BEGIN RSA PRIVATE KEY-----) to the matching -----END ... line, with its line breaks.`,
    );
  }
  const kind = m[1]?.trim();
  const body = m[2]!;
  const passphrase = new ConfigurationError(
    `${words().subject(input)} is a private key protected by a passphrase, which a job cannot type: ` +
      `use a key made for this job without one (ssh-keygen -t ed25519 -N '' -f lifeboat_key).`,
  );
  if (kind === 'ENCRYPTED' || /^Proc-Type: 4,ENCRYPTED/m.test(body)) throw passphrase;
  if (kind === 'OPENSSH') {
    // openssh-key-v1\0, then the cipher name as a uint32-length string: "none" unless encrypted
    const raw = Buffer.from(body.replace(/\s+/g, ''), 'base64');
    const magic = 'openssh-key-v1\0';
    if (raw.subarray(0, magic.length).toString('latin1') !== magic || raw.length < magic.length + 4) {
      throw new ConfigurationError(
        `${words().subject(input)} is not a readable OpenSSH private key (its contents are damaged): copy the key file again, whole.`,
      );
    }
    const len = raw.readUInt32BE(magic.length);
    const cipher = raw.subarray(magic.length + 4, magic.length + 4 + len).toString('latin1');
    if (cipher !== 'none') throw passphrase;
  }
  return `${m[0]}\n`;
}

/**
 * Checks known_hosts text minimally (each line that is not blank or a comment has host patterns,
 * a key type and a base64 key, optionally after @cert-authority or @revoked) and returns it with
 * LF line ends. An empty value is refused: lifeboat never trusts a key it was not given.
 */
export function normalizeKnownHosts(input: string, value: string, host: string, port: number): string {
  const lines = value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim());
  const entries = lines.filter((l) => l !== '' && !l.startsWith('#'));
  const keyscan = `ssh-keyscan -p ${port} ${host}`;
  if (entries.length === 0) {
    throw new ConfigurationError(
      `${words().subject(input)} is empty: lifeboat only connects to a server whose host key it was given. ` +
        `Get the line with \`${keyscan}\` (or from ~/.ssh/known_hosts of a machine that already trusts the server), ` +
        `compare its fingerprint (ssh-keygen -lf) with \`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub\` run on the server ` +
        `itself, and give it as ${words().option(input)}.`,
    );
  }
  entries.forEach((line, i) => {
    let fields = line.split(/\s+/);
    if (fields[0]!.startsWith('@')) {
      if (fields[0] !== '@cert-authority' && fields[0] !== '@revoked') fields = [];
      else fields = fields.slice(1);
    }
    const ok =
      fields.length >= 3 &&
      /^[A-Za-z0-9][A-Za-z0-9@.+-]*$/.test(fields[1]!) &&
      /^[A-Za-z0-9+/]+={0,3}$/.test(fields[2]!);
    if (!ok) {
      throw new ConfigurationError(
        `${words().subject(input)} line ${i + 1} is ${describeValue(line)}: a known_hosts line is "HOST KEYTYPE KEY" ` +
          `(for example "[${host}]:${port} ssh-ed25519 AAAAC3Nza..."); get it with \`${keyscan}\` and check it out of band.`,
      );
    }
  });
  return `${entries.join('\n')}\n`;
}

/** `OpenSSH_9.2p1` from `ssh -V` (which prints on stderr). */
export function parseSshVersion(output: string): string | undefined {
  return /\b(OpenSSH_[0-9][0-9A-Za-z.]*)/.exec(output)?.[1];
}

/** What an ssh failure (exit 255) was, as far as its stderr tells. */
export type SshFailureKind =
  | 'unknown-host-key' // the known_hosts lines have none for this host and port
  | 'changed-host-key' // the host presented a key other than the pinned one
  | 'auth' // the server refused the key for this user
  | 'key-format' // ssh could not read the private key
  | 'refused' // nothing accepts connections on host:port
  | 'timeout' // no answer in time
  | 'dns' // the host name does not resolve
  | 'lost'; // the connection ended mid-session, or ssh said nothing

export interface SshFailure {
  kind: SshFailureKind;
  /** What it means for the person who has to fix it, and how. */
  message: string;
}

/** The kinds a person fixes in the inputs (or on the server), not by running again. */
export const SSH_CONFIGURATION_FAILURES: ReadonlySet<SshFailureKind> = new Set([
  'unknown-host-key',
  'changed-host-key',
  'auth',
  'key-format',
  'refused',
  'dns',
]);

type Who = Pick<SshSourceOptions, 'host' | 'port' | 'user'>;

/** The server as the messages name it, and the command that prints its host key lines. */
const where = (o: Who) => `${o.host}:${o.port}`;
const keyscan = (o: Who) => `ssh-keyscan -p ${o.port} ${o.host}`;
const lost = (o: Who, detail: string) =>
  `The SSH connection to ${where(o)} was lost (${detail}); nothing was published. Check the network and the server's log ` +
  `(journalctl -u ssh: a restart of sshd or the OOM killer ends sessions), then run the backup again.`;

/**
 * How each kind shows in ssh's stderr, and what to tell the person: the first row whose `all`
 * patterns all match and whose `none` patterns do not is the kind (the order matters: an unknown
 * host key also prints "Host key verification failed").
 */
const SSH_FAILURES: {
  kind: SshFailureKind;
  all: RegExp[];
  none?: RegExp[];
  message: (o: Who, stderr: string[]) => string;
}[] = [
  {
    kind: 'unknown-host-key',
    all: [
      /Host key verification failed/,
      /No \S+ host key is known for|host key is not known|is not in the known_hosts/i,
    ],
    none: [/HAS CHANGED/],
    message: (o) =>
      `Host key verification failed: ${words().option('known-hosts')} has no line for ${where(o)}` +
      (o.port === 22 ? '' : ` (on port ${o.port} the line must start with [${o.host}]:${o.port})`) +
      `. Get the line with \`${keyscan(o)}\`, check its fingerprint on the server, and ${words().set('known-hosts', 'it')}. Nothing was sent.`,
  },
  {
    kind: 'changed-host-key',
    all: [/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/],
    message: (o) =>
      `Host key verification failed: the key that ${where(o)} presented is not the one in ${words().option('known-hosts')}, so lifeboat refused to connect. ` +
      `If the server was rebuilt or its host keys changed, get the new line with \`${keyscan(o)}\`, check its fingerprint on the server ` +
      `(ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) and update ${words().option('known-hosts')}; otherwise something is intercepting the connection. Nothing was sent.`,
  },
  {
    kind: 'auth',
    all: [/Permission denied \(/],
    message: (o) =>
      `The server ${where(o)} refused the key in ${words().option('ssh-key')} for user ${o.user} (Permission denied): add the public half of the key ` +
      `(ssh-keygen -y -f KEYFILE) to ~${o.user}/.ssh/authorized_keys on the server, or check ${words().option('user')}.`,
  },
  {
    kind: 'key-format',
    all: [/Load key .*: (invalid format|error in libcrypto)|invalid format/],
    message: () =>
      `ssh could not read the key of ${words().option('ssh-key')}: pass the whole private key file (with its BEGIN and END lines and line breaks), without a passphrase.`,
  },
  {
    kind: 'refused',
    all: [/Connection refused/],
    message: (o) =>
      `Connection refused by ${where(o)}: check ${words().option('host')} and ${words().option('port')}, that sshd runs, and that the firewall lets the runner in.`,
  },
  {
    kind: 'timeout',
    all: [/Connection timed out|timed out during banner exchange|Operation timed out/],
    message: (o) =>
      `Connecting to ${where(o)} timed out: check ${words().option('host')} and ${words().option('port')} and that the firewall (security group, ufw) lets the runner's address in.`,
  },
  {
    kind: 'dns',
    all: [/Could not resolve hostname/],
    message: (o) => `The host name ${o.host} could not be resolved: check ${words().option('host')}.`,
  },
  {
    kind: 'lost',
    all: [
      /closed by remote host|Connection reset|Broken pipe|Connection closed|Timeout, server .* not responding/,
    ],
    message: (o, stderr) => lost(o, stderr[stderr.length - 1] ?? ''),
  },
];

/**
 * What an ssh failure (exit 255) was and means, from its stderr; undefined when the message is
 * not one lifeboat knows. Callers branch on the kind, never on the message.
 */
export function explainSshFailure(opts: Who, stderr: string[]): SshFailure | undefined {
  if (stderr.length === 0) {
    return { kind: 'lost', message: lost(opts, 'ssh exited with status 255 without a message') };
  }
  const text = stderr.join('\n');
  const row = SSH_FAILURES.find(
    (f) => f.all.every((p) => p.test(text)) && !(f.none ?? []).some((p) => p.test(text)),
  );
  return row && { kind: row.kind, message: row.message(opts, stderr) };
}

/** The paths ssh reads the key and known_hosts from, and how to let go of them. */
interface SecretFiles {
  key: string;
  knownHosts: string;
  close(): void;
}

/**
 * Any Linux host reached with the OpenSSH client. The host key is pinned (StrictHostKeyChecking=yes
 * with only the given known_hosts), the key comes from a secret and is never a named file on Linux
 * (an unnamed file this process holds open, which no kill can leave behind: secretFiles), and the archive script goes to the remote login
 * shell as `sh -c '<script>'` (or `sudo -n sh -c '<script>'`).
 */
export class SshSource implements ArchiveSource {
  readonly label = 'ssh';
  readonly description: SourceIdentity;
  private readonly liveFiles = new Set<SecretFiles>();

  constructor(private readonly options: SshSourceOptions) {
    this.description = { kind: 'ssh', host: options.host };
  }

  private get env(): NodeJS.ProcessEnv {
    return this.options.env ?? process.env;
  }

  private get ssh(): string {
    return this.options.ssh ?? 'ssh';
  }

  /** Validates every value again (the CLI builds options without the action's input checks). */
  private checked(): { key: string; knownHosts: string } {
    const o = this.options;
    validateSshHost('host', o.host);
    validateSshPort('port', String(o.port));
    validateSshUser('user', o.user);
    return {
      key: normalizePrivateKey('ssh-key', o.privateKey),
      knownHosts: normalizeKnownHosts('known-hosts', o.knownHosts, o.host, o.port),
    };
  }

  /**
   * The key and the known_hosts lines as files ssh opens, closed by `close` (the caller's duty,
   * and dispose's). On Linux they are unnamed files (util/unnamed-file.ts) in /dev/shm or the temp
   * root, so no kill of lifeboat or ssh leaves the key on disk; without /proc, 0600 files in a fresh
   * 0700 folder that live as long as the ssh process.
   */
  private secretFiles(): SecretFiles {
    const { key, knownHosts } = this.checked();
    const root = this.options.tempRoot || tmpdir();
    mkdirSync(root, { recursive: true });
    const folders = ['/dev/shm', root];
    const keyFile = openUnnamedFile(key, folders);
    if (keyFile) {
      let knownFile: UnnamedFile | undefined;
      try {
        knownFile = openUnnamedFile(knownHosts, folders);
      } finally {
        if (!knownFile) keyFile.close();
      }
      if (knownFile) {
        const known = knownFile;
        return this.live({
          key: keyFile.path,
          knownHosts: known.path,
          close: () => {
            keyFile.close();
            known.close();
          },
        });
      }
    }
    return this.live(this.namedFiles(root, key, knownHosts));
  }

  /** Records files as live until closed (dispose closes any a process never got to). */
  private live(files: SecretFiles): SecretFiles {
    const entry: SecretFiles = {
      ...files,
      close: () => {
        files.close();
        this.liveFiles.delete(entry);
      },
    };
    this.liveFiles.add(entry);
    return entry;
  }

  /** The key and known_hosts in a fresh 0700 folder (systems without /proc). */
  private namedFiles(root: string, key: string, knownHosts: string): SecretFiles {
    const dir = mkdtempSync(join(root, 'lifeboat-ssh-'));
    const close = () => rmSync(dir, { recursive: true, force: true });
    try {
      const keyFile = join(dir, 'key');
      const knownFile = join(dir, 'known_hosts');
      writeFileSync(keyFile, key, { mode: 0o600, flag: 'wx' });
      writeFileSync(knownFile, knownHosts, { mode: 0o600, flag: 'wx' });
      return { key: keyFile, knownHosts: knownFile, close };
    } catch (err) {
      close();
      throw err;
    }
  }

  /** Closes or removes any key file still open (a process that never ended); safe to call twice. */
  dispose(): void {
    for (const files of [...this.liveFiles]) files.close();
  }

  /** The ssh arguments up to and including the destination. */
  sshArgs(files: { key: string; knownHosts: string }): string[] {
    const o = this.options;
    const opt = (s: string) => ['-o', s];
    return [
      '-F',
      'none',
      '-T',
      ...opt('StrictHostKeyChecking=yes'),
      ...opt(`UserKnownHostsFile=${files.knownHosts}`),
      ...opt('GlobalKnownHostsFile=/dev/null'),
      ...opt('UpdateHostKeys=no'),
      ...opt('IdentitiesOnly=yes'),
      ...opt('BatchMode=yes'),
      ...opt('PasswordAuthentication=no'),
      ...opt(`IdentityFile=${files.key}`),
      ...opt(`ConnectTimeout=${o.connectTimeoutSeconds ?? 30}`),
      ...opt('ServerAliveInterval=15'),
      ...opt('ServerAliveCountMax=4'),
      ...opt('ControlMaster=no'),
      ...opt('ControlPath=none'),
      ...opt('ForwardAgent=no'),
      ...opt('ClearAllForwardings=yes'),
      ...opt('LogLevel=ERROR'),
      '-p',
      String(o.port),
      '--',
      `${o.user}@${o.host}`,
    ];
  }

  /** The command string the remote login shell runs. */
  remoteCommand(script: string): string {
    return this.options.sudo ? `sudo -n ${shDashC(script)}` : shDashC(script);
  }

  private spawnSsh(remote: string, options: SshStartOptions): RunningProcess {
    const files = this.secretFiles();
    let proc: RunningProcess;
    try {
      proc = spawnStreaming(this.ssh, [...this.sshArgs(files), remote], {
        env: this.env,
        signal: options.signal,
        onStderrLine: options.onStderrLine,
      });
    } catch (err) {
      files.close();
      throw err;
    }
    if (!options.keepStdin) proc.stdin.end();
    const done = proc.done.then(
      (outcome) => {
        files.close();
        return this.explained(outcome);
      },
      (err: unknown) => {
        files.close();
        throw err;
      },
    );
    done.catch(() => undefined);
    return { ...proc, done };
  }

  /** Appends what an ssh failure means as the last stderr line, which the judge quotes. */
  private explained(outcome: ProcessOutcome): ProcessOutcome {
    if (outcome.code !== 255) return outcome;
    const why = explainSshFailure(this.options, outcome.stderrTail);
    return why ? { ...outcome, stderrTail: [...outcome.stderrTail, why.message] } : outcome;
  }

  async preflight(signal?: AbortSignal): Promise<Record<string, string>> {
    this.checked();
    const v = await runCaptured(this.ssh, ['-V'], {
      env: this.env,
      signal,
      installHint: `install the OpenSSH client (apt-get install openssh-client), or set ${words().option('ssh')} to its path`,
    });
    const version = parseSshVersion(`${v.stderrTail.join('\n')}\n${v.stdout}`);
    if (v.code !== 0 || !version) {
      throw new ConfigurationError(
        `'${this.ssh} -V' did not report an OpenSSH client (${v.code !== 0 ? `exit status ${v.code}` : 'no version'}): ` +
          `lifeboat needs OpenSSH's ssh (apt-get install openssh-client).`,
      );
    }
    // Connect once before any data moves: host key, key and sudo are proven here, not mid-backup.
    const probe = this.options.sudo ? 'sudo -n sh -c true && echo lifeboat-ssh-ok' : 'echo lifeboat-ssh-ok';
    const proc = this.spawnSsh(probe, { signal });
    const chunks: Buffer[] = [];
    proc.stdout.on('data', (c: Buffer) => chunks.push(c));
    const outcome = await proc.done;
    const out = Buffer.concat(chunks).toString('utf8');
    if (outcome.code === 0 && out.includes('lifeboat-ssh-ok')) return { ssh: version };
    const last = outcome.stderrTail[outcome.stderrTail.length - 1] ?? '(no message on stderr)';
    if (outcome.code === 255) {
      const why = explainSshFailure(this.options, outcome.stderrTail);
      if (why && SSH_CONFIGURATION_FAILURES.has(why.kind)) throw new ConfigurationError(why.message);
      throw new OperationFailedError(
        `ssh could not connect to ${this.options.host}:${this.options.port}: ${why?.message ?? last}`,
      );
    }
    if (this.options.sudo && /sudo/.test(outcome.stderrTail.join('\n'))) {
      throw new ConfigurationError(
        `sudo on ${this.options.host} asked for a password or refused (${last}): allow ${this.options.user} to run sh without a password ` +
          `(a sudoers line such as "${this.options.user} ALL=(root) NOPASSWD: /bin/sh"), or ${words().set('sudo', false)} and back up a path the user can read.`,
      );
    }
    throw new OperationFailedError(
      `the test command on ${this.options.host} failed (exit status ${outcome.code ?? outcome.signal}): ${last}. ` +
        `The login shell of ${this.options.user} must be a POSIX shell (sh, bash, dash, zsh).`,
    );
  }

  start(script: string, options: SshStartOptions): RunningProcess {
    return this.spawnSsh(this.remoteCommand(script), options);
  }
}

/** The private key and each line of it (a runner masks a multi-line secret best line by line). */
export function keySecrets(key: string): string[] {
  const lines = key
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length >= 8 && !l.startsWith('-----'));
  return [key, key.trim(), ...lines];
}
