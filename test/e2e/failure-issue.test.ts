import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprintMarker } from '../../src/report/issue-report.js';
import { runAction } from '../helpers/run-action.js';
import { BAD_GATEWAY, GitHubIssuesStandin, secondaryRateLimit } from '../standins/github-issues.js';

let gh: GitHubIssuesStandin;
let runId = 7000;

beforeEach(async () => {
  gh = await GitHubIssuesStandin.start('acme', 'infra');
});
afterEach(async () => {
  // every request and response the action exchanged conforms to GitHub's OpenAPI description
  expect(gh.violations).toEqual([]);
  await gh.close();
});

function report(status: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  runId++;
  return runAction('failure-issue', {
    inputs: { status, 'github-token': 'ghs_standinToken0123456789', ...inputs },
    env: {
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/infra',
      GITHUB_RUN_ID: String(runId),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'backup',
      GITHUB_JOB: 'backup',
      GITHUB_TOKEN: 'ghs_standinToken0123456789',
      LIFEBOAT_RETRY_BASE_MS: '5',
      ...env,
    },
  });
}

async function reportOk(
  status: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
) {
  const run = await report(status, inputs, env);
  expect(run.code, run.log).toBe(0);
  expect(run.errors, run.log).toEqual([]);
  return run;
}

describe('failure-issue', () => {
  it('fail, fail, success, fail: opens, comments, closes as completed, then opens a new issue', async () => {
    gh.addLabel('lifeboat');
    const fp = { fingerprint: 'backup/my-app' };
    const first = await reportOk('failure', fp);
    expect(first.outputs).toEqual({
      'issue-number': '1',
      'issue-url': 'https://github.com/acme/infra/issues/1',
      result: 'opened',
    });
    const issue = gh.issue(1)!;
    expect(issue.title).toBe('lifeboat: backup is failing (backup/my-app)');
    expect(issue.labels).toEqual(['lifeboat']);
    expect(issue.body).toContain(fingerprintMarker('backup/my-app'));
    expect(issue.body).toContain(`https://github.com/acme/infra/actions/runs/${runId}`);
    expect(issue.body).toMatch(/First steps/);

    const second = await reportOk('failure', { ...fp, body: 'snapshot-id: none\nbytes: 0' });
    expect(second.outputs.result).toBe('commented');
    expect(second.outputs['issue-number']).toBe('1');
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]!.body).toMatch(
      new RegExp(
        `Failed again in \\[run ${runId}\\]\\(https://github.com/acme/infra/actions/runs/${runId}\\) \\(attempt 1\\) at 20`,
      ),
    );
    expect(issue.comments[0]!.body).toContain('snapshot-id: none');

    const ok = await reportOk('success', fp);
    expect(ok.outputs).toMatchObject({ result: 'closed', 'issue-number': '1' });
    expect(issue.state).toBe('closed');
    expect(issue.state_reason).toBe('completed');
    expect(issue.comments.at(-1)!.body).toContain(`Recovered in [run ${runId}]`);
    expect(issue.comments.at(-1)!.body).toContain('after 2 failed runs');

    const again = await reportOk('failure', fp);
    expect(again.outputs).toMatchObject({ result: 'opened', 'issue-number': '2' });
    expect(gh.issue(1)!.state).toBe('closed');
    expect(gh.issue(1)!.comments).toHaveLength(2);

    const quiet = await reportOk('success', { fingerprint: 'backup/other-app' });
    expect(quiet.outputs).toEqual({ 'issue-number': '0', 'issue-url': '', result: 'unchanged' });
  });

  it('keeps fingerprints apart, even when one is a prefix of the other or has odd characters', async () => {
    gh.addLabel('lifeboat');
    const a = await reportOk('failure', { fingerprint: 'backup/app' });
    const b = await reportOk('failure', { fingerprint: 'backup/app-2' });
    const c = await reportOk('failure', { fingerprint: 'backup/app 2 -->' });
    expect([a, b, c].map((r) => r.outputs['issue-number'])).toEqual(['1', '2', '3']);
    const closeA = await reportOk('success', { fingerprint: 'backup/app' });
    expect(closeA.outputs['issue-number']).toBe('1');
    expect(gh.issues.map((i) => i.state)).toEqual(['closed', 'open', 'open']);
    const againC = await reportOk('failure', { fingerprint: 'backup/app 2 -->' });
    expect(againC.outputs).toMatchObject({ result: 'commented', 'issue-number': '3' });
    // the default fingerprint is <workflow>/<job>
    const d = await reportOk('failure', {}, { GITHUB_WORKFLOW: 'restore drill', GITHUB_JOB: 'verify' });
    expect(gh.issue(Number(d.outputs['issue-number']))!.body).toContain(
      fingerprintMarker('restore drill/verify'),
    );
  });

  it('creates missing labels before opening the issue', async () => {
    const run = await reportOk('failure', { fingerprint: 'backup/x', labels: 'lifeboat, backups' });
    expect(run.outputs.result).toBe('opened');
    expect([...gh.labels.keys()]).toEqual(['lifeboat', 'backups']);
    expect(gh.issue(1)!.labels).toEqual(['lifeboat', 'backups']);
    expect(gh.log.filter((l) => l.operation === 'issues/create-label')).toHaveLength(2);
  });

  it('reads every page of more than 100 open issues to find the marker', async () => {
    gh.seedIssue({
      title: 'old failure',
      body: `${fingerprintMarker('backup/deep')}\nfailed`,
      labels: ['lifeboat'],
    });
    for (let i = 0; i < 150; i++) {
      gh.seedIssue({
        title: `noise ${i}`,
        body: `${fingerprintMarker(`backup/noise-${i}`)}`,
        labels: ['lifeboat'],
      });
    }
    gh.seedIssue({
      title: 'a pull request',
      body: fingerprintMarker('backup/deep'),
      labels: ['lifeboat'],
      pull_request: true,
    });
    const run = await reportOk('failure', { fingerprint: 'backup/deep' });
    expect(run.outputs).toMatchObject({ result: 'commented', 'issue-number': '1' });
    const pages = gh.api.requestsTo('GET', '/repos/acme/infra/issues').map((r) => r.query);
    expect(pages).toEqual([
      { state: 'open', labels: 'lifeboat', per_page: '100' },
      { state: 'open', labels: 'lifeboat', per_page: '100', page: '2' },
    ]);
    expect(gh.issues).toHaveLength(152);
  });

  it('retries a 502 and a secondary rate limit, then succeeds', async () => {
    gh.addLabel('lifeboat');
    gh.inject({ operation: 'issues/list-for-repo', reply: BAD_GATEWAY });
    gh.inject({ operation: 'issues/create', reply: secondaryRateLimit(1) });
    const run = await reportOk('failure', { fingerprint: 'backup/flaky' });
    expect(run.outputs.result).toBe('opened');
    expect(run.warnings).toEqual([]);
    expect(run.log).toMatch(/HTTP 502: retrying/);
    expect(run.log).toMatch(/rate limited \(HTTP 403\): retrying/);
    expect(gh.log.map((l) => `${l.operation} ${l.status}`)).toEqual([
      'issues/list-for-repo 502',
      'issues/list-for-repo 200',
      'issues/get-label 200',
      'issues/create 403',
      'issues/create 201',
    ]);
    expect(gh.issues).toHaveLength(1);
  });

  it('an API that stays down is a warning: the step still exits 0 and the heartbeat is sent', async () => {
    const hb = await heartbeatServer();
    try {
      gh.inject({ operation: '*', reply: BAD_GATEWAY, times: 100 });
      const run = await report('failure', {
        fingerprint: 'backup/down',
        'heartbeat-url': `${hb.url}/ping/abc`,
      });
      expect(run.code, run.log).toBe(0);
      expect(run.warnings.join('\n')).toMatch(/could not update the issue/);
      expect(run.outputs).toEqual({ 'issue-number': '0', 'issue-url': '', result: 'unchanged' });
      expect(gh.log).toHaveLength(4); // the first attempt and three retries
      expect(hb.paths).toEqual(['/ping/abc/fail']);
    } finally {
      await hb.close();
    }
  });

  it('pings the heartbeat in order (success: URL, failure: URL/fail, cancelled: nothing); a dead heartbeat is a warning', async () => {
    const hb = await heartbeatServer();
    try {
      gh.addLabel('lifeboat');
      const url = `${hb.url}/ping/0f1e2d`;
      await reportOk('success', { 'heartbeat-url': url, fingerprint: 'backup/hb' });
      await reportOk('failure', { 'heartbeat-url': url, fingerprint: 'backup/hb' });
      await reportOk('cancelled', { 'heartbeat-url': url, fingerprint: 'backup/hb' });
      await reportOk('failure', { 'heartbeat-url': `${url}/`, fingerprint: 'backup/hb' });
      await reportOk('success', { 'heartbeat-url': url, fingerprint: 'backup/hb' });
      expect(hb.paths).toEqual(['/ping/0f1e2d', '/ping/0f1e2d/fail', '/ping/0f1e2d/fail', '/ping/0f1e2d']);
      hb.failNext = 10;
      const dead = await report('success', { 'heartbeat-url': url, fingerprint: 'backup/hb' });
      expect(dead.code).toBe(0);
      expect(dead.warnings.join('\n')).toMatch(/could not send the heartbeat: heartbeat answered HTTP 503/);
    } finally {
      await hb.close();
    }
  });

  it('reports nothing for a cancelled job unless notify-on-cancel is true', async () => {
    gh.addLabel('lifeboat');
    const quiet = await reportOk('cancelled', { fingerprint: 'backup/c' });
    expect(quiet.outputs.result).toBe('unchanged');
    expect(gh.api.requests).toHaveLength(0);
    const loud = await reportOk('cancelled', { fingerprint: 'backup/c', 'notify-on-cancel': 'true' });
    expect(loud.outputs.result).toBe('opened');
    expect(gh.issue(1)!.body).toMatch(/was cancelled/);
  });

  it('a bad input is an error annotation, never a failed step', async () => {
    const run = await report('exploded', { fingerprint: 'backup/x' });
    expect(run.code).toBe(0);
    expect(run.errors.join('\n')).toMatch(
      /Input 'status' is .*choose one of "success", "failure", "cancelled"/,
    );
    expect(run.outputs.result).toBe('unchanged');
    // every output set; the summary says what could not be done, though the step did not fail
    expect(run.outputs).toEqual({ 'issue-number': '0', 'issue-url': '', result: 'unchanged' });
    expect(run.summary).toContain('<h2>⚠️ failure-issue could not finish</h2>');
    expect(run.summary).toContain(`<p>Input 'status' is "exploded"`);
    const noRepo = await report('failure', {}, { GITHUB_REPOSITORY: '' });
    expect(noRepo.code).toBe(0);
    expect(noRepo.errors.join('\n')).toMatch(/GITHUB_REPOSITORY is not set/);
    expect(noRepo.outputs).toEqual({ 'issue-number': '0', 'issue-url': '', result: 'unchanged' });
    expect(noRepo.summary).toContain('Job status: <strong>failure</strong>; issue: none (unchanged).');
    expect(noRepo.summary).toContain('<li>failure-issue could not report: GITHUB_REPOSITORY is not set');
  });
});

async function heartbeatServer() {
  const paths: string[] = [];
  const state = { failNext: 0 };
  const server: Server = createServer((req, res) => {
    req.resume();
    if (state.failNext > 0) {
      state.failNext--;
      res.writeHead(503).end('down');
      return;
    }
    paths.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    paths,
    set failNext(n: number) {
      state.failNext = n;
    },
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}
