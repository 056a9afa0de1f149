// Two (or more) builds of the fly-volume-backup bundle against each other, alternated in the same
// minutes (issue 18, bench/NOTES.md): each round runs every bundle once on the same volume through
// the flyctl stand-in into one S3, in a rotated order, and the shell pipe through the stand-in as a
// control for the machine's load. Figures of the node process alone come from bench/cpu-at-exit.mjs.
//   LIFEBOAT_ENDPOINT=http://127.0.0.1:PORT npx tsx bench/ab-backup.mjs <volume> <rounds> <label>=<dist dir>[,NAME=VALUE]...
// AB_SLIM=1: every run is on the slim Fly machine of bench/slim-machine.ts (one CPU shared with a
// hog, no zstd, a 50 MB/s link), and the control is that shape's shell pipe: plain tar over the
// link, `zstd -3 -T0` on the runner, `aws s3 cp` (bench.ts's row `S.slim shell tar (wire)|zstd -3 (runner)|aws`).
// An https endpoint (scripts/s3-server.sh with CEPH_RGW_SSL_PORT) needs NODE_EXTRA_CA_CERTS and
// AWS_CA_BUNDLE naming its certificate: both are passed on to every bundle and to the shell row.
// The S3 keys are the test Ceph's (scripts/s3-server.sh); the bucket `ab-backup` is created and
// versioned, and emptied after each round. Prints one JSON line per run and a summary per label (median and range).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { onSlimMachine, slimMachineEnv } from './slim-machine.ts';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const NODE24 = join(root, 'node_modules/node/bin/node');
const [volume, roundsArg, ...variants] = process.argv.slice(2);
const endpoint = process.env.LIFEBOAT_ENDPOINT;
if (!volume || !endpoint || variants.length === 0)
  throw new Error(
    'usage: LIFEBOAT_ENDPOINT=... npx tsx bench/ab-backup.mjs <volume> <rounds> <label>=<dist>...',
  );
const S3_ENV = {
  AWS_ACCESS_KEY_ID: 'LIFEBOATTESTKEY',
  AWS_SECRET_ACCESS_KEY: 'LifeboatTestSecret0123456789',
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
  AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
  ...Object.fromEntries(
    ['NODE_EXTRA_CA_CERTS', 'AWS_CA_BUNDLE'].filter((k) => process.env[k]).map((k) => [k, process.env[k]]),
  ),
};
const BUCKET = 'ab-backup';
const s3 = new S3Client({
  endpoint,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: S3_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: S3_ENV.AWS_SECRET_ACCESS_KEY },
});
try {
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
} catch (err) {
  if (!/BucketAlreadyOwnedByYou|BucketAlreadyExists/.test(String(err.name))) throw err;
}
await s3.send(
  new PutBucketVersioningCommand({ Bucket: BUCKET, VersioningConfiguration: { Status: 'Enabled' } }),
);

/** Removes every version the rounds wrote: a test Ceph's OSD (10 GiB) stalls once it fills. */
async function emptyBucket() {
  for (;;) {
    const out = await s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET, MaxKeys: 1000 }));
    const objects = [...(out.Versions ?? []), ...(out.DeleteMarkers ?? [])].map((v) => ({
      Key: v.Key,
      VersionId: v.VersionId,
    }));
    if (objects.length === 0) return;
    await s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: objects, Quiet: true } }));
  }
}

const work = join(root, 'bench/work/ab');
const SLIM = process.env.AB_SLIM === '1';
const fly = {
  FLY_API_TOKEN: 'fo1_bench_standin_token',
  FLY_STANDIN_APP: 'bench-app',
  FLY_STANDIN_VOLUME: volume,
  FLY_STANDIN_REMOTE_PATH: '/data',
  ...(SLIM ? slimMachineEnv() : {}),
};
/** The action's defaults (action.yml), as the runner passes them. */
const DEFAULTS = Object.fromEntries(
  Object.entries(parse(readFileSync(join(root, 'actions/fly-volume-backup/action.yml'), 'utf8')).inputs ?? {})
    .filter(([, v]) => v?.default !== undefined && !String(v.default).includes('${{'))
    .map(([k, v]) => [k, String(v.default)]),
);
const PATH = `${join(root, 'test/standins/bin')}:${process.env.PATH}`;

/** /usr/bin/time's figures of the whole tree, and the node process's own line. */
function timed(argv, env) {
  const timeFile = join(work, 'time.txt');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, '--', ...argv], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0)
    throw new Error(
      `${argv.join(' ')} exited ${r.status}\n${r.stderr.slice(-3000)}\n${r.stdout.slice(-3000)}`,
    );
  const [wall, user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  const line = /lifeboat-cpu (\{.*\})/.exec(r.stderr)?.[1];
  return {
    wallS: wall,
    treeCpuS: Math.round((user + sys) * 100) / 100,
    ...(line ? JSON.parse(line) : {}),
    stdout: r.stdout,
    stderr: r.stderr,
  };
}

