import { DeleteBucketCommand, DeleteObjectsCommand, ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { makeFixtureVolume, pseudoRandomBytes } from '../helpers/fixture-volume.js';
import { runAction, type ActionRun, type RunOptions } from '../helpers/run-action.js';
import {
  createBucket,
  getBytes,
  listKeys,
  openMultipartUploads,
  s3Env,
  s3Server,
  testClient,
} from '../helpers/s3.js';

/** Secret values the runs of this suite hold; none may appear in a log, summary or output. */
export const FLY_TOKEN = 'fo1_faultsuite_secret_token_4b2c9e';

export function knownSecrets(): string[] {
  const s = s3Server();
  return [s.secretAccessKey, s.accessKeyId, FLY_TOKEN];
}

/**
 * A volume big enough for a real multipart upload: 40 MiB of incompressible bytes makes three
 * 16 MiB parts (the default part size), whatever the compressor.
 */
export function bigVolume(): string {
  const root = makeFixtureVolume({ bigBytes: 1000 });
  writeFileSync(join(root, 'big-a.bin'), pseudoRandomBytes(20 * 1024 * 1024, 101));
  writeFileSync(join(root, 'big-b.bin'), pseudoRandomBytes(20 * 1024 * 1024, 202));
  return root;
}

export interface FlyRun extends ActionRun {
  /** Every flyctl stand-in invocation (argv). */
  calls: { argv: string[]; pid: number }[];
}

export function readCalls(log: string): { argv: string[]; pid: number }[] {
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { argv: string[]; pid: number });
}

export function flyLogFile(): string {
  const log = join(mkdtempSync(join(tmpdir(), 'lb-faults-flylog-')), 'calls.jsonl');
  writeFileSync(log, '');
  return log;
}

/** A new bucket with one good snapshot of `volume` (made without faults) and its state. */
export async function withGoodBackup(volume: string): Promise<{ bucket: string; before: BucketState }> {
  const bucket = await createBucket();
  const good = await flyBackup(bucket, volume);
  expect(good.code, good.log).toBe(0);
  return { bucket, before: await bucketState(bucket) };
}

/** fly-volume-backup of `volume` (app my-app) into `bucket` through `endpoint` (default: RGW). */
export async function flyBackup(
  bucket: string,
  volume: string,
  o: {
    inputs?: Record<string, string>;
    env?: Record<string, string>;
    endpoint?: string;
    log?: string;
    onStart?: RunOptions['onStart'];
    timeoutMs?: number;
  } = {},
): Promise<FlyRun> {
  const log = o.log ?? flyLogFile();
  const run = await runAction('fly-volume-backup', {
    inputs: {
      app: 'my-app',
      bucket,
      endpoint: o.endpoint ?? s3Server().endpoint,
      'force-path-style': 'true',
      ...o.inputs,
    },
    env: {
      ...s3Env(),
      FLY_API_TOKEN: FLY_TOKEN,
      FLY_STANDIN_APP: 'my-app',
      FLY_STANDIN_VOLUME: volume,
      FLY_STANDIN_REMOTE_PATH: '/data',
      FLY_STANDIN_LOG: log,
      ...o.env,
    },
    onStart: o.onStart,
    timeoutMs: o.timeoutMs ?? 100_000,
  });
  return { ...run, calls: readCalls(log) };
}

export interface BucketState {
  latest: Buffer | undefined;
  keys: string[];
}

export async function bucketState(bucket: string, prefix = 'lifeboat/my-app/'): Promise<BucketState> {
  let latest: Buffer | undefined;
  try {
    latest = await getBytes(bucket, `${prefix}latest.json`);
  } catch (err) {
    if ((err as { name?: string }).name !== 'NoSuchKey') throw err;
  }
  return { latest, keys: await listKeys(bucket) };
}

/** The log as a person sees it: the runner consumes `::add-mask::` commands and never shows them. */
export function visible(run: ActionRun): string {
  return run.log.replace(/^::add-mask::.*$/gm, '');
}

/** No secret value in the visible log, the job summary or any output. */
export function expectNoSecrets(run: ActionRun, secrets: string[] = knownSecrets()): void {
  const places = { log: visible(run), summary: run.summary, outputs: JSON.stringify(run.outputs) };
  for (const secret of secrets) {
    for (const [where, text] of Object.entries(places)) {
      expect(text.includes(secret), `secret ${secret.slice(0, 4)}… found in ${where}`).toBe(false);
    }
  }
}

/**
 * A failed backup that changed nothing: exit 1, one error naming the cause, status failed,
 * latest.json byte-identical, no multipart upload open, the same keys, no secret printed.
 */
export async function expectCleanFailure(
  run: ActionRun,
  bucket: string,
  before: BucketState,
  message: RegExp,
): Promise<void> {
  expect(run.code, run.log).toBe(1);
  expect(run.errors, run.log).toHaveLength(1);
  expect(run.errors[0]).toMatch(message);
  expect(run.outputs.status).toBe('failed');
  expect(run.outputs['snapshot-id']).toBe('');
  const after = await bucketState(bucket);
  expect(after.latest).toEqual(before.latest);
  expect(after.keys).toEqual(before.keys);
  expect(await openMultipartUploads(bucket)).toEqual([]);
  expectNoSecrets(run);
}

/** Empties a versioned bucket (every version and delete marker) and deletes it. */
export async function destroyBucket(bucket: string): Promise<void> {
  const client = testClient();
  for (let page = 0; page < 20; page++) {
    const out = await client.send(new ListObjectVersionsCommand({ Bucket: bucket }));
    const ids = [...(out.Versions ?? []), ...(out.DeleteMarkers ?? [])].map((v) => ({
      Key: v.Key!,
      VersionId: v.VersionId,
    }));
    if (ids.length === 0) break;
    await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: ids } }));
  }
  await client.send(new DeleteBucketCommand({ Bucket: bucket }));
}

/** Resolves when `check` is true, polling every 20 ms, or rejects after `ms`. */
export async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
