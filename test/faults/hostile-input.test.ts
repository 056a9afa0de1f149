import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/util/errors.js';
import { startHttpFaultProxy, type HttpFaultProxy } from '../helpers/fault-proxy.js';
import { makeFixtureVolume } from '../helpers/fixture-volume.js';
import { actionDefaults, runAction } from '../helpers/run-action.js';
import { createBucket, listKeys, s3Env, s3Server } from '../helpers/s3.js';
import { FLY_TOKEN, flyBackup, flyLogFile, readCalls } from './fault-kit.js';

const root = new URL('../..', import.meta.url).pathname;
const keyDir = mkdtempSync(join(tmpdir(), 'lb-hostile-key-'));
execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(keyDir, 'id')]);
const SSH_KEY = readFileSync(join(keyDir, 'id'), 'utf8');
const ACTIONS = readdirSync(join(root, 'actions')).filter((a) => !a.startsWith('.'));

/** Inputs that take free text by design: proven to be passed safely instead of refused. */
const FREE_TEXT: Record<string, string[]> = {
  'fly-volume-backup': ['pre-command'],
  'ssh-volume-backup': ['pre-command', 'ssh-key', 'known-hosts'],
  'verify-restore': ['ssh-key', 'known-hosts', 'decryption-identity'],
  'failure-issue': ['title', 'body', 'fingerprint', 'github-token'],
  'protected-deploy-guard': ['github-token'],
  'copy-snapshot': ['to-secret-access-key', 'to-access-key-id'],
};

/** The smallest valid inputs of each action. */
const BASE: Record<string, Record<string, string>> = {
  'fly-volume-backup': { app: 'my-app', bucket: 'lb-bucket' },
  'ssh-volume-backup': {
    host: 'db.example.com',
    user: 'backup',
    'ssh-key': SSH_KEY,
    'known-hosts': 'db.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDummy',
    bucket: 'lb-bucket',
  },
  'verify-restore': { bucket: 'lb-bucket', target: 'my-app' },
  'copy-snapshot': { bucket: 'lb-bucket', 'to-bucket': 'lb-other', target: 'my-app' },
  'lightsail-snapshot-check': { instance: 'web-1', region: 'us-east-1' },
  'fly-snapshot-check': { app: 'my-app' },
  'protected-deploy-guard': {},
  'failure-issue': { status: 'failure', 'github-token': 'ghs_faultsuite' },
};

const HOSTILE: Record<string, string> = {
  'shell metacharacters': 'x; touch /tmp/lb-pwned $(id) `id` | cat && echo',
  'dot-dot': '../../etc',
  newline: 'ok\n--exclude=/',
  '10 kB string': 'a'.repeat(10_240),
  unicode: 'Ünïcødé—文件\u202e',
};

