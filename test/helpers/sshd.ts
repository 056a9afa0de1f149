import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SSHD = '/usr/sbin/sshd';
export const TEST_USER = 'lbtest';

export interface SshKeyPair {
  privateKey: string;
  publicKey: string;
}

/** A fresh ed25519 key pair without passphrase, made by ssh-keygen. */
export function makeKeyPair(comment = 'lifeboat-test'): SshKeyPair {
  const dir = mkdtempSync(join(tmpdir(), 'lifeboat-keygen-'));
  const file = join(dir, 'key');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
  const pair = {
    privateKey: readFileSync(file, 'utf8'),
    publicKey: readFileSync(`${file}.pub`, 'utf8').trim(),
  };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** The test user with a usable home; '*' as password keeps the account unlocked for key logins. */
export function ensureTestUser(): { name: string; home: string } {
  try {
    execFileSync('id', ['-u', TEST_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['-m', '-s', '/bin/sh', '-p', '*', TEST_USER]);
  }
  // an account created with the default '!' password is "locked": sshd (UsePAM no) refuses it
  execFileSync('usermod', ['-p', '*', TEST_USER]);
  const home = execFileSync('sh', ['-c', `getent passwd ${TEST_USER} | cut -d: -f6`], {
    encoding: 'utf8',
  }).trim();
  mkdirSync(home, { recursive: true });
  execFileSync('chown', [`${TEST_USER}:`, home]);
  return { name: TEST_USER, home };
}

/** Copies a fixture folder into the test user's home (modes and times kept) and gives it to the user. */
export function giveToTestUser(volume: string, home: string, name: string): string {
  const dest = join(home, name);
  rmSync(dest, { recursive: true, force: true });
  execFileSync('cp', ['-a', volume, dest]);
  execFileSync('chown', ['-R', '-h', `${TEST_USER}:`, dest]);
  return dest;
}

export interface SshServer {
  host: string;
  port: number;
  user: string;
  home: string;
  /** The private key whose public half is authorized for the user. */
  clientKey: SshKeyPair;
  /** The server's host public key line ("ssh-ed25519 AAAA..."). */
  hostKey: string;
  /** The known_hosts line that pins this server. */
  knownHosts: string;
  pid: number;
  /** Everything sshd wrote (with -e, its log). */
  log(): string;
  /**
   * The pids of every process of open connections (the daemon's descendants), or only those whose
   * command is `comm` ("tar"): another test file's server runs the same user's tar at the same
   * time, so `pgrep -u` alone does not find this server's.
   */
  sessionPids(comm?: string): number[];
  stop(): Promise<void>;
}

function descendants(root: number, comm?: string): number[] {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,comm='], { encoding: 'utf8' });
  const children = new Map<number, number[]>();
  const comms = new Map<number, string>();
  for (const line of out.trim().split('\n')) {
    const [pid, ppid, ...name] = line.trim().split(/\s+/);
    children.set(Number(ppid), [...(children.get(Number(ppid)) ?? []), Number(pid)]);
    comms.set(Number(pid), name.join(' '));
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      if (comm === undefined || comms.get(c) === comm) found.push(c);
      walk(c);
    }
  };
  walk(root);
  return found;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sshd exited with ${child.exitCode}: ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = createConnection({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd did not listen on ${port}: ${log()}`);
}

/**
 * A real OpenSSH server on 127.0.0.1 with a free port, its own host key, a PidFile and an
 * AuthorizedKeysFile that the test controls; logins as the test user with one key only.
 * `extraConfig` lines are appended to sshd_config (a ForceCommand that narrows the PATH, say).
 */
export async function startSshd(o: { extraConfig?: string[] } = {}): Promise<SshServer> {
  if (!existsSync(SSHD))
    throw new Error(`${SSHD} is missing: run bash scripts/setup-system.sh (openssh-server)`);
  const user = ensureTestUser();
  const dir = mkdtempSync(join(tmpdir(), 'lifeboat-sshd-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
  const clientKey = makeKeyPair('lifeboat-client');
  const authorized = join(dir, 'authorized_keys');
  writeFileSync(authorized, `${clientKey.publicKey}\n`, { mode: 0o644 });
  const config = join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_key')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${authorized}`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      `AllowUsers ${user.name}`,
      'PermitRootLogin no',
      'X11Forwarding no',
      'PrintMotd no',
      'LogLevel INFO',
      'MaxStartups 50',
      ...(o.extraConfig ?? []),
      '',
    ].join('\n'),
  );
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 }); // the privilege separation directory
  execFileSync(SSHD, ['-t', '-f', config]);
  const child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (log += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (log += d));
  await waitForPort(port, child, () => log);
  const hostKey = readFileSync(join(dir, 'host_key.pub'), 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
  return {
    host: '127.0.0.1',
    port,
    user: user.name,
    home: user.home,
    clientKey,
    hostKey,
    knownHosts: `[127.0.0.1]:${port} ${hostKey}`,
    pid: child.pid!,
    log: () => log,
    sessionPids: (comm) => descendants(child.pid!, comm),
    stop: async () => {
      if (child.exitCode === null) {
        const closed = new Promise((r) => child.once('close', r));
        child.kill('SIGTERM');
        await closed;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
