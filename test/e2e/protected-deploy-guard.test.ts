import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TargetLayout } from '../../src/catalog/layout.js';
import { latestFor, MANIFEST_SCHEMA_VERSION, type Manifest } from '../../src/catalog/manifest.js';
import { schemaErrors } from '../../src/catalog/schemas.js';
import { makeSnapshotId } from '../../src/catalog/snapshot-id.js';
import { buildVerification } from '../../src/catalog/verification.js';
import { S3ObjectStore } from '../../src/storage/object-store.js';
import { runAction } from '../helpers/run-action.js';
import { expectFailureReported } from '../helpers/step-failure.js';
import { createBucket, location, s3Env, s3Server } from '../helpers/s3.js';
import { GitHubApiStandin } from '../standins/github-api.js';

const FIXTURES = new URL('../fixtures/guard', import.meta.url).pathname;
const TOKEN = 'ghs_standinTokenValue0123456789';
const LABELS_PATH = '/repos/acme/notes/issues/12/labels';

let api: GitHubApiStandin;
beforeAll(async () => {
  api = await GitHubApiStandin.start();
});
/** Folders this file makes in the temp dir (event payloads, the runs' work dirs): removed at the end. */
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
afterAll(async () => {
  await api.close();
});

/** A pull_request (or other) event payload file as the runner writes it. */
function eventFile(payload: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'guard-event-'));
  made.push(dir);
  const file = join(dir, 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

function prPayload(labels: string[]) {
  return {
    action: 'synchronize',
    number: 12,
    pull_request: {
      number: 12,
      labels: labels.map((name, i) => ({ id: i + 1, name })),
      head: { sha: 'abc' },
    },
    repository: { full_name: 'acme/notes', name: 'notes', owner: { login: 'acme' } },
  };
}

async function guard(
  fixture: string,
  inputs: Record<string, string> = {},
  opts: { event?: string; payload?: unknown; env?: Record<string, string> } = {},
) {
  const env: Record<string, string> = {
    GITHUB_WORKSPACE: join(FIXTURES, fixture),
    GITHUB_EVENT_NAME: opts.event ?? 'pull_request',
    GITHUB_EVENT_PATH: eventFile(opts.payload ?? prPayload([])),
    GITHUB_REPOSITORY: 'acme/notes',
    GITHUB_API_URL: api.url,
    ...opts.env,
  };
  const run = await runAction('protected-deploy-guard', {
    inputs: { 'github-token': TOKEN, ...inputs },
    env,
  });
  made.push(dirname(run.runnerTemp));
  const report =
    run.outputs['report-path'] && existsSync(run.outputs['report-path'])
      ? (JSON.parse(readFileSync(run.outputs['report-path'], 'utf8')) as {
          violations: number;
          findings: { rule: string; severity: string; file?: string; line?: number; overridden?: boolean }[];
        })
      : undefined;
  return { ...run, report };
}

/** `::error file=F,line=N,...::LB00x` lines, as "LB00x F:N". */
function annotated(stdout: string, kind: 'error' | 'warning'): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(`::${kind} `) && l.includes('::LB00'))
    .map((l) => {
      const props = Object.fromEntries(
        l
          .slice(kind.length + 3, l.indexOf('::', 2))
          .split(',')
          .map((p) => p.split('=') as [string, string]),
      );
      const msg = l.slice(l.indexOf('::', 2) + 2);
      return `${msg.slice(0, 5)} ${props.file ?? '-'}:${props.line ?? '-'}`;
    });
}