function backup(label, dist, extra) {
  const dir = join(work, 'run');
  rmSync(dir, { recursive: true, force: true });
  for (const d of ['temp', 'home', 'tmp']) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, 'out'), '');
  writeFileSync(join(dir, 'summary'), '');
  const env = {
    PATH,
    HOME: join(dir, 'home'),
    TMPDIR: join(dir, 'tmp'),
    LANG: 'C.UTF-8',
    GITHUB_OUTPUT: join(dir, 'out'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: join(dir, 'temp'),
    ...S3_ENV,
    ...fly,
    INPUT_APP: 'bench-app',
    INPUT_TARGET: `ab-${label}`,
    INPUT_BUCKET: BUCKET,
    INPUT_ENDPOINT: endpoint,
    'INPUT_FORCE-PATH-STYLE': 'true',
    // last: a variant may set an input too, e.g. INPUT_ENDPOINT=http://... against an https run
    ...extra,
  };
  for (const [k, v] of Object.entries(DEFAULTS)) env[`INPUT_${k.toUpperCase()}`] ??= v;
  const flags = (extra.NODE_FLAGS ?? '').split(' ').filter(Boolean);
  delete env.NODE_FLAGS;
  const m = timed(
    [
      NODE24,
      ...flags,
      '--import',
      join(root, 'bench/cpu-at-exit.mjs'),
      join(dist, 'fly-volume-backup/index.js'),
    ],
    env,
  );
  const out = readFileSync(join(dir, 'out'), 'utf8');
  if (!/status(<<\S+\n|=)ok/.test(out)) throw new Error(`${label}: not ok\n${out.slice(0, 2000)}`);
  rmSync(dir, { recursive: true, force: true });
  // AB_STDOUT=<file>: the bundle's stdout is appended there (e.g. with NODE_FLAGS=--trace-gc)
  // AB_STDERR=<file>: its stderr (e.g. with NODE_FLAGS=--import bench/phase-timer.mjs)
  if (process.env.AB_STDOUT) writeFileSync(process.env.AB_STDOUT, m.stdout, { flag: 'a' });
  if (process.env.AB_STDERR) writeFileSync(process.env.AB_STDERR, m.stderr, { flag: 'a' });
  delete m.stdout;
  delete m.stderr;
  return m;
}

function shell() {
  const upload = `aws s3 cp --only-show-errors --endpoint-url ${endpoint} - s3://${BUCKET}/shell/archive.tar.zst`;
  const cmd = SLIM
    ? `flyctl ssh console -q -a bench-app -C "sh -c 'tar -cf - -C /data .'" | zstd -3 -q -c -T0 | ${upload}`
    : `flyctl ssh console -q -a bench-app -C "sh -c 'tar -cf - -C /data . | zstd -3 -q -c -T0'" | ${upload}`;
  const m = timed(['bash', '-o', 'pipefail', '-c', cmd], { ...process.env, ...S3_ENV, ...fly, PATH });
  delete m.stdout;
  delete m.stderr;
  return m;
}

mkdirSync(work, { recursive: true });
const runs = [];
// <label>=<dist>[,NAME=VALUE...]: extra environment of that variant's bundle; NODE_FLAGS=... are
// flags of its node (e.g. NODE_FLAGS=--cpu-prof --cpu-prof-dir=DIR)
const list = [
  ...variants.map((v) => {
    const [label, rest] = [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)];
    const [dist, ...envs] = rest.split(',');
    return [
      label,
      dist,
      Object.fromEntries(envs.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)])),
    ];
  }),
  ['shell', null, {}],
];
for (let round = 1; round <= Number(roundsArg); round++) {
  const shift = (round - 1) % list.length;
  for (const [label, dist, extra] of [...list.slice(shift), ...list.slice(0, shift)]) {
    const load = loadavg()[0].toFixed(2);
    const one = async () => (dist ? backup(label, dist, extra) : shell());
    const m = SLIM ? await onSlimMachine(one) : await one();
    const run = { round, label, load1: Number(load), ...m };
    runs.push(run);
    console.log(JSON.stringify(run));
  }
  await emptyBucket();
}
const med = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
for (const [label] of list) {
  const mine = runs.filter((r) => r.label === label);
  const fig = (k) =>
    mine[0][k] === undefined
      ? ''
      : `${k} ${med(mine.map((r) => r[k])).toFixed(2)} (${Math.min(...mine.map((r) => r[k]))}–${Math.max(...mine.map((r) => r[k]))})`;
  console.log(
    `${label}: ${['wallS', 'treeCpuS', 'processCpuS', 'mainCpuS', 'hwmMiB'].map(fig).filter(Boolean).join(', ')}`,
  );
}
rmSync(work, { recursive: true, force: true });
