import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaErrors } from '../../src/catalog/schemas.js';
import { extractWithTar } from '../helpers/archive.js';
import { describeTree, makeFixtureVolume } from '../helpers/fixture-volume.js';
import { runAction, type ActionRun } from '../helpers/run-action.js';
import { expectFailureReported } from '../helpers/step-failure.js';
import {
  createBucket,
  getBytes,
  getJson,
  listKeys,
  openMultipartUploads,
  s3Env,
  s3Server,
} from '../helpers/s3.js';
import { filesHoldingKey } from '../helpers/key-scan.js';
import { giveToTestUser, makeKeyPair, startSshd, TEST_USER, type SshServer } from '../helpers/sshd.js';

let server: SshServer;
let volume: string;
let remotePath: string;

beforeAll(async () => {
  server = await startSshd();
  volume = makeFixtureVolume();
  remotePath = giveToTestUser(volume, server.home, `vol-${process.pid}`);
});

afterAll(async () => {
  await server?.stop();
  if (remotePath) rmSync(remotePath, { recursive: true, force: true });
});

function inputs(bucket: string, extra: Record<string, string> = {}) {
  return {
    host: server.host,
    port: String(server.port),
    user: server.user,
    'ssh-key': server.clientKey.privateKey,
    'known-hosts': server.knownHosts,
    path: remotePath,
    bucket,
    endpoint: s3Server().endpoint,
    'force-path-style': 'true',
    ...extra,
  };
}

async function backup(bucket: string, extra: Record<string, string> = {}) {
  return runAction('ssh-volume-backup', { inputs: inputs(bucket, extra), env: s3Env(), standins: false });
}

/** The key folders left under RUNNER_TEMP (there must be none once the step ended). */
function keyDirsLeft(run: ActionRun): string[] {
  if (!existsSync(run.runnerTemp)) return [];
  return readdirSync(run.runnerTemp).filter((n) => n.startsWith('lifeboat-ssh-'));
}

function connectionsInLog(): number {
  return (
    server.log().match(/from 127\.0\.0\.1 port|by 127\.0\.0\.1 port|127\.0\.0\.1 port \d+ \[preauth\]/g) ?? []
  ).length;
}

