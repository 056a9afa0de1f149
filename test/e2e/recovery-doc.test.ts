import { PutObjectCommand } from '@aws-sdk/client-s3';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
 * docs/RECOVERY.md's Scenario D, exactly as a person copies it: for each `<!-- name:start -->` …
 * `<!-- name:end -->` region, its ```sh blocks, in order, as one script.
 */
function recoveryRegions(marker: string): string[] {
  const text = readFileSync(join(root, 'docs/RECOVERY.md'), 'utf8');
  const regions: string[] = [];
  for (let at = text.indexOf(`<!-- ${marker}:start -->`); at >= 0;) {
    const end = text.indexOf(`<!-- ${marker}:end -->`, at);
    if (end < 0) throw new Error(`docs/RECOVERY.md: ${marker}:start without an end`);
    const blocks = fencedBlocks(text.slice(at, end), 'docs/RECOVERY.md').filter((b) => b.lang === 'sh');
    regions.push(blocks.map((b) => b.text).join('\n'));
    at = text.indexOf(`<!-- ${marker}:start -->`, end);
  }
  if (regions.length === 0) throw new Error(`docs/RECOVERY.md has no ${marker} markers`);
  return regions;
}

/** The runbook for the newest snapshot: every region of the main marker. */
const recoveryCommands = () => recoveryRegions(MARKER).join('\n');

/** The runbook for an older snapshot: its first region (latest), the older-snapshot block with ID set, the rest. */
function olderSnapshotCommands(id: string): string {
  const [first, ...rest] = recoveryRegions(MARKER);
  const older = recoveryRegions('recovery-older-snapshot').join('\n').replace('ID=<snapshot id>', `ID=${id}`);
  return [first, older, ...rest].join('\n');
}

/** The settings block's commented line for path-style servers, without its `#`. */
function pathStyleLine(): string {
  const text = readFileSync(join(root, 'docs/RECOVERY.md'), 'utf8');
  const line = text.split('\n').find((l) => l.includes('addressing_style = path'));
  if (!line) throw new Error('docs/RECOVERY.md has no path-style line');
  return line.replace(/^#\s*/, '');
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
async function lifeboatBackup(volume: string, flags: string[], into?: string) {
  const bucket = into ?? (await createBucket());
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
function runRunbook(bucket: string, workDir: string, script = recoveryCommands(), awsConfig?: string) {
  const s = s3Server();
  return spawnSync('bash', ['-euo', 'pipefail', '-c', script], {
    cwd: workDir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: workDir,
      // only what the runbook's first block sets: no lifeboat variables, no AWS config of this machine
      AWS_ACCESS_KEY_ID: s.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s.secretAccessKey,
      AWS_DEFAULT_REGION: s.region,
      AWS_CONFIG_FILE: awsConfig ?? join(workDir, 'no-aws-config'),
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

  // was a gap: "use its manifest.json" was the only word on an older snapshot, nothing to copy
  it('an older snapshot: the listing names it, and the commands with its ID restore it, not latest', async () => {
    const volume = makeFixtureVolume({ bigBytes: 20_000 });
    scratch.push(volume);
    const { bucket, snapshotId: older } = await lifeboatBackup(volume, []);
    const before = describeTree(volume);
    writeFileSync(join(volume, 'added-after-the-first.txt'), 'new\n');
    await new Promise((r) => setTimeout(r, 1100)); // the next snapshot id is a second later
    const newer = await lifeboatBackup(volume, [], bucket);
    expect(newer.snapshotId > older).toBe(true);

    const work = tempDir('recovery-doc-older');
    // and through the settings block's path-style line, as a person on MinIO runs it
    const pathStyle = pathStyleLine();
    expect(spawnSync('bash', ['-euo', 'pipefail', '-c', pathStyle], { cwd: work }).status).toBe(0);
    expect(readFileSync(join(work, 'aws-config'), 'utf8')).toContain('addressing_style = path');
    const r = runRunbook(bucket, work, olderSnapshotCommands(older), join(work, 'aws-config'));
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    // the listing a person reads to choose, oldest first
    expect(r.stdout).toContain(
      `lifeboat/app/snapshots/${older}/\nlifeboat/app/snapshots/${newer.snapshotId}/`,
    );
    expect(r.stdout).toContain(`snapshot ${older}, ok, `);
    expect(r.stdout).toContain('archive: OK');
    expect(describeTree(join(work, 'restored'))).toEqual(before);
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