describe('protected-deploy-guard (dist bundle under Node 24)', () => {
  it('passes an SST app whose Lightsail instance has protect and retainOnDelete', async () => {
    const run = await guard('sst-protected');
    expect(run.code, run.log).toBe(0);
    expect(run.outputs).toEqual({
      violations: '0',
      overridden: 'false',
      'report-path': expect.stringContaining('report.json'),
    });
    expect(run.errors).toEqual([]);
    expect(run.report!.findings).toEqual([]);
    expect(run.summary).toContain('No violations.');
    expect(api.requests).toHaveLength(0); // no violation: no need to read labels
  });

  it('blocks the unprotected app with LB001/LB002 annotations at file:line and a summary table', async () => {
    api.route('GET', '/repos/:owner/:repo/issues/:number/labels', () => ({ body: [{ id: 1, name: 'bug' }] }));
    const run = await guard('sst-unprotected');
    expect(run.code, run.log).toBe(1);
    expect(run.outputs.violations).toBe('4');
    expect(run.outputs.overridden).toBe('false');
    expect(annotated(run.stdout, 'error')).toEqual([
      'LB001 sst.config.ts:15',
      'LB002 sst.config.ts:15',
      'LB001 sst.config.ts:21',
      'LB002 sst.config.ts:21',
    ]);
    expect(run.errors.at(-1)).toMatch(/^4 violations of protected-deploy-guard/);
    expectFailureReported(run, 'protected-deploy-guard');
    expect(run.summary).toContain('<td>LB001</td>');
    expect(run.summary).toContain('sst.config.ts:15');
    expect(run.summary).toContain('retainOnDelete: true');
    expect(run.summary).toContain('add the label "allow-unprotected-deploy" to pull request #12');
    expect(run.report!.violations).toBe(4);
    // the runner consumes ::add-mask:: itself; nothing else may print the token
    expect(
      run.log
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(TOKEN);
  });

  it('reports LB005 for a Pulumi replace, an errored preview, a Terraform delete and a missing preview; LB007 for a glob that matches nothing', async () => {
    const run = await guard(
      '.',
      {
        paths: 'no-such-file',
        preview: [
          'previews/pulumi-replace.json',
          'previews/pulumi-error.json',
          'previews/terraform-delete.json',
          'previews/missing.json',
          'previews/pulumi-clean.json',
        ].join('\n'),
      },
      { event: 'push', payload: {} },
    );
    expect(run.code, run.log).toBe(1);
    // 6 in the previews, and the glob in paths that matches nothing (fail closed: LB007)
    expect(run.outputs.violations).toBe('7');
    expect(annotated(run.stdout, 'error')).toEqual([
      'LB005 previews/missing.json:-',
      'LB005 previews/pulumi-error.json:7',
      'LB005 previews/pulumi-replace.json:9',
      'LB005 previews/pulumi-replace.json:39',
      'LB005 previews/terraform-delete.json:12',
      'LB005 previews/terraform-delete.json:19',
      'LB007 -:-',
    ]);
  });

  it('fly.toml mounts: LB004 at the lines of the mount and of its keys', async () => {
    const run = await guard('fly-bad', { 'min-snapshot-retention': '7' }, { event: 'push', payload: {} });
    expect(run.code, run.log).toBe(1);
    expect(run.outputs.violations).toBe('3');
    expect(annotated(run.stdout, 'error')).toEqual([
      'LB004 fly.toml:4',
      'LB004 fly.toml:11',
      'LB004 fly.toml:12',
    ]);
  });

  it('the allow label added after the push (read from the API, not in the payload) overrides: warnings, step passes', async () => {
    api.requests.length = 0;
    api.route('GET', '/repos/:owner/:repo/issues/:number/labels', () => ({
      body: [
        { id: 1, name: 'bug' },
        { id: 2, name: 'allow-unprotected-deploy' },
      ],
    }));
    const run = await guard('sst-unprotected', {}, { payload: prPayload(['bug']) });
    expect(run.code, run.log).toBe(0);
    expect(run.outputs).toMatchObject({ violations: '4', overridden: 'true' });
    expect(annotated(run.stdout, 'error')).toEqual([]);
    expect(annotated(run.stdout, 'warning')).toEqual([
      'LB001 sst.config.ts:15',
      'LB002 sst.config.ts:15',
      'LB001 sst.config.ts:21',
      'LB002 sst.config.ts:21',
    ]);
    expect(run.warnings[0]).toContain('overridden by the label "allow-unprotected-deploy"');
    expect(run.summary).toContain('Overridden');
    expect(run.summary).toContain('GitHub API');
    expect(run.summary).toContain('<td>overridden</td>');
    expect(run.report!.findings.every((f) => f.overridden === true && f.severity === 'warning')).toBe(true);
    const calls = api.requestsTo('GET', LABELS_PATH);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers.authorization).toBe(`token ${TOKEN}`);
    expect(calls[0]!.query.per_page).toBe('100');
  });

  it('a label removed after the push no longer counts: the API is authoritative', async () => {
    api.route('GET', '/repos/:owner/:repo/issues/:number/labels', () => ({ body: [] }));
    const run = await guard('sst-unprotected', {}, { payload: prPayload(['allow-unprotected-deploy']) });
    expect(run.code, run.log).toBe(1);
    expect(run.outputs.overridden).toBe('false');
  });

  it('when the API fails, the payload labels are used and a warning says so', async () => {
    api.route('GET', '/repos/:owner/:repo/issues/:number/labels', () => ({
      status: 503,
      body: { message: 'unavailable' },
    }));
    const run = await guard('sst-unprotected', {}, { payload: prPayload(['allow-unprotected-deploy']) });
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.overridden).toBe('true');
    expect(run.warnings.some((w) => w.includes('could not re-read the labels of pull request #12'))).toBe(
      true,
    );
    expect(run.summary).toContain('event payload');
  });

  it('without a pull request (push) the label cannot apply', async () => {
    api.requests.length = 0;
    api.route('GET', '/repos/:owner/:repo/issues/:number/labels', () => ({
      body: [{ id: 2, name: 'allow-unprotected-deploy' }],
    }));
    const run = await guard(
      'sst-unprotected',
      {},
      { event: 'push', payload: { ...prPayload(['allow-unprotected-deploy']), ref: 'refs/heads/main' } },
    );
    expect(run.code, run.log).toBe(1);
    expect(run.outputs.overridden).toBe('false');
    expect(run.summary).toContain('cannot apply');
    expect(api.requests).toHaveLength(0);
  });

  it('a bad input fails with one clear message and still sets every output', async () => {
    const run = await guard('sst-protected', { 'min-snapshot-retention': '90' });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([expect.stringContaining("Input 'min-snapshot-retention'")]);
    expect(run.outputs).toEqual({ violations: '0', overridden: 'false', 'report-path': '' });
    expectFailureReported(run, 'protected-deploy-guard');
  });
});

