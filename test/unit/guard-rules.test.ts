import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/guard/findings.js';
import { analyzeFlyToml } from '../../src/guard/fly-toml.js';
import { runGuard } from '../../src/guard/guard.js';
import { applyOverride, pullRequestFromEvent } from '../../src/guard/override.js';
import { analyzePreview, parseUrn } from '../../src/guard/preview.js';
import { BUILTIN_STATEFUL, canonicalType, StatefulTypes } from '../../src/guard/stateful.js';
import { analyzeTypeScript } from '../../src/guard/typescript-program.js';
import { guardDefaults } from '../helpers/guard-corpus.js';

const FIXTURES = new URL('../fixtures/guard', import.meta.url).pathname;

/** "LB001 error file:line" per finding: exact rule ids, severities and places. */
function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.severity} ${f.file ?? '-'}:${f.line ?? '-'}`);
}

async function check(fixture: string, extra: Partial<Parameters<typeof runGuard>[0]> = {}) {
  return runGuard(guardDefaults(join(FIXTURES, fixture), extra));
}

function ts(text: string, stages = ['production'], stateful = new StatefulTypes()) {
  return brief(analyzeTypeScript({ file: 'x.ts', text }, { stateful, protectedStages: stages }));
}

describe('stateful types', () => {
  it('maps TypeScript names, tokens, SST and preview notations onto one canonical form', () => {
    expect(canonicalType('aws.lightsail.Instance')).toBe('aws:lightsail/instance:Instance');
    expect(canonicalType('aws.s3.BucketV2')).toBe('aws:s3/bucketV2:BucketV2');
    expect(canonicalType('digitalocean.Volume')).toBe('digitalocean:index/volume:Volume');
    expect(canonicalType('sst:aws:Bucket')).toBe('sst.aws.Bucket');
    expect(canonicalType('aws_db_instance')).toBe('aws_db_instance');
    const s = new StatefulTypes(['aws.ec2.Instance'], ['aws:s3/bucket:Bucket', 'sst.aws.Efs']);
    expect(s.has('aws:ec2/instance:Instance')).toBe(true);
    expect(s.has('aws.s3.Bucket')).toBe(false);
    expect(s.has('sst.aws.Efs')).toBe(false);
    expect(s.has('aws.rds.Cluster')).toBe(true);
    expect(s.has('aws.lightsail.StaticIp')).toBe(false);
  });
});

describe('the built-in stateful types are data with a source', () => {
  it('every entry names a documentation page, and no type is listed twice', () => {
    for (const t of BUILTIN_STATEFUL) expect(t.source, t.type).toMatch(/^https:\/\/[a-z.]+\//);
    const canonical = BUILTIN_STATEFUL.map((t) => canonicalType(t.type));
    expect(new Set(canonical).size).toBe(canonical.length);
  });

  it('covers GCP, Azure, Cloudflare, Hetzner, Neon, PlanetScale, Supabase, Turso and Cognito in every notation', () => {
    const s = new StatefulTypes();
    for (const t of [
      'gcp.sql.DatabaseInstance',
      'gcp:storage:Bucket',
      'google_filestore_instance',
      'azure-native:documentdb:DatabaseAccount',
      'azure-native:storage/v20230101:StorageAccount',
      'azure.compute.ManagedDisk',
      'azurerm_mssql_database',
      'cloudflare.D1Database',
      'sst.cloudflare.Kv',
      'cloudflare_r2_bucket',
      'hcloud:index/volume:Volume',
      'neon.Project',
      'planetscale_database_postgres',
      'supabase_project',
      'turso.Database',
      'aws.cognito.UserPool',
      'sst.aws.CognitoUserPool',
    ])
      expect(s.has(t), t).toBe(true);
  });

  it('a Worker script is judged in previews only: its type does not say whether it declares Durable Objects', () => {
    const s = new StatefulTypes();
    expect(s.has('cloudflare.WorkersScript')).toBe(false);
    expect(s.destroysData('cloudflare:index/workersScript:WorkersScript')).toBe(true);
    expect(s.destroysData('cloudflare_workers_script')).toBe(true);
  });
});

describe('TypeScript programs (LB001, LB002, LB003)', () => {
  it('an SST app whose Lightsail instance has protect and retainOnDelete passes', async () => {
    const r = await check('sst-protected');
    expect(r.files).toEqual([{ file: 'sst.config.ts', kind: 'typescript' }]);
    expect(brief(r.findings)).toEqual([]);
  });

  it('without them: LB001 and LB002 at the lines of `new`; comments and strings that say protect do not count', async () => {
    const r = await check('sst-unprotected');
    expect(brief(r.findings)).toEqual([
      'LB001 error sst.config.ts:15',
      'LB002 error sst.config.ts:15',
      'LB001 error sst.config.ts:21',
      'LB002 error sst.config.ts:21',
    ]);
    expect(r.findings[0]!.resource).toBe('NotesServer (aws.lightsail.Instance)');
    expect(r.findings[2]!.resource).toBe('NotesData (aws.lightsail.Disk)');
  });

  it('decides stage expressions; an undecidable one is a warning, never accepted', async () => {
    const r = await check('sst-stages');
    expect(brief(r.findings)).toEqual([
      'LB001 error sst.config.ts:18', // $app.stage === 'staging'
      'LB001 warning sst.config.ts:19', // process.env.PROTECT === '1'
      'LB002 error sst.config.ts:21', // retainOnDelete: $app.stage === 'dev'
    ]);
    expect(r.findings[1]!.message).toContain('cannot decide');
  });

  it('evaluates each protected stage', () => {
    const text = `new aws.rds.Instance('db', {}, { protect: $app.stage === 'production', retainOnDelete: true });`;
    expect(ts(text, ['production'])).toEqual([]);
    expect(ts(text, ['production', 'staging'])).toEqual(['LB001 error x.ts:1']);
    const pulumi = `import * as pulumi from '@pulumi/pulumi';\nimport * as aws from '@pulumi/aws';\nconst env = pulumi.getStack();\nconst prod = env == "prod" || env == "production";\nnew aws.rds.Cluster('c', {}, { protect: prod, retainOnDelete: !false });`;
    expect(ts(pulumi)).toEqual([]);
    expect(ts(pulumi, ['prod', 'staging'])).toEqual(['LB001 error x.ts:5']);
  });

  it('options that are not a readable object are a warning; a const object and spreads are read', () => {
    expect(ts(`new aws.ebs.Volume('v', {}, makeOpts());`)).toEqual([
      'LB001 warning x.ts:1',
      'LB002 warning x.ts:1',
    ]);
    expect(
      ts(`const o = { protect: true };\nnew aws.ebs.Volume('v', {}, { ...o, retainOnDelete: true });`),
    ).toEqual([]);
    expect(ts(`new aws.ebs.Volume('v', {}, { ...other, retainOnDelete: true });`)).toEqual([
      'LB001 warning x.ts:1',
    ]);
    expect(
      ts(`new aws.ebs.Volume('v', {}, { protect: true, retainOnDelete: true, ...{ protect: false } });`),
    ).toEqual(['LB001 error x.ts:1']);
    expect(ts(`new aws.ebs.Volume('v', {}, { "protect": true, 'retainOnDelete': true });`)).toEqual([]);
  });

  it('a const bound twice is not trusted', () => {
    expect(
      ts(
        `function a() { const p = true; }\nfunction b() { const p = false; }\nnew aws.efs.FileSystem('f', {}, { protect: p, retainOnDelete: true });`,
      ),
    ).toEqual(['LB001 warning x.ts:3']);
  });

  it('finds resources made in helper functions, loops and callbacks, through import aliases; skips node_modules', async () => {
    // node_modules cannot be committed (.gitignore): the copy gets one here, with a resource that would be flagged
    const ws = mkdtempSync(join(tmpdir(), 'guard-helpers-'));
    cpSync(join(FIXTURES, 'pulumi-helpers'), ws, { recursive: true });
    mkdirSync(join(ws, 'node_modules/evil'), { recursive: true });
    writeFileSync(join(ws, 'node_modules/evil/index.ts'), "new aws.rds.Instance('not-ours', {});\n");
    try {
      const r = await check('.', { workspace: ws });
      expect(r.files.map((f) => f.file)).toEqual(['index.ts', 'lib/db.ts']);
      expect(brief(r.findings)).toEqual(['LB002 error index.ts:10', 'LB002 error lib/db.ts:6']);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('SST components: options, transform assignments, and the app config', async () => {
    // removal "retain-all" for production retains every resource (SST's own stack transformation):
    // no LB002 for the Dynamo table and the bucket
    expect(brief((await check('sst-components')).findings)).toEqual(['LB001 error sst.config.ts:15']);
    expect(brief((await check('sst-app-config')).findings)).toEqual([
      'LB003 error sst.config.ts:5',
      'LB003 error sst.config.ts:8',
    ]);
  });

  it('non-stateful resources are never flagged, whatever their options', () => {
    expect(
      ts(
        `new aws.lightsail.StaticIp('ip');\nnew aws.iam.Role('r', {}, { protect: false });\nnew sst.aws.Function('f', {});\nnew Map();`,
      ),
    ).toEqual([]);
  });

  it('ignore-types trims and stateful-types extends the list', () => {
    const text = `new aws.ec2.Instance('vm', {});\nnew aws.lightsail.Instance('ls', {});`;
    expect(
      ts(text, ['production'], new StatefulTypes(['aws:ec2/instance:Instance'], ['aws.lightsail.Instance'])),
    ).toEqual(['LB001 error x.ts:1', 'LB002 error x.ts:1']);
  });
});

describe('Pulumi YAML programs', () => {
  it('reads resources[].options; an interpolation is undecidable', async () => {
    const r = await check('pulumi-yaml');
    expect(r.files).toEqual([{ file: 'Pulumi.yaml', kind: 'pulumi-yaml' }]);
    expect(brief(r.findings)).toEqual(['LB002 error Pulumi.yaml:6', 'LB001 warning Pulumi.yaml:20']);
  });
});

describe('fly.toml (LB004)', () => {
  it('[mounts] with enough retention passes', async () => {
    expect(brief((await check('fly-ok')).findings)).toEqual([]);
  });

  it('[[mounts]]: missing snapshot_retention, below the minimum, scheduled_snapshots = false', async () => {
    const r = await check('fly-bad');
    expect(brief(r.findings)).toEqual([
      'LB004 error fly.toml:4',
      'LB004 error fly.toml:11',
      'LB004 error fly.toml:12',
    ]);
    expect(r.findings[0]!.message).toContain('Fly keeps volume snapshots 5 days');
  });

  it('a [mounts] inside a multi-line string is not a table; the minimum is configurable', async () => {
    expect(brief((await check('fly-single')).findings)).toEqual(['LB004 error fly.toml:12']);
    expect(brief((await check('fly-single', { minSnapshotRetention: 5 })).findings)).toEqual([]);
  });

  it('an inline mounts table is read too', () => {
    const text = `app = "x"\nmounts = { source = "data", destination = "/data", snapshot_retention = 2 }\n`;
    expect(brief(analyzeFlyToml({ file: 'fly.toml', text }, 7))).toEqual(['LB004 error fly.toml:2']);
  });
});

describe('previews and plans (LB005)', () => {
  const stateful = new StatefulTypes();
  const preview = (name: string) => check('.', { paths: [], previews: [`previews/${name}`] });

  it('a Pulumi preview replacing the Lightsail instance, and deleting a protected resource', async () => {
    const r = await preview('pulumi-replace.json');
    expect(brief(r.findings)).toEqual([
      'LB005 error previews/pulumi-replace.json:9',
      'LB005 error previews/pulumi-replace.json:39',
    ]);
    expect(r.findings[0]!.resource).toBe('NotesServer (aws:lightsail/instance:Instance)');
    expect(r.findings[0]!.message).toContain('would replace');
  });

  it('a clean preview passes', async () => {
    expect(brief((await preview('pulumi-clean.json')).findings)).toEqual([]);
  });

  it('an errored, truncated or missing preview is a violation', async () => {
    expect(brief((await preview('pulumi-error.json')).findings)).toEqual([
      'LB005 error previews/pulumi-error.json:7',
    ]);
    expect(brief((await preview('truncated-preview.out')).findings)).toEqual([
      'LB005 error previews/truncated-preview.out:1',
    ]);
    expect(brief((await preview('missing.json')).findings)).toEqual(['LB005 error previews/missing.json:-']);
  });

  it('a Terraform plan that deletes or replaces stateful resources', async () => {
    const r = await preview('terraform-delete.json');
    expect(brief(r.findings)).toEqual([
      'LB005 error previews/terraform-delete.json:12',
      'LB005 error previews/terraform-delete.json:19',
    ]);
    expect(r.findings.map((f) => f.resource)).toEqual([
      'aws_db_instance.main',
      'aws_lightsail_instance.server',
    ]);
  });

  it('every destructive op counts; same/update/create/read do not', () => {
    for (const op of ['delete', 'replace', 'delete-replaced', 'create-replacement']) {
      const doc = JSON.stringify({ steps: [{ op, urn: 'urn:pulumi:p::a::aws:rds/instance:Instance::db' }] });
      expect(analyzePreview('p.json', doc, stateful)).toHaveLength(1);
    }
    for (const op of ['same', 'update', 'create', 'read', 'import']) {
      const doc = JSON.stringify({ steps: [{ op, urn: 'urn:pulumi:p::a::aws:rds/instance:Instance::db' }] });
      expect(analyzePreview('p.json', doc, stateful)).toHaveLength(0);
    }
    expect(parseUrn('urn:pulumi:prod::app::sst:aws:Bucket$aws:s3/bucketV2:BucketV2::FilesBucket')).toEqual({
      type: 'aws:s3/bucketV2:BucketV2',
      name: 'FilesBucket',
    });
  });
});

describe('override', () => {
  it('applies only to pull request events and turns only errors into warnings', () => {
    const payload = { pull_request: { number: 7, labels: [{ name: 'allow-unprotected-deploy' }] } };
    expect(pullRequestFromEvent('pull_request', payload)).toEqual({
      number: 7,
      labels: ['allow-unprotected-deploy'],
    });
    expect(pullRequestFromEvent('push', payload)).toBeUndefined();
    expect(pullRequestFromEvent('pull_request', {})).toBeUndefined();
    const out = applyOverride([
      { rule: 'LB001', severity: 'error', resource: 'r', message: 'm', fix: 'f' },
      { rule: 'LB001', severity: 'warning', resource: 'r', message: 'm', fix: 'f' },
    ]);
    expect(out.map((f) => [f.severity, f.overridden ?? false])).toEqual([
      ['warning', true],
      ['warning', false],
    ]);
  });
});