describe('ssh-volume-backup (dist bundle under Node 24, real OpenSSH server, Ceph RGW)', () => {
  it('backs up a folder of the host over ssh: byte-identical round trip, manifest names the ssh source', async () => {
    const bucket = await createBucket();
    const run = await backup(bucket, { target: 'vps' });
    expect(run.code, run.log).toBe(0);
    const o = run.outputs;
    expect(o.status).toBe('ok');
    expect(o['archive-key']).toBe(`lifeboat/vps/snapshots/${o['snapshot-id']}/archive.tar.zst`);
    const bytes = await getBytes(bucket, o['archive-key']!);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(o.sha256).toBe(sha);
    expect(Number(o['size-bytes'])).toBe(bytes.length);

    const manifest = (await getJson(bucket, o['manifest-key']!))!;
    expect(schemaErrors('manifest', manifest)).toEqual([]);
    expect(manifest).toMatchObject({
      status: 'ok',
      target: 'vps',
      compression: 'zstd',
      source: { kind: 'ssh', host: '127.0.0.1', path: remotePath },
      archive: { sha256: sha, size: bytes.length, versionId: o['version-id'] },
    });
    expect((manifest.tools as { ssh: string }).ssh).toMatch(/^OpenSSH_\d/);
    const latest = (await getJson(bucket, 'lifeboat/vps/latest.json'))!;
    expect(latest).toMatchObject({ snapshotId: o['snapshot-id'], sha256: sha });

    const restored = extractWithTar(bytes, 'zstd');
    const expected = describeTree(volume);
    expect(describeTree(restored)).toEqual(expected);
    expect(Number(o.entries)).toBe(Object.keys(expected).length + 1);
    expect(await openMultipartUploads(bucket)).toEqual([]);
    expect(run.summary).toContain(sha);
    // the key was masked, never printed, and its folder is gone
    expect(run.stdout).toContain('::add-mask::');
    const body = server.clientKey.privateKey.split('\n')[1]!;
    expect(run.log.replace(/^::add-mask::.*$/gm, '')).not.toContain(body);
    expect(keyDirsLeft(run)).toEqual([]);
    expect(filesHoldingKey(run.runnerTemp, server.clientKey.privateKey)).toEqual([]);
    expect(existsSync(run.runnerTemp)).toBe(true);
  });

  it('the target defaults to the host; gzip and a pre-command run on the host', async () => {
    const bucket = await createBucket();
    const run = await backup(bucket, {
      compression: 'gzip',
      'pre-command': `echo made-by-pre > ${remotePath}/pre.txt && id -un`,
    });
    expect(run.code, run.log).toBe(0);
    expect(run.outputs['archive-key']).toMatch(/^lifeboat\/127\.0\.0\.1\/snapshots\/.*\/archive\.tar\.gz$/);
    expect(run.log).toContain(TEST_USER);
    const restored = extractWithTar(await getBytes(bucket, run.outputs['archive-key']!), 'gzip');
    expect(existsSync(join(restored, 'pre.txt'))).toBe(true);
    rmSync(join(remotePath, 'pre.txt'));
  });

  describe('failures publish nothing, leave latest.json unchanged and remove the key', () => {
    async function withGoodBackup() {
      const bucket = await createBucket();
      const good = await backup(bucket, { target: 't' });
      expect(good.code, good.log).toBe(0);
      const latestBefore = await getBytes(bucket, 'lifeboat/t/latest.json');
      const keysBefore = await listKeys(bucket);
      const check = async (run: ActionRun) => {
        expect(run.code, run.log).toBe(1);
        expect(run.outputs.status).toBe('failed');
        expect(run.outputs['snapshot-id']).toBe('');
        expect(await getBytes(bucket, 'lifeboat/t/latest.json')).toEqual(latestBefore);
        expect(await openMultipartUploads(bucket)).toEqual([]);
        expect(await listKeys(bucket)).toEqual(keysBefore);
        expect(keyDirsLeft(run)).toEqual([]);
        expect(run.errors).toHaveLength(1);
        expectFailureReported(run, 'ssh-volume-backup');
      };
      return { bucket, check };
    }

    it('a wrong host key is refused before anything runs', async () => {
      const { bucket, check } = await withGoodBackup();
      const other = makeKeyPair('another-host').publicKey.split(' ').slice(0, 2).join(' ');
      const marker = join(remotePath, 'should-not-exist.txt');
      const run = await backup(bucket, {
        target: 't',
        'known-hosts': `[127.0.0.1]:${server.port} ${other}`,
        'pre-command': `touch ${marker}`,
      });
      await check(run);
      expect(run.errors[0]).toContain('Host key verification failed');
      expect(run.errors[0]).toContain(`ssh-keyscan -p ${server.port} 127.0.0.1`);
      expect(existsSync(marker)).toBe(false);
    });

    it('a known-hosts line for another host is refused too', async () => {
      const { bucket, check } = await withGoodBackup();
      const run = await backup(bucket, {
        target: 't',
        'known-hosts': `[other.example]:${server.port} ${server.hostKey}`,
      });
      await check(run);
      expect(run.errors[0]).toContain('Host key verification failed');
    });

    it('a user key the server does not accept fails clearly', async () => {
      const { bucket, check } = await withGoodBackup();
      const run = await backup(bucket, { target: 't', 'ssh-key': makeKeyPair('stranger').privateKey });
      await check(run);
      expect(run.errors[0]).toContain(`refused the key in the 'ssh-key' input for user ${TEST_USER}`);
      expect(run.errors[0]).toContain('authorized_keys');
    });

    it('a path that does not exist on the host', async () => {
      const { bucket, check } = await withGoodBackup();
      const run = await backup(bucket, { target: 't', path: `${remotePath}/nope` });
      await check(run);
      expect(run.errors[0]).toContain(`The path ${remotePath}/nope does not exist on the source`);
    });

    it('the connection killed mid-stream fails cleanly with nothing published', async () => {
      const { bucket, check } = await withGoodBackup();
      const big = join(server.home, `big-${process.pid}`);
      mkdirSync(big, { recursive: true });
      execFileSync('sh', ['-c', `head -c 400000000 /dev/urandom > "$1/big.bin"`, 'mk', big]);
      execFileSync('chown', ['-R', `${TEST_USER}:`, big]);
      let killed: number[] = [];
      let keyFilesSeen: string[] | undefined;
      let runnerTemp = '';
      try {
        const run = await runAction('ssh-volume-backup', {
          inputs: inputs(bucket, { target: 't', path: big, compression: 'none' }),
          env: s3Env(),
          standins: false,
          onStart: (bundlePid) => {
            const poll = setInterval(() => {
              // this server's session only: another test file's tar runs as the same user
              if (killed.length || server.sessionPids('tar').length === 0) return;
              clearInterval(poll);
              // while the stream flows, no file under RUNNER_TEMP holds the key (it has no name at all)
              const temp = runnerTempOf(bundlePid);
              if (temp) {
                runnerTemp = temp;
                keyFilesSeen = filesHoldingKey(temp, server.clientKey.privateKey);
              }
              killed = server.sessionPids();
              for (const pid of killed) {
                try {
                  process.kill(pid, 'SIGKILL');
                } catch {
                  // already gone
                }
              }
            }, 20);
            setTimeout(() => clearInterval(poll), 60_000);
          },
        });
        expect(killed.length, run.log).toBeGreaterThan(0);
        await check(run);
        expect(run.errors[0]).toMatch(
          /ssh (exited with status 255|was killed).*before the archive was complete/,
        );
        expect(run.errors[0]).toContain('The SSH connection to 127.0.0.1');
        expect(runnerTemp).toBe(run.runnerTemp);
        expect(keyFilesSeen).toEqual([]);
      } finally {
        rmSync(big, { recursive: true, force: true });
      }
    });

    it('a remote stderr line that is HTML reaches the job summary as text', async () => {
      const { bucket, check } = await withGoodBackup();
      const hostile = 'error: </table><img src=x onerror=alert(1)>';
      // the archive script dies before its trailer: its last error line on stderr is the reason shown
      const run = await backup(bucket, {
        target: 't',
        'pre-command': `echo '${hostile}' >&2; kill -9 $PPID`,
      });
      await check(run);
      expect(run.errors[0]).toContain(hostile);
      expect(run.summary).toContain('error: &lt;/table>&lt;img src=x onerror=alert(1)>');
      expect(run.summary).not.toContain('<img');
      expect(run.summary).not.toContain('</table>');
    });

    it('sudo without passwordless sudo is refused before any data moves', async () => {
      const { bucket, check } = await withGoodBackup();
      const run = await backup(bucket, { target: 't', sudo: 'true' });
      await check(run);
      expect(run.errors[0]).toMatch(/sudo on 127\.0\.0\.1 asked for a password or refused/);
    });

    it('bad inputs are refused before any connection', async () => {
      const { bucket, check } = await withGoodBackup();
      const before = connectionsInLog();
      const encrypted = (() => {
        const dir = execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim();
        execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'secret-pass', '-f', join(dir, 'k')]);
        const text = execFileSync('cat', [join(dir, 'k')], { encoding: 'utf8' });
        rmSync(dir, { recursive: true, force: true });
        return text;
      })();
      const cases: { extra: Record<string, string>; message: string }[] = [
        { extra: { 'known-hosts': '' }, message: `ssh-keyscan -p ${server.port} 127.0.0.1` },
        { extra: { 'known-hosts': '# only a comment' }, message: "Input 'known-hosts' is empty" },
        { extra: { 'known-hosts': 'just-a-host' }, message: "Input 'known-hosts' line 1 is" },
        { extra: { 'ssh-key': server.clientKey.publicKey }, message: "Input 'ssh-key' holds a public key" },
        { extra: { 'ssh-key': 'not a key' }, message: "Input 'ssh-key' does not look like a private key" },
        { extra: { 'ssh-key': encrypted }, message: 'protected by a passphrase' },
        { extra: { host: '-oProxyCommand=touch /tmp/x' }, message: "Input 'host' is" },
        { extra: { host: 'lbtest@127.0.0.1' }, message: "Input 'host' is" },
        { extra: { port: '70000' }, message: 'Input \'port\' is "70000"' },
        { extra: { user: 'root; reboot' }, message: "Input 'user' is" },
        { extra: { sudo: 'maybe' }, message: 'Input \'sudo\' is "maybe": set it to true or false' },
      ];
      for (const c of cases) {
        const run = await backup(bucket, { target: 't', ...c.extra });
        expect(run.log, JSON.stringify(c)).toContain(c.message);
        await check(run);
        expect(run.log.replace(/^::add-mask::.*$/gm, '')).not.toContain(
          server.clientKey.privateKey.split('\n')[1]!,
        );
      }
      expect(connectionsInLog()).toBe(before);
    });
  });

  it('sudo: true archives a folder only root can read', async () => {
    const sudoers = `/etc/sudoers.d/lifeboat-test-${process.pid}`;
    const secret = join(tmpdir(), `lifeboat-sudo-${process.pid}`);
    mkdirSync(join(secret, 'inner'), { recursive: true });
    writeFileSync(join(secret, 'inner/only-root.txt'), 'root only\n');
    chmodSync(secret, 0o700);
    writeFileSync(sudoers, `${TEST_USER} ALL=(root) NOPASSWD: ALL\n`, { mode: 0o440 });
    try {
      const bucket = await createBucket();
      const refused = await backup(bucket, { target: 's', path: secret });
      expect(refused.code).toBe(1);
      expect(refused.log).toContain('cannot be entered on the source');
      const run = await backup(bucket, { target: 's', path: secret, sudo: 'true' });
      expect(run.code, run.log).toBe(0);
      const restored = extractWithTar(await getBytes(bucket, run.outputs['archive-key']!), 'zstd');
      expect(describeTree(restored)).toEqual(describeTree(secret));
      expect(keyDirsLeft(run)).toEqual([]);
    } finally {
      rmSync(sudoers, { force: true });
      rmSync(secret, { recursive: true, force: true });
    }
  });
});

/** The RUNNER_TEMP of a running bundle, from its environment. */
function runnerTempOf(pid: number): string | undefined {
  try {
    const env = readFileSync(`/proc/${pid}/environ`, 'utf8');
    return /(?:^|\0)RUNNER_TEMP=([^\0]*)/.exec(env)?.[1];
  } catch {
    return undefined;
  }
}