describe('protected-deploy-guard freshness gate LB006 (Ceph RGW)', () => {
  const HOUR = 3600_000;

  /** verification: the verification.json to store beside the snapshot, made from its manifest. */
  async function putBackup(
    bucket: string,
    target: string,
    ageMs: number,
    verification?: (m: Manifest) => unknown,
  ) {
    const store = new S3ObjectStore(location(bucket));
    const layout = new TargetLayout('lifeboat', target);
    const created = new Date(Date.now() - ageMs);
    const id = makeSnapshotId(created);
    const key = layout.archiveKey(id, 'zstd');
    const manifest: Manifest = {
      schema: MANIFEST_SCHEMA_VERSION,
      snapshotId: id,
      target,
      status: 'ok',
      created: created.toISOString(),
      completed: new Date(created.getTime() + 60_000).toISOString(),
      durationSeconds: 60,
      source: { kind: 'fly', app: target, machine: null, path: '/data' },
      tools: { lifeboat: '0.1.0' },
      compression: 'zstd',
      archive: { key, versionId: null, etag: null, size: 10, sha256: 'a'.repeat(64) },
      entries: 1,
      uncompressedBytes: 10,
      warnings: [],
      previous: null,
    };
    expect(schemaErrors('manifest', manifest)).toEqual([]);
    const mv = await store.putJson(layout.manifestKey(id), manifest);
    await store.putJson(
      layout.latestKey,
      latestFor(manifest, layout.manifestKey(id), mv.versionId ?? null, new Date()),
    );
    if (verification) await store.putJson(layout.verificationKey(id), verification(manifest));
    return id;
  }

  function gate(bucket: string, targets: string, maxAge = '26h') {
    return guard(
      'fly-ok',
      {
        'backup-bucket': bucket,
        'backup-targets': targets,
        'backup-max-age': maxAge,
        'backup-endpoint': s3Server().endpoint,
      },
      { event: 'push', payload: {}, env: s3Env() },
    );
  }

  it('a fresh backup passes; a stale one and a target without backups are violations', async () => {
    const bucket = await createBucket();
    await putBackup(bucket, 'fresh-app', 2 * HOUR);
    const staleId = await putBackup(bucket, 'stale-app', 72 * HOUR);

    const ok = await gate(bucket, 'fresh-app');
    expect(ok.code, ok.log).toBe(0);
    expect(ok.outputs.violations).toBe('0');

    const bad = await gate(bucket, 'fresh-app\nstale-app\nnever-backed-up');
    expect(bad.code, bad.log).toBe(1);
    expect(bad.outputs.violations).toBe('2');
    expect(bad.report!.findings.map((f) => `${f.rule} ${f.severity}`)).toEqual([
      'LB006 error',
      'LB006 error',
    ]);
    expect(bad.errors.some((e) => e.includes(`stale-app (${staleId}`) && e.includes('is 3d old'))).toBe(true);
    expect(bad.errors.some((e) => e.includes('never-backed-up has no good backup'))).toBe(true);
  });

  it('a passing verification.json is preferred; a failed or malformed one falls back to the backup time', async () => {
    // what verify-restore writes for the snapshot's own bytes, `agoMs` ago
    const drill = (verified: boolean, agoMs: number) => (m: Manifest) =>
      buildVerification({
        manifest: m,
        target: m.target,
        mode: 'stream',
        checks: [{ name: 'sha256', ok: verified, detail: m.archive.sha256 }],
        verifiedAt: new Date(Date.now() - agoMs),
        ageSeconds: 0,
        restoreSeconds: 1,
        bytes: m.archive.size,
        contents: { entries: m.entries, uncompressedBytes: m.uncompressedBytes },
        actualVersionId: m.archive.versionId,
        actualSha256: m.archive.sha256,
        restoredTo: null,
      });
    const bucket = await createBucket();
    await putBackup(bucket, 'verified', 48 * HOUR, drill(true, HOUR));
    await putBackup(bucket, 'failed-verify', 2 * HOUR, drill(false, 0));
    await putBackup(bucket, 'old-verify', 2 * HOUR, drill(true, 50 * HOUR));
    await putBackup(bucket, 'garbage', 2 * HOUR, () => ['not', 'an', 'object']);

    const run = await gate(bucket, 'verified\nfailed-verify\ngarbage');
    expect(run.code, run.log).toBe(0);
    expect(run.report!.findings.map((f) => `${f.rule} ${f.severity}`)).toEqual([
      'LB006 warning',
      'LB006 warning',
    ]);
    const old = await gate(bucket, 'old-verify');
    expect(old.code, old.log).toBe(1);
    expect(old.errors[0]).toContain('newest passing restore verification');
  });
});
