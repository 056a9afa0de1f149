import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sshFlags, startCli, storageFlags } from '../helpers/cli-run.js';
import { makeFixtureVolume } from '../helpers/fixture-volume.js';
import { filesHoldingKey } from '../helpers/key-scan.js';
import { runAction, type ActionRun } from '../helpers/run-action.js';
import { createBucket, s3Env, s3Server } from '../helpers/s3.js';
import { startSshd, TEST_USER, type SshServer } from '../helpers/sshd.js';
import { expectNoSecrets, flyBackup, knownSecrets, waitFor } from './fault-kit.js';

/** Every secret is announced to the runner with ::add-mask:: and appears nowhere else. */
function expectMaskedOnly(run: ActionRun, secrets: string[]): void {
  const masks = run.log
    .split('\n')
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => l.slice('::add-mask::'.length));
  for (const s of secrets) expect(masks, `${s.slice(0, 6)}… masked`).toContain(s);
  expectNoSecrets(run, secrets);
}

describe('secrets are masked with setSecret and never printed', () => {
  it('fly-volume-backup: AWS keys and FLY_API_TOKEN — masked, never in log, summary or outputs, on success and on failure', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 1000 });
    const ok = await flyBackup(bucket, volume, { inputs: { 'dry-run': 'true' } });
    expect(ok.code, ok.log).toBe(0);
    expectMaskedOnly(ok, knownSecrets());
    const failed = await flyBackup(bucket, volume, { env: { FLY_STANDIN_MODE: 'fail-mid:1000' } });
    expect(failed.code).toBe(1);
    expectMaskedOnly(failed, knownSecrets());
  });

  it('verify-restore: an age identity, an ssh key (every line of it) and AWS keys — never in log, summary or outputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-secrets-'));
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'id')]);
    const key = readFileSync(join(dir, 'id'), 'utf8');
    const identity = 'AGE-SECRET-KEY-1QQPQ8LV2DQJ8DS3LGSUW4NMMHX47KHWJMGAN7FZ2ZXKYJRCMFKYSM9ANMF';
    const bucket = await createBucket();
    const run = await runAction('verify-restore', {
      inputs: {
        bucket,
        target: 'my-app',
        endpoint: s3Server().endpoint,
        'force-path-style': 'true',
        'decryption-identity': identity,
        'ssh-key': key,
        'known-hosts': '127.0.0.1 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDummy',
      },
      env: s3Env(),
    });
    expect(run.code).toBe(1);
    const keyLines = key.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'));
    expectMaskedOnly(run, [identity, ...knownSecrets().slice(0, 2)]);
    expectNoSecrets(run, [key.trim(), ...keyLines]);
  });

  it('failure-issue: the GitHub token when the API cannot be reached — masked, never printed; the report is best-effort', async () => {
    const token = 'ghs_FaultSuiteToken0123456789abcdefABCDEF';
    const run = await runAction('failure-issue', {
      inputs: { status: 'failure', 'github-token': token },
      env: {
        GITHUB_API_URL: 'http://127.0.0.1:9',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '1',
        GITHUB_WORKFLOW: 'backup',
        LIFEBOAT_RETRY_BASE_MS: '1',
      },
    });
    // the report is best effort (its failure is a warning, not a failed step): the token stays hidden
    expect(run.log).toMatch(/127\.0\.0\.1:9|ECONNREFUSED|could not/i);
    expectMaskedOnly(run, [token]);
  });
});

/** The pids of ssh clients that log in to this server (a client left running by a killed run). */
function sshClientsOf(server: SshServer): number[] {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => l.includes(`-p ${server.port} -- ${server.user}@`))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

describe('the SSH key is never left on disk (issue 20 §8)', () => {
  let server: SshServer;
  beforeAll(async () => {
    server = await startSshd();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('a CLI backup over ssh SIGKILLed mid-stream — no file under its TMPDIR (or /dev/shm) holds the key; no ssh client or session is left after 20 s', async () => {
    const bucket = await createBucket();
    const remote = join(server.home, `secrets-${process.pid}`);
    mkdirSync(remote, { recursive: true });
    execFileSync('sh', ['-c', 'head -c 200000000 /dev/urandom > "$1/big.bin"', 'mk', remote]);
    execFileSync('chown', ['-R', `${TEST_USER}:`, remote]);
    const temp = mkdtempSync(join(tmpdir(), 'lb-key-kill-'));
    const ssh = sshFlags(server);
    try {
      let pid = 0;
      const cli = startCli(
        [
          'backup',
          ...ssh.flags,
          '--path',
          remote,
          '--target',
          't',
          '--compression',
          'none',
          ...storageFlags(bucket),
        ],
        { TMPDIR: temp },
        undefined,
        { onStart: (p) => (pid = p) },
      );
      // mid-stream: the archive's tar runs on the host
      // this server's session only: another test file's tar runs as the same user
      const remoteTar = () => server.sessionPids('tar').length > 0;
      await waitFor(remoteTar, 60_000, 'the remote tar');
      // while the stream flows, no file the run made holds the key
      expect(filesHoldingKey(temp, server.clientKey.privateKey)).toEqual([]);
      process.kill(pid, 'SIGKILL');
      const run = await cli.done;
      expect(run.signal).toBe('SIGKILL');
      expect(filesHoldingKey(temp, server.clientKey.privateKey)).toEqual([]);
      expect(filesHoldingKey('/dev/shm', server.clientKey.privateKey)).toEqual([]);
      // the ssh client dies of the closed pipe, and its session with it
      await waitFor(
        () => sshClientsOf(server).length === 0 && server.sessionPids().length === 0,
        20_000,
        'the ssh client and session to end',
      );
    } finally {
      ssh.remove();
      rmSync(temp, { recursive: true, force: true });
      rmSync(remote, { recursive: true, force: true });
    }
  });
});
