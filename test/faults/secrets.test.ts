import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFixtureVolume } from '../helpers/fixture-volume.js';
import { runAction, type ActionRun } from '../helpers/run-action.js';
import { createBucket, s3Env, s3Server } from '../helpers/s3.js';
import { expectNoSecrets, flyBackup, knownSecrets } from './fault-kit.js';

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
