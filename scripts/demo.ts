// npm run demo: the main job on a local default. Starts a local S3 (Ceph RGW, scripts/s3-server.sh),
// makes a sample volume, backs it up with lifeboat's engine (local tar source), and prints the
// summary and where the snapshot is. The S3 server keeps running: `npm run s3 -- stop` ends it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { runBackup } from '../src/jobs/backup.js';
import { formatBytes } from '../src/util/format.js';
import { consoleLogger } from '../src/util/logger.js';
import { LocalSource } from '../src/sources/local-source.js';
import { S3ObjectStore } from '../src/storage/object-store.js';
import { createS3Client, type S3Location } from '../src/storage/s3-client.js';

const root = new URL('..', import.meta.url).pathname;
const port = process.env.CEPH_RGW_PORT ?? '7480';
const accessKeyId = process.env.S3_ACCESS_KEY ?? 'LIFEBOATTESTKEY';
const secretAccessKey = process.env.S3_SECRET_KEY ?? 'LifeboatTestSecret0123456789';

function startS3(): void {
  const answering = (() => {
    try {
      execFileSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', `http://127.0.0.1:${port}/`], {
        encoding: 'utf8',
      });
      return true;
    } catch {
      return false;
    }
  })();
  if (answering) {
    console.log(`local S3 already answers on 127.0.0.1:${port}; using it`);
    return;
  }
  execFileSync('bash', [join(root, 'scripts/s3-server.sh'), 'start'], {
    stdio: 'inherit',
    env: { ...process.env, CEPH_RGW_PORT: port },
  });
}

/** A small app volume: an SQLite database, uploads, config, a log. */
function makeSampleVolume(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'uploads'), { recursive: true });
  mkdirSync(join(dir, 'config'), { recursive: true });
  execFileSync('sqlite3', [
    join(dir, 'app.db'),
    "CREATE TABLE users(id INTEGER PRIMARY KEY, email TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 20000) INSERT INTO users(email) SELECT 'user' || i || '@example.com' FROM n;",
  ]);
  for (let i = 0; i < 50; i++) {
    const data = Buffer.alloc(64 * 1024 + i * 997);
    for (let j = 0; j < data.length; j++) data[j] = (i * 31 + j * 7) & 0xff;
    writeFileSync(join(dir, 'uploads', `file-${String(i).padStart(3, '0')}.bin`), data);
  }
  writeFileSync(
    join(dir, 'config', 'settings.json'),
    JSON.stringify({ name: 'demo', features: ['a', 'b'] }, null, 2),
  );
  writeFileSync(join(dir, 'app.log'), 'started\n'.repeat(5000));
}

async function main(): Promise<void> {
  startS3();
  const location: S3Location = {
    bucket: 'lifeboat-demo',
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
  };
  const client = createS3Client(location);
  await client.send(new CreateBucketCommand({ Bucket: location.bucket })).catch(() => undefined);
  await client.send(
    new PutBucketVersioningCommand({
      Bucket: location.bucket,
      VersioningConfiguration: { Status: 'Enabled' },
    }),
  );
  const volume = join(root, '.tmp/demo-volume');
  makeSampleVolume(volume);
  const store = new S3ObjectStore(location, client);
  // the pre-command's consistent copy of the database goes into the archive; the sample volume
  // is left as makeSampleVolume made it (no app.db.backup), whatever the backup's outcome
  const copy = join(volume, 'app.db.backup');
  const result = await runBackup(
    {
      target: 'demo-app',
      prefix: 'lifeboat',
      path: volume,
      excludes: [],
      preCommand: `sqlite3 ${volume}/app.db ".backup ${copy}"`,
      compression: 'auto',
      retention: { last: 7, daily: 14, weekly: 8, monthly: 12 },
      minSizeRatio: 0.5,
      allowShrink: false,
      requireVersioning: true,
      dryRun: false,
    },
    { store, source: new LocalSource(), logger: consoleLogger },
  ).finally(() => rmSync(copy, { force: true }));
  console.log('');
  console.log('lifeboat demo backup');
  const rows: [string, string][] = [
    ['status', result.status],
    ['snapshot', result.snapshotId],
    ['archive', `s3://${location.bucket}/${result.archiveKey}`],
    ['manifest', `s3://${location.bucket}/${result.manifestKey}`],
    ['latest', `s3://${location.bucket}/lifeboat/demo-app/latest.json`],
    [
      'size',
      `${formatBytes(result.sizeBytes)} ${result.compression} (${formatBytes(result.uncompressedBytes)} of tar)`,
    ],
    ['sha256', result.sha256],
    ['entries', String(result.entries)],
    ['version id', result.versionId],
    ['duration', `${result.durationSeconds.toFixed(2)} s`],
    ['pruned', result.pruned.join(', ') || 'none'],
  ];
  for (const [k, v] of rows) console.log(`  ${k.padEnd(10)} ${v}`);
  console.log('');
  console.log(
    `S3 endpoint http://127.0.0.1:${port} (access key ${accessKeyId}) keeps running; stop it with: npm run s3 -- stop`,
  );
  if (result.status !== 'ok') process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${(err as Error).message}`);
  process.exit(1);
});
