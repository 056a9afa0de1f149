import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runComposite } from '../helpers/composite.js';
import { makeFixtureVolume } from '../helpers/fixture-volume.js';
import { NODE24 } from '../helpers/node24.js';
import { STANDIN_BIN } from '../helpers/run-action.js';
import { createBucket, s3Env, s3Server } from '../helpers/s3.js';
import { GitHubIssuesStandin } from '../standins/github-issues.js';

const root = new URL('../..', import.meta.url).pathname;
let gh: GitHubIssuesStandin;
beforeEach(async () => {
  gh = await GitHubIssuesStandin.start('acme', 'infra');
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

/**
 * The root action.yml, executed step by step. The flyctl install is skipped the way a runner with
 * flyctl of the pinned version already on PATH skips it: the stand-in flyctl (which reports
 * 0.4.87, the default flyctl-version) is first on PATH, so the first step outputs present=true and
 * the cache and download steps are skipped by their `if:`.
 */
function chain(
  bucket: string,
  volume: string,
  runId: string,
  mode = 'ok',
  flyctlVersion = '0.4.87',
  nodeDir = dirname(NODE24),
) {
  const github = {
    token: 'ghs_standinToken0123456789',
    repository: 'acme/infra',
    run_id: runId,
    server_url: 'https://github.com',
  };
  return runComposite({
    actionPath: root,
    inputs: {
      app: 'my-app',
      bucket,
      endpoint: s3Server().endpoint,
      'force-path-style': 'true',
      verify: 'extract',
    },
    github,
    runner: { os: 'Linux', arch: 'X64', temp: '/tmp' },
    env: {
      PATH: `${STANDIN_BIN}:${nodeDir}:${process.env.PATH}`,
      HOME: process.env.HOME ?? '/root',
      LANG: 'C.UTF-8',
      RUNNER_TEMP: join(volume, '..', `runner-temp-${runId}`),
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      GITHUB_ACTIONS: 'true',
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/infra',
      GITHUB_RUN_ID: runId,
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'backup',
      GITHUB_JOB: 'backup',
      AWS_EC2_METADATA_DISABLED: 'true',
      LIFEBOAT_RETRY_BASE_MS: '5',
      ...s3Env(),
      FLY_API_TOKEN: 'fo1_standin_token_value',
      FLY_STANDIN_APP: 'my-app',
      FLY_STANDIN_VOLUME: volume,
      FLY_STANDIN_REMOTE_PATH: '/data',
      FLY_STANDIN_MODE: mode,
      FLY_STANDIN_VERSION: flyctlVersion,
    },
  });
}

describe('root composite action', () => {
  it('a failing backup opens an issue; the next good run closes it', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume();

    const bad = await chain(bucket, volume, '9001', 'stopped');
    const byId = Object.fromEntries(bad.steps.map((s) => [s.id, s]));
    expect(byId.node!.outputs.ok, bad.log).toBe('true');
    expect(byId['setup-node']!.outcome).toBe('skipped');
    expect(byId.flyctl!.outputs.present, bad.log).toBe('true');
    expect(byId['flyctl-cache']!.outcome).toBe('skipped');
    expect(byId.backup!.outcome, bad.log).toBe('failure');
    expect(byId.verify!.outcome).toBe('skipped');
    expect(byId.report!.outcome, bad.log).toBe('success');
    expect(byId.report!.env.INPUT_STATUS).toBe('failure');
    expect(bad.outcome).toBe('failure');
    expect(bad.outputs['report-result']).toBe('opened');
    const issue = gh.issue(Number(bad.outputs['issue-number']))!;
    expect(issue.title).toBe('lifeboat: backup of my-app is failing');
    expect(issue.body).toContain('<!-- lifeboat:fingerprint=backup/my-app -->');
    expect(issue.body).toContain('| backup | failure (status failed) |');

    const good = await chain(bucket, volume, '9002');
    const g = Object.fromEntries(good.steps.map((s) => [s.id, s]));
    expect(g.backup!.outcome, good.log).toBe('success');
    expect(g.verify!.outcome, good.log).toBe('success');
    expect(g.report!.env.INPUT_STATUS).toBe('success');
    expect(good.outcome).toBe('success');
    expect(good.outputs).toMatchObject({
      verified: 'true',
      'report-result': 'closed',
      'issue-number': String(issue.number),
    });
    expect(good.outputs['snapshot-id']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(issue.state).toBe('closed');
    expect(issue.comments.at(-1)!.body).toContain('Recovered in [run 9002]');
    expect(issue.comments.at(-1)!.body).toContain('after 1 failed run');
  });

  it('installs flyctl through the cache when the flyctl on PATH is not the pinned version', async () => {
    const bucket = await createBucket();
    // the harness refuses to run a uses: step: reaching actions/cache is the proof that the
    // install path was taken (and that nothing before it resolved a version through api.fly.io)
    await expect(chain(bucket, makeFixtureVolume(), '9101', 'ok', '0.4.80')).rejects.toThrow(
      /step flyctl-cache \(uses: actions\/cache@[0-9a-f]{40}\) would run/,
    );
    expect(gh.api.requests).toHaveLength(0);
  });

  it.each(['v20.19.5', 'v22.14.0'])(
    'installs Node.js 24 with actions/setup-node when the node on PATH is %s (older than 22.15)',
    async (version) => {
      const bucket = await createBucket();
      const old = mkdtempSync(join(tmpdir(), 'lb-node20-'));
      try {
        // a `node` of that version as far as the composite can tell
        writeFileSync(join(old, 'node'), `#!/bin/sh\necho ${version}\n`, { mode: 0o755 });
        await expect(chain(bucket, makeFixtureVolume(), '9201', 'ok', '0.4.87', old)).rejects.toThrow(
          /step setup-node \(uses: actions\/setup-node@820762786026740c76f36085b0efc47a31fe5020\) would run/,
        );
      } finally {
        rmSync(old, { recursive: true, force: true });
      }
    },
  );
});
