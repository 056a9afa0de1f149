import { PutObjectCommand } from '@aws-sdk/client-s3';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fencedBlocks } from '../helpers/doc-blocks.js';
import { describeTree, makeFixtureVolume } from '../helpers/fixture-volume.js';
import { NODE24 } from '../helpers/node24.js';
import { createBucket, getJson, s3Env, s3Server, testClient } from '../helpers/s3.js';

const root = new URL('../..', import.meta.url).pathname;
const MARKER = 'recovery-without-lifeboat';

/**
 * docs/RECOVERY.md's Scenario D, exactly as a person copies it: the ```sh blocks between the
 * `<!-- recovery-without-lifeboat:start/end -->` markers, in order, as one bash script.
 */
function recoveryCommands(): string {
  const text = readFileSync(join(root, 'docs/RECOVERY.md'), 'utf8');
  const start = text.indexOf(`<!-- ${MARKER}:start -->`);
  const end = text.indexOf(`<!-- ${MARKER}:end -->`);
  if (start < 0 || end < start) throw new Error(`docs/RECOVERY.md has no ${MARKER} markers`);
  const blocks = fencedBlocks(text.slice(start, end), 'docs/RECOVERY.md').filter((b) => b.lang === 'sh');
  return blocks.map((b) => b.text).join('\n');
}

/** Everything a test made on disk, removed at the end (the bucket goes with the RGW). */
const scratch: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `lifeboat-${name}-`));
  scratch.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A real lifeboat backup of `volume` (the CLI bundle under Node 24) into a new bucket, target app. */
async function lifeboatBackup(volume: string, flags: string[]) {
  const bucket = await createBucket();
  const s = s3Server();
  const r = spawnSync(
    NODE24,
    [
      join(root, 'dist/cli/index.js'),
      'backup',
      '--local',
      '--path',
      volume,
      '--target',
      'app',
      '--bucket',
      bucket,
      '--endpoint',
      s.endpoint,
      '--force-path-style',
      '--json',
      ...flags,
    ],
    { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, ...s3Env() } },
  );
  expect(r.status, r.stderr).toBe(0);
  return { bucket, snapshotId: (JSON.parse(r.stdout) as { snapshotId: string }).snapshotId };
}

/** Runs the runbook's commands with bash in a fresh folder, as its "set the credentials" block leaves it. */
function runRunbook(bucket: string, workDir: string) {
  const s = s3Server();
  return spawnSync('bash', ['-euo', 'pipefail', '-c', recoveryCommands()], {
    cwd: workDir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: workDir,
      // only what the runbook's first block sets: no lifeboat variables, no AWS config of this machine
      AWS_ACCESS_KEY_ID: s.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s.secretAccessKey,
      AWS_DEFAULT_REGION: s.region,
      AWS_CONFIG_FILE: join(workDir, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(workDir, 'no-aws-credentials'),
      B: bucket,
      P: 'lifeboat',
      T: 'app',
      ENDPOINT: s.endpoint,
    },
  });
}

describe('docs/RECOVERY.md Scenario D: restore with the aws CLI, sha256sum, age, zstd/gzip and tar only', () => {
  it('the commands between the markers are there and use no lifeboat', () => {
    const script = recoveryCommands();
    for (const tool of ['aws s3api', 'sha256sum -c', 'age -d -i key.txt', 'zstd -d', 'gzip -d', 'tar -x'])
      expect(script).toContain(tool);
    expect(script).not.toMatch(/lifeboat |dist\/cli|\bnode\b/);
  });

  it.each([
    ['zstd, not encrypted', [], false],
    ['gzip, not encrypted', ['--compression', 'gzip'], false],
    ['zstd, age-encrypted', [], true],
  ] as const)('%s: the restored tree equals the source byte for byte', async (_, flags, encrypted) => {
    const volume = makeFixtureVolume({ bigBytes: 300_000 });
    scratch.push(volume);
    const work = tempDir('recovery-doc');
    const extra: string[] = [...flags];
    if (encrypted) {
      execFileSync('age-keygen', ['-o', join(work, 'key.txt')], { stdio: 'ignore' });
      const recipient = execFileSync('age-keygen', ['-y', join(work, 'key.txt')], {
        encoding: 'utf8',
      }).trim();
      extra.push('--encryption-recipients', recipient);
    }
    const { bucket, snapshotId } = await lifeboatBackup(volume, extra);

    const r = runRunbook(bucket, work);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain(`snapshot ${snapshotId}`);
    expect(r.stdout).toContain('archive: OK');
    expect(describeTree(join(work, 'restored'))).toEqual(describeTree(volume));
  });

  it('an archive that does not match its manifest stops the commands at the sha256 check: nothing is extracted', async () => {
    const volume = makeFixtureVolume({ bigBytes: 10_000 });
    scratch.push(volume);
    const { bucket } = await lifeboatBackup(volume, []);
    // a new version of the manifest that records another sha256, and latest.json pointing at it
    const latest = (await getJson<{ manifestKey: string; manifestVersionId: string }>(
      bucket,
      'lifeboat/app/latest.json',
    ))!;
    const manifest = (await getJson<{ archive: { sha256: string } }>(bucket, latest.manifestKey))!;
    manifest.archive.sha256 = '0'.repeat(64);
    const put = await putJson(bucket, latest.manifestKey, manifest);
    await putJson(bucket, 'lifeboat/app/latest.json', { ...latest, manifestVersionId: put.VersionId });

    const work = tempDir('recovery-doc-bad');
    const r = runRunbook(bucket, work);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain('archive: FAILED');
    expect(describeTree(work)).not.toHaveProperty('restored');
  });
});

async function putJson(bucket: string, key: string, value: unknown) {
  return testClient().send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: JSON.stringify(value),
      ContentType: 'application/json',
    }),
  );
}