function inputsOf(action: string): string[] {
  const doc = parse(readFileSync(join(root, 'actions', action, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, unknown>;
  };
  return Object.keys(doc.inputs ?? {});
}

async function readInputs(action: string, values: Record<string, string>): Promise<unknown> {
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
  Object.assign(process.env, s3Env(), { FLY_API_TOKEN: FLY_TOKEN, GITHUB_REPOSITORY: 'o/r' });
  for (const [k, v] of Object.entries({ ...actionDefaults(action), ...BASE[action], ...values }))
    process.env[`INPUT_${k.toUpperCase()}`] = v;
  try {
    const mod = (await import(`../../src/actions/${action}/inputs.ts`)) as {
      getInputs: (arg?: unknown) => unknown;
    };
    return action === 'failure-issue' ? mod.getInputs('failure') : mod.getInputs();
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

describe('hostile input: every string input of every action', () => {
  it('a NUL byte in an input — cannot reach the action: the OS environment cannot carry it (spawn refuses it)', () => {
    expect(() => spawnSync('true', [], { env: { INPUT_APP: 'a\0b' } })).toThrow(/null bytes/);
  });

  it('the smallest valid inputs of each action — accepted (the baseline of the hostile-input matrix)', async () => {
    for (const action of ACTIONS) await expect(readInputs(action, {}), action).resolves.toBeTruthy();
  });

  // one test per action: metacharacters, "..", newlines, 10 kB and unicode in each input
  for (const action of ACTIONS) {
    it(`${action}: shell metacharacters, "..", newlines, 10 kB strings and unicode in every string input — refused naming the input, or accepted only where the value is data`, async () => {
      const accepted: string[] = [];
      for (const name of inputsOf(action)) {
        if (FREE_TEXT[action]?.includes(name)) continue;
        for (const [kind, value] of Object.entries(HOSTILE)) {
          try {
            await readInputs(action, { [name]: value });
            accepted.push(`${name} <- ${kind}`);
          } catch (err) {
            expect(err, `${action} ${name} ${kind}`).toBeInstanceOf(ConfigurationError);
            expect((err as Error).message, `${action} ${name} ${kind}`).toContain(`'${name}'`);
            // one clear line that quotes at most a short excerpt of the value
            expect((err as Error).message.length, `${action} ${name} ${kind}`).toBeLessThan(1200);
          }
        }
      }
      if (process.env.FAULTS_RECORD) writeFileSync(`/tmp/accepted-${action}.json`, JSON.stringify(accepted));
      expect(accepted).toEqual(ACCEPTED[action] ?? []);
    });
  }
});

/**
 * What each action accepts today, recorded so that any change shows up. Most are data by design:
 * globs and stage/type names of the guard, multi-line excludes and required-paths (each value is
 * quoted as one word), labels, a flyctl path chosen by the user, failure-issue's status (read
 * from the job). Inputs of an optional feature (verify-restore's port/user/sudo/restore-path/flyctl,
 * the guard's backup-*) are validated whether or not the feature is on, and prefixes refuse "..".
 */
const ACCEPTED: Record<string, string[]> = {
  'copy-snapshot': [],
  'failure-issue': [
    'status <- shell metacharacters',
    'status <- dot-dot',
    'status <- newline',
    'status <- 10 kB string',
    'status <- unicode',
    'labels <- shell metacharacters',
    'labels <- dot-dot',
    'labels <- newline',
    'labels <- unicode',
  ],
  'fly-snapshot-check': ['flyctl <- dot-dot'],
  'fly-volume-backup': [
    'exclude <- dot-dot',
    'exclude <- newline',
    'exclude <- unicode',
    'flyctl <- dot-dot',
  ],
  'protected-deploy-guard': [
    'paths <- shell metacharacters',
    'paths <- dot-dot',
    'paths <- newline',
    'paths <- 10 kB string',
    'paths <- unicode',
    'stateful-types <- shell metacharacters',
    'stateful-types <- dot-dot',
    'stateful-types <- newline',
    'stateful-types <- 10 kB string',
    'stateful-types <- unicode',
    'ignore-types <- shell metacharacters',
    'ignore-types <- dot-dot',
    'ignore-types <- newline',
    'ignore-types <- 10 kB string',
    'ignore-types <- unicode',
    'protected-stages <- shell metacharacters',
    'protected-stages <- dot-dot',
    'protected-stages <- newline',
    'protected-stages <- 10 kB string',
    'protected-stages <- unicode',
    'preview <- shell metacharacters',
    'preview <- dot-dot',
    'preview <- newline',
    'preview <- 10 kB string',
    'preview <- unicode',
    'allow-label <- shell metacharacters',
    'allow-label <- dot-dot',
    'allow-label <- newline',
    'allow-label <- 10 kB string',
    'allow-label <- unicode',
  ],
  'ssh-volume-backup': ['exclude <- dot-dot', 'exclude <- newline', 'exclude <- unicode'],
  'verify-restore': [
    'holding-dir <- shell metacharacters',
    'holding-dir <- dot-dot',
    'holding-dir <- unicode',
    'required-paths <- shell metacharacters',
    'required-paths <- dot-dot',
    'required-paths <- newline',
    'required-paths <- unicode',
    'sqlite <- shell metacharacters',
    'sqlite <- dot-dot',
    'sqlite <- newline',
    'sqlite <- unicode',
    'flyctl <- dot-dot',
  ],
};

describe('hostile input through the bundles: refused before anything runs', () => {
  let proxy: HttpFaultProxy;
  beforeAll(async () => {
    proxy = await startHttpFaultProxy(Number(new URL(s3Server().endpoint).port));
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it('fly-volume-backup: a hostile value in an identifier input — refused with no flyctl call and no S3 request', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 1000 });
    const cases: Record<string, string>[] = [
      { app: HOSTILE['shell metacharacters']! },
      { target: '../other' },
      { path: '/data/../etc' },
      { exclude: HOSTILE.newline!.replace('--exclude=/', '$(reboot)') },
      { label: HOSTILE['10 kB string']! },
      { machine: HOSTILE.unicode! },
    ];
    for (const c of cases) {
      const log = flyLogFile();
      const before = proxy.requests.length;
      const run = await flyBackup(bucket, volume, { inputs: c, endpoint: proxy.endpoint, log });
      const name = Object.keys(c)[0]!;
      expect(run.code, JSON.stringify(c).slice(0, 80)).toBe(1);
      expect(run.errors).toHaveLength(1);
      expect(run.errors[0]).toContain(`Input '${name}'`);
      expect(readCalls(log), name).toEqual([]);
      expect(proxy.requests.length, name).toBe(before);
    }
    expect(await listKeys(bucket)).toEqual([]);
  });

  it('verify-restore and copy-snapshot: a hostile target, snapshot or holding-dir — refused with no S3 request', async () => {
    const cases: [string, Record<string, string>][] = [
      ['verify-restore', { target: 'x;id' }],
      ['verify-restore', { snapshot: '../20261123T000000Z' }],
      ['copy-snapshot', { target: '../x' }],
      ['copy-snapshot', { snapshot: 'a\nb' }],
    ];
    for (const [action, c] of cases) {
      const before = proxy.requests.length;
      const log = flyLogFile();
      const run = await runAction(action, {
        inputs: { ...BASE[action], endpoint: proxy.endpoint, 'to-endpoint': proxy.endpoint, ...c },
        env: { ...s3Env(), FLY_API_TOKEN: FLY_TOKEN, FLY_STANDIN_LOG: log },
      });
      const name = Object.keys(c)[0]!;
      expect(run.code, `${action} ${name}`).toBe(1);
      expect(run.errors[0], `${action} ${name}`).toContain(`'${name}'`);
      expect(proxy.requests.length, `${action} ${name}`).toBe(before);
      expect(readCalls(log)).toEqual([]);
    }
  });

  it('pre-command full of shell metacharacters (free text by design) — reaches the machine as exactly one sh -c argument, intact', async () => {
    const bucket = await createBucket();
    const volume = makeFixtureVolume({ bigBytes: 1000 });
    const marker = `a'b"c;d|e&f$g\`h\\i`;
    const pre = `printf 'PRE[%s]\\n' ${shQuote(marker)} >&2`;
    const run = await flyBackup(bucket, volume, { inputs: { 'pre-command': pre } });
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain(`PRE[${marker}]`);
    // one ssh call, whose -C value is `sh -c <script>`; the script holds the pre-command as one word
    const ssh = run.calls.filter((c) => c.argv[0] === 'ssh');
    expect(ssh).toHaveLength(1);
    expect(ssh[0]!.argv.filter((a) => a === '-C')).toHaveLength(1);
  });
});

function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
