// `npm run bench`: lifeboat's streamed backup and verify against the runbook pipeline, shell
// streaming, restic and the hardware floors, on one local Ceph RGW (bluestore). Issue 7.
//
// Environment:
//   LIFEBOAT_BENCH_GIB      size of the main fixture in GiB (default 1; 0.1 for a quick try)
//   LIFEBOAT_BENCH_RUNS     rounds, each running every pipeline once, interleaved (default 3)
//   LIFEBOAT_BENCH_RSS_GIB  size of the memory-growth fixture (default 4; 0 skips it)
//   LIFEBOAT_BENCH_OUT      where results.json / RESULTS.md go (default bench/; a small try writes to bench/work/)
//   LIFEBOAT_BENCH_UNITS    comma-separated units to run (default all): the names logged at each round, e.g.
//                           "many files,slim lifeboat,slim runbook,slim shell,lifeboat zstd"
//   LIFEBOAT_BENCH_MANY     files of the many-small-files volume (default 200000)
//   LIFEBOAT_BENCH_SLIM_RATE  bytes/s of the slim machine's link (default 50 MB/s)
//   LIFEBOAT_BENCH_NO_INDEX=1  (set by the unit "index" on one of its backups, not by a person) the engine
//                           writes no snapshot index: the backup the index's cost is measured against
//   CEPH_S3_DIR / CEPH_MON_PORT / CEPH_RGW_PORT   the benchmark's own Ceph (default /tmp/lifeboat-bench-s3, 3391, 7491)
//   LIFEBOAT_BENCH_TLS=1    every measured row (lifeboat, aws cli, restic) uses the Ceph over https, as real
//                           providers are, on CEPH_RGW_SSL_PORT (default CEPH_RGW_PORT + 1) with the Ceph's
//                           self-signed certificate (scripts/s3-server.sh); the bench's own bookkeeping
//                           (buckets, emptying them) stays on http, outside every measurement
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  lstatSync,
} from 'node:fs';
import { cpus, loadavg, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { parse } from 'yaml';
import { indexCommandPhases, parsePhases, peakOf, targetRow } from './figures.js';
import { onSlimMachine, SLIM_CPU, SLIM_RATE, slimMachineEnv } from './slim-machine.js';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const WORK = join(root, 'bench/work');
const NODE24 = join(root, 'node_modules/node/bin/node');
const GIB = Number(process.env.LIFEBOAT_BENCH_GIB ?? 1);
const RUNS = Number(process.env.LIFEBOAT_BENCH_RUNS ?? 3);
const RSS_GIB = Number(process.env.LIFEBOAT_BENCH_RSS_GIB ?? 4);
const UNITS = (process.env.LIFEBOAT_BENCH_UNITS ?? '').split(',').filter(Boolean);
const MANY = Number(process.env.LIFEBOAT_BENCH_MANY ?? 200_000);
/**
 * Restores of the many-files volume land on tmpfs: this disk is ext4 mounted with `discard`, where
 * removing 200,000 files between rounds takes over ten minutes; both rows write to the same tmpfs.
 */
const RESTORE_ROOT = process.env.LIFEBOAT_BENCH_RESTORE_ROOT ?? '/dev/shm/lifeboat-bench-restore';
const OUT = process.env.LIFEBOAT_BENCH_OUT ?? (GIB >= 1 ? join(root, 'bench') : WORK);
const S3_DIR = process.env.CEPH_S3_DIR ?? '/tmp/lifeboat-bench-s3';
const MON_PORT = process.env.CEPH_MON_PORT ?? '3391';
const RGW_PORT = process.env.CEPH_RGW_PORT ?? '7491';
const TLS = process.env.LIFEBOAT_BENCH_TLS === '1';
const SSL_PORT = process.env.CEPH_RGW_SSL_PORT ?? String(Number(RGW_PORT) + 1);
/** The bench's own client (creating and emptying buckets, not measured): plain http always. */
const ADMIN_ENDPOINT = `http://127.0.0.1:${RGW_PORT}`;
/** The CA file of the Ceph's TLS port, made by scripts/s3-server.sh at start. */
const CA_FILE = join(S3_DIR, 'tls/cert.pem');
/** The store every measured row talks to. */
const ENDPOINT = TLS ? `https://127.0.0.1:${SSL_PORT}` : ADMIN_ENDPOINT;
const AK = 'LIFEBOATTESTKEY';
const SK = 'LifeboatTestSecret0123456789';
const MIB = 1024 * 1024;
const CEPH_ENV = {
  ...process.env,
  CEPH_S3_DIR: S3_DIR,
  CEPH_MON_PORT: MON_PORT,
  CEPH_RGW_PORT: RGW_PORT,
  CEPH_OBJECTSTORE: 'bluestore',
  ...(TLS ? { CEPH_RGW_SSL_PORT: SSL_PORT } : {}),
};
const S3_ENV = {
  AWS_ACCESS_KEY_ID: AK,
  AWS_SECRET_ACCESS_KEY: SK,
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  // the aws CLI's flexible checksums send aws-chunked bodies, which RGW answers with 411
  AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
  AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
  // over https: the bundles (node) and the aws CLI trust the Ceph's self-signed certificate
  ...(TLS ? { NODE_EXTRA_CA_CERTS: CA_FILE, AWS_CA_BUNDLE: CA_FILE } : {}),
};
/** restic (0.14 reads no CA file from the environment) with the Ceph's certificate over https. */
const RESTIC = TLS ? ['restic', '--cacert', CA_FILE] : ['restic'];
const B_LIFEBOAT = 'bench-lifeboat';
// the bundles are copied once at start: dist/ in a shared working tree may be rebuilt meanwhile
const DIST = join(WORK, 'dist');
const B_SHELL = 'bench-shell';
const B_RESTIC = 'bench-restic';

const log = (m: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
const sh = (cmd: string, env: NodeJS.ProcessEnv = process.env) =>
  execFileSync('bash', ['-c', cmd], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

// ---------------------------------------------------------------- measurement
interface Measure {
  wall_s: number;
  cpu_s: number;
  /** /usr/bin/time %M: the largest single process of the tree (ru_maxrss of the waited children). */
  max_rss_mib: number;
  /** Sampled every 100 ms: the sum of RSS over the whole process tree at its peak. */
  tree_rss_mib: number;
  /** Sampled VmHWM of the measured process itself (the bundle's node process). */
  main_rss_mib: number;
  /** Sampled peak of the bytes on disk under the watched temporary directories. */
  temp_disk_mib: number;
  stdout: string;
  /** The last 20,000 characters of stderr (bench/phase-timer.mjs writes its line there at exit). */
  stderr: string;
}

function procTable(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(d));
      children.set(ppid, list);
    } catch {
      /* gone */
    }
  }
  return children;
}

function treeRss(rootPid: number): { sum: number; mainHwm: number } {
  const children = procTable();
  let sum = 0;
  let mainHwm = 0;
  const first = children.get(rootPid) ?? [];
  const stack = [...first];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      sum += rss;
      if (first.includes(pid))
        mainHwm = Math.max(mainHwm, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      /* gone */
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { sum, mainHwm };
}

function diskUsage(path: string): number {
  let total = 0;
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return 0;
  }
  total += st.blocks * 512;
  if (st.isDirectory()) for (const e of readdirSync(path)) total += diskUsage(join(path, e));
  return total;
}

async function measure(
  argv: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; watchDirs?: string[] } = {},
): Promise<Measure> {
  const timeFile = join(WORK, `time-${process.pid}.txt`);
  const child = spawn('/usr/bin/time', ['-f', '%e %M %U %S', '-o', timeFile, '--', ...argv], {
    env: opts.env ?? process.env,
    cwd: opts.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-20000)));
  const t0 = performance.now();
  let treePeak = 0;
  let mainPeak = 0;
  let diskPeak = 0;
  const sample = () => {
    const r = treeRss(child.pid!);
    treePeak = Math.max(treePeak, r.sum);
    mainPeak = Math.max(mainPeak, r.mainHwm);
    for (const d of opts.watchDirs ?? []) diskPeak = Math.max(diskPeak, diskUsage(d));
  };
  const timer = setInterval(sample, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  const wall = (performance.now() - t0) / 1000;
  clearInterval(timer);
  for (const d of opts.watchDirs ?? []) diskPeak = Math.max(diskPeak, diskUsage(d));
  if (code !== 0)
    throw new Error(
      `${argv.join(' ').slice(0, 300)} exited ${code}\n${stderr.slice(-4000)}\n${stdout.slice(-4000)}`,
    );
  const [, maxrssKb, user, sys] = readFileSync(timeFile, 'utf8')
    .trim()
    .split('\n')
    .pop()!
    .split(' ')
    .map(Number);
  return {
    wall_s: rnd(wall, 2),
    cpu_s: rnd(user! + sys!, 2),
    max_rss_mib: rnd(maxrssKb! / 1024, 1),
    tree_rss_mib: rnd(treePeak / MIB, 1),
    main_rss_mib: rnd(mainPeak / MIB, 1),
    temp_disk_mib: rnd(diskPeak / MIB, 2),
    stdout,
    stderr,
  };
}

/** `aws s3 cp` of a local file, as the runbook uploads its archive. */
const awsPut = (file: string, url: string) => [
  'aws',
  's3',
  'cp',
  '--only-show-errors',
  '--endpoint-url',
  ENDPOINT,
  file,
  url,
];

const rnd = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const bashPipe = (cmd: string) => ['bash', '-c', `set -euo pipefail; ${cmd}`];

// ---------------------------------------------------------------- lifeboat bundles
function actionDefaults(name: string): Record<string, string> {
  const doc = parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, { default?: unknown }>;
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc.inputs ?? {}))
    if (v?.default !== undefined && !String(v.default).includes('${{')) out[k] = String(v.default);
  return out;
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h = line.indexOf('<<');
    const eq = line.indexOf('=');
    if (h > 0 && (eq < 0 || h < eq)) {
      const key = line.slice(0, h);
      const delim = line.slice(h + 2);
      const v: string[] = [];
      while (++i < lines.length && lines[i] !== delim) v.push(lines[i]!);
      out[key] = v.join('\n');
    } else if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

let runSeq = 0;
async function runBundle(
  name: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
) {
  const dir = join(WORK, `run-${++runSeq}`);
  const temp = join(dir, 'runner_temp');
  const home = join(dir, 'home');
  const tmp = join(dir, 'tmp');
  for (const d of [temp, home, tmp]) mkdirSync(d, { recursive: true });
  const outFile = join(dir, 'github_output');
  writeFileSync(outFile, '');
  writeFileSync(join(dir, 'step_summary'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: `${join(root, 'test/standins/bin')}:${process.env.PATH}`,
    HOME: home,
    TMPDIR: tmp,
    LANG: 'C.UTF-8',
    GITHUB_OUTPUT: outFile,
    GITHUB_STEP_SUMMARY: join(dir, 'step_summary'),
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: temp,
    ...S3_ENV,
    ...extraEnv,
  };
  const all = { ...actionDefaults(name), endpoint: ENDPOINT, 'force-path-style': 'true', ...inputs };
  for (const [k, v] of Object.entries(all)) env[`INPUT_${k.toUpperCase()}`] = v;
  // the node24 runtime: everything written outside the holding dir lands under runner_temp, HOME or TMPDIR
  const m = await measure([NODE24, join(DIST, name, 'index.js')], { env, watchDirs: [temp, home, tmp] });
  const outputs = parseOutputs(readFileSync(outFile, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  return { m, outputs };
}

const flyEnv = (volume: string) => ({
  FLY_API_TOKEN: 'fo1_bench_standin_token',
  FLY_STANDIN_APP: 'bench-app',
  FLY_STANDIN_VOLUME: volume,
  FLY_STANDIN_REMOTE_PATH: '/data',
});

// ---------------------------------------------------------------- S3
const s3 = new S3Client({
  region: 'us-east-1',
  endpoint: ADMIN_ENDPOINT,
  forcePathStyle: true,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
  credentials: { accessKeyId: AK, secretAccessKey: SK },
});

/** Whether the process whose pid a file holds is alive (false when there is no such file). */
function pidFileAlive(file: string): number | false {
  if (!existsSync(file)) return false;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return false;
  }
}

/** Whether the RGW of the benchmark's own Ceph (scripts/s3-server.sh, CEPH_S3_DIR) is running. */
const ownCephAlive = () => pidFileAlive(join(S3_DIR, 'run', 'client.rgw.a.pid')) !== false;

/**
 * One benchmark run per RGW port at a time (two runs would empty each other's buckets mid-round
 * and the first to finish would stop the other's Ceph). The lock names the holder's pid; a lock
 * left by a run that was killed names a dead pid and is taken over. Removed when the run ends.
 */
const LOCK = `/tmp/lifeboat-bench-${RGW_PORT}.lock`;
function takeBenchLock(): void {
  const holder = pidFileAlive(LOCK);
  if (holder !== false && holder !== process.pid) {
    throw new Error(
      `another benchmark run (pid ${holder}) is using port ${RGW_PORT} (${LOCK}): wait for it, or give this run ` +
        'its own CEPH_S3_DIR, CEPH_MON_PORT and CEPH_RGW_PORT.',
    );
  }
  writeFileSync(LOCK, `${process.pid}\n`);
}
const releaseBenchLock = () => {
  if (pidFileAlive(LOCK) === process.pid) rmSync(LOCK, { force: true });
};

async function ensureBucket(name: string) {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: name }));
  } catch (err) {
    if (!/BucketAlreadyOwnedByYou|BucketAlreadyExists/.test(String((err as Error).name))) throw err;
  }
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: 'Enabled' } }),
  );
}

async function emptyBucket(name: string) {
  for (;;) {
    const out = await s3.send(new ListObjectVersionsCommand({ Bucket: name, MaxKeys: 1000 }));
    const objs = [...(out.Versions ?? []), ...(out.DeleteMarkers ?? [])].map((v) => ({
      Key: v.Key!,
      VersionId: v.VersionId,
    }));
    if (objs.length === 0) break;
    await s3.send(new DeleteObjectsCommand({ Bucket: name, Delete: { Objects: objs, Quiet: true } }));
  }
}

/** Frees the bluestore space of deleted objects now (RGW's garbage collector waits hours by default). */
async function cleanStorage() {
  for (const b of [B_LIFEBOAT, B_SHELL, B_RESTIC]) await emptyBucket(b);
  try {
    sh(
      `timeout 120 radosgw-admin -c ${q(join(S3_DIR, 'ceph.conf'))} gc process --include-all >/dev/null 2>&1`,
    );
  } catch (err) {
    log(`gc process failed: ${String(err).slice(0, 200)}`);
  }
}

// ---------------------------------------------------------------- the pipelines
interface Run extends Omit<Measure, 'stdout' | 'stderr'> {
  pipeline: string;
  round: number;
  gib: number;
  bytes?: number;
  steps?: Record<string, Omit<Measure, 'stdout' | 'stderr'>>;
  /** Seconds of each phase of one process (bench/figures.ts, IndexCommandPhases). */
  phases?: Record<string, number>;
  note?: string;
}
const runs: Run[] = [];
const strip = ({ stdout: _s, stderr: _e, ...rest }: Measure) => rest;
function record(pipeline: string, round: number, gib: number, m: Measure, extra: Partial<Run> = {}) {
  const r: Run = { pipeline, round, gib, ...strip(m), ...extra };
  runs.push(r);
  log(
    `${pipeline.padEnd(28)} ${r.wall_s.toFixed(2).padStart(7)} s  rss ${String(r.max_rss_mib).padStart(6)} MiB  tree ${String(r.tree_rss_mib).padStart(6)} MiB  tmp ${r.temp_disk_mib} MiB${r.bytes ? `  ${(r.bytes / MIB).toFixed(1)} MiB` : ''}`,
  );
  return r;
}

const keys = (() => {
  const dir = join(WORK, 'age');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'key.txt');
  if (!existsSync(file)) sh(`age-keygen -o ${q(file)} 2>/dev/null`);
  const text = readFileSync(file, 'utf8');
  return {
    identity: /AGE-SECRET-KEY-1[0-9A-Z]+/.exec(text)![0],
    recipient: /public key: (age1[0-9a-z]+)/.exec(text)![1]!,
  };
})();

async function lifeboatBackup(
  name: string,
  round: number,
  gib: number,
  volume: string,
  target: string,
  extra: Record<string, string> = {},
  machineEnv: Record<string, string> = {},
) {
  const { m, outputs } = await runBundle(
    'fly-volume-backup',
    { app: 'bench-app', target, bucket: B_LIFEBOAT, ...extra },
    { ...flyEnv(volume), ...machineEnv },
  );
  if (outputs.status !== 'ok') throw new Error(`${name}: status ${outputs.status}`);
  const run = record(name, round, gib, m, {
    bytes: Number(outputs['size-bytes']),
    main_rss_mib: m.main_rss_mib,
  });
  return { run, outputs };
}

async function lifeboatVerify(
  name: string,
  round: number,
  gib: number,
  target: string,
  mode: string,
  extra: Record<string, string> = {},
) {
  const holding = join(WORK, 'holding');
  rmSync(holding, { recursive: true, force: true });
  const { m, outputs } = await runBundle('verify-restore', {
    target,
    bucket: B_LIFEBOAT,
    mode,
    ...(mode === 'extract' ? { 'holding-dir': holding } : {}),
    ...extra,
  });
  if (outputs.verified !== 'true') throw new Error(`${name}: verified=${outputs.verified}`);
  const holdingMib = mode === 'extract' ? rnd(diskUsage(holding) / MIB, 1) : 0;
  rmSync(holding, { recursive: true, force: true });
  return record(name, round, gib, m, {
    bytes: Number(outputs.bytes),
    note: mode === 'extract' ? `holding dir ${holdingMib} MiB (the restore itself)` : undefined,
  });
}

// ---------------------------------------------------------------- the slim Fly machine
/** The stand-in's environment on the slim machine (bench/slim-machine.ts). */
function slimEnv(vol: string, tmp: string): Record<string, string> {
  return { ...flyEnv(vol), ...slimMachineEnv(), TMPDIR: tmp };
}

const flyctlShell = (command: string) => `flyctl ssh console -q -a bench-app -C ${q(`sh -c ${q(command)}`)}`;

function slimUnits(vol: string, gib: number, round: number): Array<[string, () => Promise<void>]> {
  const tmp = join(WORK, 'slim-tmp');
  const machineTmp = join(WORK, 'slim-machine-tmp');
  const runnerTmp = join(WORK, 'slim-runner-tmp');
  const fresh = () => {
    for (const d of [tmp, machineTmp, runnerTmp]) {
      rmSync(d, { recursive: true, force: true });
      mkdirSync(d, { recursive: true });
    }
  };
  const shellEnv = () => ({
    ...process.env,
    ...S3_ENV,
    ...slimEnv(vol, tmp),
    PATH: `${join(root, 'test/standins/bin')}:${process.env.PATH}`,
  });
  const upload = (key: string) =>
    `aws s3 cp --only-show-errors --endpoint-url ${ENDPOINT} - s3://${B_SHELL}/slim/${key}`;
  return [
    [
      'slim lifeboat',
      () =>
        onSlimMachine(async () => {
          fresh();
          const { outputs } = await lifeboatBackup(
            'S.slim backup auto',
            round,
            gib,
            vol,
            'bench-slim',
            {},
            slimEnv(vol, tmp),
          );
          runs[runs.length - 1]!.note = `stored ${outputs['archive-key']}`;
        }),
    ],
    [
      'slim runbook',
      () =>
        onSlimMachine(async () => {
          fresh();
          const a = join(machineTmp, 'backup.tar.gz');
          const b = join(runnerTmp, 'backup.tar.gz');
          const env = shellEnv();
          const s1 = await measure(bashPipe(flyctlShell(`tar czf ${q(a)} -C /data .`)), { env });
          const s2 = await measure(bashPipe(`${flyctlShell(`cat ${q(a)}`)} > ${q(b)}`), { env });
          const s3m = await measure(awsPut(b, `s3://${B_SHELL}/slim/runbook.tar.gz`), { env });
          const size = statSync(b).size;
          record('S.slim runbook (tar czf, copy, aws s3 cp)', round, gib, sumSteps([s1, s2, s3m], 0), {
            bytes: size,
            steps: { 'tar czf': strip(s1), 'copy over the link': strip(s2), 'aws s3 cp': strip(s3m) },
          });
          fresh();
        }),
    ],
    [
      'slim shell',
      () =>
        onSlimMachine(async () => {
          fresh();
          const env = shellEnv();
          const shells: Array<[string, string]> = [
            [
              'S.slim shell tar|gzip -1 (machine)|aws',
              `${flyctlShell('tar -cf - -C /data . | gzip -1 -c')} | ${upload('a.tar.gz')}`,
            ],
            [
              'S.slim shell tar|gzip -6 (machine)|aws',
              `${flyctlShell('tar -cf - -C /data . | gzip -6 -c')} | ${upload('b.tar.gz')}`,
            ],
            [
              'S.slim shell tar (wire)|zstd -3 (runner)|aws',
              `${flyctlShell('tar -cf - -C /data .')} | zstd -3 -q -c -T0 | ${upload('c.tar.zst')}`,
            ],
          ];
          for (const [name, cmd] of shells) record(name, round, gib, await measure(bashPipe(cmd), { env }));
        }),
    ],
  ];
}

/** One row of several steps run one after another. */
function sumSteps(steps: Measure[], disk: number): Measure {
  return {
    wall_s: rnd(steps.reduce((t, x) => t + x.wall_s, 0)),
    cpu_s: rnd(steps.reduce((t, x) => t + x.cpu_s, 0)),
    max_rss_mib: Math.max(...steps.map((x) => x.max_rss_mib)),
    tree_rss_mib: Math.max(...steps.map((x) => x.tree_rss_mib)),
    main_rss_mib: Math.max(...steps.map((x) => x.main_rss_mib)),
    temp_disk_mib: rnd(disk, 1),
    stdout: '',
    stderr: '',
  };
}

// ---------------------------------------------------------------- many small files
/**
 * The restore of a volume of many small files (bench/fixture.mjs many): `lifeboat restore --to`
 * (the CLI bundle: download, sha256, zstd, the safe extractor, then the move into place) against
 * the same archive object downloaded by the aws CLI into `tar --zstd -x`. The backup is taken
 * again each round (storage is emptied between rounds) and recorded as its own row.
 */
function manyUnits(
  many: { dir: string; files: number },
  gib: number,
  round: number,
): Array<[string, () => Promise<void>]> {
  return [
    [
      'many files',
      async () => {
        const { outputs } = await lifeboatBackup(
          'G.backup many files (zstd)',
          round,
          gib,
          many.dir,
          'bench-many',
        );
        const key = outputs['archive-key']!;
        const env = { ...process.env, ...S3_ENV };
        const lifeboat = async () => {
          const to = join(RESTORE_ROOT, 'lifeboat');
          const m = await measure(
            [
              NODE24,
              join(DIST, 'cli', 'index.js'),
              'restore',
              '--bucket',
              B_LIFEBOAT,
              '--target',
              'bench-many',
              '--to',
              to,
              '--endpoint',
              ENDPOINT,
              '--force-path-style',
            ],
            { env },
          );
          record('G.restore --to many files', round, gib, m, {
            note: `${Math.round(many.files / m.wall_s)} files/s`,
          });
          rmSync(to, { recursive: true, force: true });
        };
        const tar = async () => {
          const to = join(RESTORE_ROOT, 'tar');
          mkdirSync(to, { recursive: true });
          const m = await measure(
            bashPipe(
              `aws s3 cp --only-show-errors --endpoint-url ${ENDPOINT} s3://${B_LIFEBOAT}/${key} - | tar --zstd -xf - -C ${q(to)}`,
            ),
            { env },
          );
          record('G.aws s3 cp|tar -x many files', round, gib, m, {
            note: `${Math.round(many.files / m.wall_s)} files/s`,
          });
          rmSync(to, { recursive: true, force: true });
        };
        rmSync(RESTORE_ROOT, { recursive: true, force: true });
        mkdirSync(RESTORE_ROOT, { recursive: true });
        // alternate which goes first: the second meets a warmer page cache of the store
        for (const step of round % 2 ? [lifeboat, tar] : [tar, lifeboat]) await step();
        rmSync(RESTORE_ROOT, { recursive: true, force: true });
      },
    ],
  ];
}

/**
 * The snapshot index (issue 17): the same first backup with the index and without it
 * (LIFEBOAT_BENCH_NO_INDEX=1, read by the engine's options and set by nothing else), then a second
 * backup after 1% of the files changed (its change report reads both indexes), then `lifeboat ls`
 * and `lifeboat diff` of that 20k-file snapshot through the CLI bundle: each a whole process (Node
 * start, the index GET from the local Ceph, the listing or the comparison, the output), started
 * with bench/phase-timer.mjs preloaded, whose line at exit splits the process into its phases
 * (bench/figures.ts): the part after the index arrived is its own figure.
 */
function indexUnits(vol: string, gib: number, round: number): Array<[string, () => Promise<void>]> {
  const cli = (args: string[]) =>
    measure(
      [
        NODE24,
        '--import',
        join(root, 'bench/phase-timer.mjs'),
        join(DIST, 'cli', 'index.js'),
        ...args,
        '--bucket',
        B_LIFEBOAT,
        '--target',
        'bench-index',
        '--endpoint',
        ENDPOINT,
        '--force-path-style',
      ],
      { env: { ...process.env, ...S3_ENV } },
    );
  return [
    [
      'index',
      async () => {
        const withIndex = () => lifeboatBackup('I.backup with index', round, gib, vol, 'bench-index');
        const without = () =>
          lifeboatBackup(
            'I.backup without index',
            round,
            gib,
            vol,
            'bench-noindex',
            {},
            {
              LIFEBOAT_BENCH_NO_INDEX: '1',
            },
          );
        // alternate which goes first: the second meets a warmer page cache
        for (const step of round % 2 ? [withIndex, without] : [without, withIndex]) await step();
        const fixture = join(root, 'bench/fixture.mjs');
        sh(`node ${q(fixture)} ${q(vol)} ${gib} mutate`);
        try {
          await new Promise((r) => setTimeout(r, 1100)); // the next snapshot id is the next second
          await lifeboatBackup('I.backup with index, 1% changed', round, gib, vol, 'bench-index');
        } finally {
          sh(`node ${q(fixture)} ${q(vol)} ${gib} unmutate`);
        }
        const phasesOf = (m: Measure) => {
          const p = parsePhases(m.stderr);
          if (!p) throw new Error(`no phase-timer line in the stderr of the CLI:\n${m.stderr.slice(-2000)}`);
          return { ...indexCommandPhases(p) };
        };
        const ls = await cli(['ls', '--json']);
        const entries = (JSON.parse(ls.stdout) as { entries: unknown[] }).entries.length;
        record('I.ls of the snapshot', round, gib, ls, { note: `${entries} entries`, phases: phasesOf(ls) });
        const diff = await cli(['diff']);
        record('I.diff of the two snapshots', round, gib, diff, {
          note: diff.stdout.trim().split('\n').at(-1),
          phases: phasesOf(diff),
        });
      },
    ],
  ];
}

function units(
  vol: string,
  gib: number,
  round: number,
  ready: { zst: string; gz: string },
): Array<[string, () => Promise<void>]> {
  const machineTmp = join(WORK, 'machine-tmp');
  const runnerTmp = join(WORK, 'runner-tmp');
  return [
    [
      'lifeboat zstd',
      async () => {
        await lifeboatBackup('A.backup default (zstd)', round, gib, vol, 'bench-zstd');
        await lifeboatVerify('F.verify stream', round, gib, 'bench-zstd', 'stream');
        await lifeboatVerify('F.verify extract', round, gib, 'bench-zstd', 'extract');
      },
    ],
    [
      'lifeboat gzip',
      async () => {
        await lifeboatBackup('A.backup gzip', round, gib, vol, 'bench-gzip', { compression: 'gzip' });
      },
    ],
    [
      'lifeboat encrypted',
      async () => {
        await lifeboatBackup('A.backup default + age', round, gib, vol, 'bench-age', {
          'encryption-recipients': keys.recipient,
        });
        await lifeboatVerify('F.verify stream + age', round, gib, 'bench-age', 'stream', {
          'decryption-identity': keys.identity,
        });
      },
    ],
    [
      'lifeboat none',
      async () => {
        await lifeboatBackup('A.backup none (plain tar)', round, gib, vol, 'bench-none', {
          compression: 'none',
        });
      },
    ],
    [
      'runbook',
      async () => {
        for (const d of [machineTmp, runnerTmp]) {
          rmSync(d, { recursive: true, force: true });
          mkdirSync(d, { recursive: true });
        }
        const a = join(machineTmp, 'backup.tar.gz');
        const b = join(runnerTmp, 'backup.tar.gz');
        const s1 = await measure(['tar', 'czf', a, '-C', vol, '.']);
        const s2 = await measure(['cp', a, b]);
        const s3m = await measure(awsPut(b, `s3://${B_SHELL}/runbook/backup.tar.gz`), {
          env: { ...process.env, ...S3_ENV },
        });
        const size = statSync(a).size;
        const disk = (diskUsage(a) + diskUsage(b)) / MIB;
        rmSync(machineTmp, { recursive: true, force: true });
        rmSync(runnerTmp, { recursive: true, force: true });
        const total: Measure = {
          wall_s: rnd(s1.wall_s + s2.wall_s + s3m.wall_s),
          cpu_s: rnd(s1.cpu_s + s2.cpu_s + s3m.cpu_s),
          max_rss_mib: Math.max(s1.max_rss_mib, s2.max_rss_mib, s3m.max_rss_mib),
          tree_rss_mib: Math.max(s1.tree_rss_mib, s2.tree_rss_mib, s3m.tree_rss_mib),
          main_rss_mib: Math.max(s1.main_rss_mib, s2.main_rss_mib, s3m.main_rss_mib),
          temp_disk_mib: rnd(disk, 1),
          stdout: '',
          stderr: '',
        };
        record('B.runbook (tar czf, cp, aws s3 cp)', round, gib, total, {
          bytes: size,
          steps: { 'tar czf': strip(s1), 'cp (sftp get)': strip(s2), 'aws s3 cp': strip(s3m) },
          note: 'temp disk = the archive on the machine + its copy on the runner',
        });
      },
    ],
    [
      'shell zstd',
      async () => {
        const m = await measure(
          bashPipe(
            `tar -cf - -C ${q(vol)} . | zstd -3 -q -c -T0 | aws s3 cp --only-show-errors --endpoint-url ${ENDPOINT} - s3://${B_SHELL}/shell/archive.tar.zst`,
          ),
          { env: { ...process.env, ...S3_ENV } },
        );
        record('C.shell tar|zstd|aws', round, gib, m);
        // the same pipe as a team would run it against a Fly machine: through flyctl (the stand-in)
        const viaFly = await measure(
          bashPipe(
            `flyctl ssh console -q -a bench-app -C ${q(`sh -c 'tar -cf - -C /data . | zstd -3 -q -c -T0'`)} | aws s3 cp --only-show-errors --endpoint-url ${ENDPOINT} - s3://${B_SHELL}/shell/archive-via-flyctl.tar.zst`,
          ),
          {
            env: {
              ...process.env,
              ...S3_ENV,
              ...flyEnv(vol),
              PATH: `${join(root, 'test/standins/bin')}:${process.env.PATH}`,
            },
          },
        );
        record('C.shell flyctl|aws (zstd)', round, gib, viaFly, {
          note: 'the shell pipe through the flyctl stand-in, as lifeboat is measured',
        });
      },
    ],
    [
      'shell gzip',
      async () => {
        const m = await measure(
          bashPipe(
            `tar -cf - -C ${q(vol)} . | gzip -6 -c | aws s3 cp --only-show-errors --endpoint-url ${ENDPOINT} - s3://${B_SHELL}/shell/archive.tar.gz`,
          ),
          { env: { ...process.env, ...S3_ENV } },
        );
        record('C.shell tar|gzip|aws', round, gib, m);
      },
    ],
    [
      'floors',
      async () => {
        const env = { ...process.env, ...S3_ENV };
        record(
          'E.floor tar|cat',
          round,
          gib,
          await measure(bashPipe(`tar -cf - -C ${q(vol)} . | cat > /dev/null`)),
        );
        record(
          'E.floor tar|zstd -3 -T0|cat',
          round,
          gib,
          await measure(bashPipe(`tar -cf - -C ${q(vol)} . | zstd -3 -q -c -T0 | cat > /dev/null`)),
        );
        record(
          'E.floor tar|zstd -3 -T1|cat',
          round,
          gib,
          await measure(bashPipe(`tar -cf - -C ${q(vol)} . | zstd -3 -q -c -T1 | cat > /dev/null`)),
          { note: 'one core, as on a shared-cpu-1x machine' },
        );
        record(
          'E.floor tar|gzip -6|cat',
          round,
          gib,
          await measure(bashPipe(`tar -cf - -C ${q(vol)} . | gzip -6 -c | cat > /dev/null`)),
        );
        const nz = await measure(
          bashPipe(`tar -cf - -C ${q(vol)} . | ${q(NODE24)} ${q(join(root, 'bench/zstd-runner.mjs'))}`),
        );
        record('E.runner-side node zlib zstd -3', round, gib, nz, {
          bytes: Number(nz.stdout.trim()),
          note: 'plain tar compressed on the runner by Node 24 zlib, in 1 MiB writes as the product',
        });
        const up = await measure(awsPut(ready.zst, `s3://${B_SHELL}/floor/ready.tar.zst`), { env });
        record('E.floor aws s3 cp (ready .zst)', round, gib, up, { bytes: statSync(ready.zst).size });
        const down = await measure(
          bashPipe(
            `aws s3 cp --only-show-errors --endpoint-url ${ENDPOINT} s3://${B_SHELL}/floor/ready.tar.zst - | sha256sum`,
          ),
          { env },
        );
        record('E.floor download|sha256sum', round, gib, down);
        record('E.floor zstd -t', round, gib, await measure(['zstd', '-t', '-q', ready.zst]));
        record('E.floor gzip -t', round, gib, await measure(['gzip', '-t', ready.gz]));
      },
    ],
    [
      'restic',
      async () => {
        const cache = join(WORK, 'restic-cache');
        rmSync(cache, { recursive: true, force: true });
        const env = {
          ...process.env,
          ...S3_ENV,
          RESTIC_REPOSITORY: `s3:${ENDPOINT}/${B_RESTIC}/round-${round}-${gib}`,
          RESTIC_PASSWORD: 'bench',
          RESTIC_CACHE_DIR: cache,
        };
        sh(`${RESTIC.map(q).join(' ')} init --repository-version 2 -q`, env);
        const b1 = await measure([...RESTIC, 'backup', '-q', '--host', 'bench', '.'], {
          env,
          cwd: vol,
          watchDirs: [cache],
        });
        record('D.restic backup (first)', round, gib, b1);
        const ck = await measure([...RESTIC, 'check', '--read-data', '-q'], { env, watchDirs: [cache] });
        record('D.restic check --read-data', round, gib, ck);
        const changed = sh(`node ${q(join(root, 'bench/fixture.mjs'))} ${q(vol)} ${gib} mutate`);
        try {
          const b2 = await measure([...RESTIC, 'backup', '-q', '--host', 'bench', '.'], {
            env,
            cwd: vol,
            watchDirs: [cache],
          });
          record('D.restic backup (1% changed)', round, gib, b2, { note: `${changed} files changed` });
        } finally {
          sh(`node ${q(join(root, 'bench/fixture.mjs'))} ${q(vol)} ${gib} unmutate`);
        }
        rmSync(cache, { recursive: true, force: true });
      },
    ],
  ];
}

// ---------------------------------------------------------------- statistics and output
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
function summarize(gib: number) {
  const by = new Map<string, Run[]>();
  for (const r of runs.filter((x) => x.gib === gib)) by.set(r.pipeline, [...(by.get(r.pipeline) ?? []), r]);
  const rows = [...by.entries()].map(([pipeline, rs]) => ({
    pipeline,
    n: rs.length,
    median_s: rnd(median(rs.map((r) => r.wall_s))),
    min_s: Math.min(...rs.map((r) => r.wall_s)),
    max_s: Math.max(...rs.map((r) => r.wall_s)),
    cpu_s: rnd(median(rs.map((r) => r.cpu_s))),
    max_rss_mib: Math.max(...rs.map((r) => r.max_rss_mib)),
    main_rss_mib: Math.max(...rs.map((r) => r.main_rss_mib)),
    tree_rss_mib: Math.max(...rs.map((r) => r.tree_rss_mib)),
    temp_disk_mib: Math.max(...rs.map((r) => r.temp_disk_mib)),
    bytes: rs[0]!.bytes,
    steps: rs[0]!.steps
      ? Object.fromEntries(
          Object.keys(rs[0]!.steps).map((k) => [k, rnd(median(rs.map((r) => r.steps![k]!.wall_s)))]),
        )
      : rs[0]!.phases
        ? Object.fromEntries(
            Object.keys(rs[0]!.phases).map((k) => [k, rnd(median(rs.map((r) => r.phases![k]!)), 3)]),
          )
        : undefined,
  }));
  rows.sort((a, b) => a.pipeline.localeCompare(b.pipeline));
  return rows;
}

function table(rows: ReturnType<typeof summarize>): string {
  const head =
    '| pipeline | runs | median s | min–max s | CPU s | peak RSS MiB (largest process / tree sum) | temp disk MiB | stored MiB |';
  const sep = '|---|---:|---:|---:|---:|---:|---:|---:|';
  const lines = rows.map(
    (r) =>
      `| ${r.pipeline}${
        r.steps
          ? ` (${Object.entries(r.steps)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')})`
          : ''
      } | ${r.n} | ${r.median_s.toFixed(2)} | ${r.min_s.toFixed(2)}–${r.max_s.toFixed(2)} | ${r.cpu_s.toFixed(1)} | ${r.max_rss_mib.toFixed(0)} / ${r.tree_rss_mib.toFixed(0)} | ${r.temp_disk_mib.toFixed(r.temp_disk_mib >= 10 ? 0 : 2)} | ${r.bytes ? (r.bytes / MIB).toFixed(1) : ''} |`,
  );
  return [head, sep, ...lines].join('\n');
}

function machine() {
  const tryv = (c: string) => {
    try {
      return sh(c);
    } catch {
      return 'n/a';
    }
  };
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory_gib: rnd(totalmem() / 1024 ** 3, 1),
    kernel: release(),
    node: tryv(`${q(NODE24)} --version`),
    tar: tryv('tar --version | head -1'),
    zstd: tryv('zstd --version'),
    gzip: tryv('gzip --version | head -1'),
    aws: tryv('aws --version 2>&1'),
    restic: tryv('restic version'),
    age: tryv('age --version'),
    ceph: tryv('radosgw --version 2>/dev/null | head -1 || ceph --version'),
    storage: `local Ceph RGW (single OSD, bluestore on a 10 GiB file), same machine, over ${TLS ? 'https' : 'http'}`,
    disk: tryv(`df -h ${q(WORK)} | tail -1`),
  };
}

// ---------------------------------------------------------------- main
async function main() {
  const loadStart = loadavg().map((x) => rnd(x, 2));
  mkdirSync(WORK, { recursive: true });
  rmSync(DIST, { recursive: true, force: true });
  for (const n of ['fly-volume-backup', 'verify-restore', 'cli'])
    cpSync(join(root, 'dist', n), join(DIST, n), { recursive: true });
  takeBenchLock();
  process.once('exit', releaseBenchLock);
  const startedCeph = !(await fetch(ADMIN_ENDPOINT).then(
    () => true,
    () => false,
  ));
  // A server already answering is reused only when it is this benchmark's own Ceph (its RGW's pid
  // file in CEPH_S3_DIR names a live process): a second bench run on the same ports would
  // otherwise empty and fill the first run's buckets in the middle of its measurements.
  if (!startedCeph && !ownCephAlive()) {
    throw new Error(
      `${ADMIN_ENDPOINT} already answers, but it is not the benchmark's Ceph in ${S3_DIR} (no live client.rgw.a pid file there): ` +
        'another benchmark run or S3 server holds the port. Wait for it, or give this run its own ' +
        'CEPH_S3_DIR, CEPH_MON_PORT and CEPH_RGW_PORT.',
    );
  }
  if (startedCeph) {
    log(`starting Ceph RGW (bluestore) in ${S3_DIR} on ${ADMIN_ENDPOINT}${TLS ? ` and ${ENDPOINT}` : ''}`);
    execFileSync('bash', [join(root, 'scripts/s3-server.sh'), 'start'], {
      env: CEPH_ENV,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  // a reused Ceph started without a TLS port has no certificate: the https rows could not run
  if (TLS && !existsSync(CA_FILE))
    throw new Error(
      `LIFEBOAT_BENCH_TLS=1, but the Ceph in ${S3_DIR} serves no TLS (no ${CA_FILE}): stop it (scripts/s3-server.sh stop) and run again.`,
    );
  try {
    for (const b of [B_LIFEBOAT, B_SHELL, B_RESTIC]) await ensureBucket(b);
    await cleanStorage();
    const vol = join(WORK, `vol-${GIB}`);
    const fixture = JSON.parse(sh(`node ${q(join(root, 'bench/fixture.mjs'))} ${q(vol)} ${GIB}`));
    log(`fixture ${vol}: ${fixture.files} files, ${(fixture.bytes / MIB).toFixed(0)} MiB`);
    // a restic round interrupted between mutate and unmutate would leave changed files behind
    sh(`node ${q(join(root, 'bench/fixture.mjs'))} ${q(vol)} ${GIB} unmutate`);
    const ready = { zst: join(WORK, `ready-${GIB}.tar.zst`), gz: join(WORK, `ready-${GIB}.tar.gz`) };
    if (!existsSync(ready.zst)) sh(`tar -cf - -C ${q(vol)} . | zstd -3 -q -c -T0 > ${q(ready.zst)}`);
    if (!existsSync(ready.gz)) sh(`tar -cf - -C ${q(vol)} . | gzip -6 -c > ${q(ready.gz)}`);
    const wanted = (name: string) => UNITS.length === 0 || UNITS.includes(name);
    const manyDir = join(WORK, `many-${MANY}`);
    const many = wanted('many files')
      ? {
          dir: manyDir,
          ...(JSON.parse(sh(`node ${q(join(root, 'bench/fixture.mjs'))} ${q(manyDir)} ${MANY} many`)) as {
            files: number;
            folders: number;
            bytes: number;
          }),
        }
      : null;
    if (many) log(`many-files fixture ${manyDir}: ${many.files} files in ${many.folders} folders`);

    for (let round_ = 1; round_ <= RUNS; round_++) {
      const list = [
        ...units(vol, GIB, round_, ready),
        ...slimUnits(vol, GIB, round_),
        ...(many ? manyUnits(many, GIB, round_) : []),
        ...indexUnits(vol, GIB, round_),
      ].filter(([name]) => wanted(name));
      const shift = (round_ - 1) % list.length; // rotate the order each round
      const ordered = [...list.slice(shift), ...list.slice(0, shift)];
      log(`round ${round_}/${RUNS}: ${ordered.map((u) => u[0]).join(', ')}`);
      for (const [, fn] of ordered) await fn();
      await cleanStorage();
    }

    let rss4: { backup?: Run; verify?: Run; fixture?: unknown } = {};
    if (RSS_GIB > 0) {
      const vol4 = join(WORK, `vol-${RSS_GIB}`);
      const f4 = JSON.parse(sh(`node ${q(join(root, 'bench/fixture.mjs'))} ${q(vol4)} ${RSS_GIB}`));
      log(`memory-growth fixture ${vol4}: ${f4.files} files, ${(f4.bytes / MIB).toFixed(0)} MiB`);
      rss4 = {
        fixture: f4,
        backup: (await lifeboatBackup('A.backup default (zstd)', 1, RSS_GIB, vol4, 'bench-big')).run,
        verify: await lifeboatVerify('F.verify stream', 1, RSS_GIB, 'bench-big', 'stream'),
      };
      await cleanStorage();
    }

    // ------------------------------------------------------------ ratios
    const rows = summarize(GIB);
    const med = (p: string) => rows.find((r) => r.pipeline === p)?.median_s ?? NaN;
    // a unit left out (LIFEBOAT_BENCH_UNITS) leaves its rows out: their ratios are null
    const none = { main_rss_mib: NaN, cpu_s: NaN, bytes: NaN, temp_disk_mib: NaN };
    const row = (p: string) => rows.find((r) => r.pipeline === p) ?? none;
    const phase = (p: string, k: string) => rows.find((r) => r.pipeline === p)?.steps?.[k] ?? NaN;
    const lifeboatRows = rows.filter((r) => /^[AFGIS]\.(backup|verify|restore|slim backup)/.test(r.pipeline));
    const lbRss = peakOf(lifeboatRows.map((r) => r.main_rss_mib));
    const backupRss1 = row('A.backup default (zstd)').main_rss_mib;
    const verifyRss1 = row('F.verify stream').main_rss_mib;
    const slimShells = rows.filter((r) => r.pipeline.startsWith('S.slim shell'));
    const bestSlimShell = slimShells.length ? Math.min(...slimShells.map((r) => r.median_s)) : NaN;
    const floorVerify = med('E.floor download|sha256sum') + med('E.floor zstd -t');
    const ratios = {
      backup_vs_runbook: rnd(med('A.backup default (zstd)') / med('B.runbook (tar czf, cp, aws s3 cp)'), 3),
      backup_vs_restic: rnd(med('A.backup default (zstd)') / med('D.restic backup (first)'), 3),
      backup_vs_shell: rnd(med('A.backup default (zstd)') / med('C.shell tar|zstd|aws'), 3),
      backup_vs_shell_via_flyctl: rnd(med('A.backup default (zstd)') / med('C.shell flyctl|aws (zstd)'), 3),
      backup_gzip_vs_shell_gzip: rnd(med('A.backup gzip') / med('C.shell tar|gzip|aws'), 3),
      verify_vs_floor: rnd(med('F.verify stream') / floorVerify, 3),
      verify_vs_restic_check: rnd(med('F.verify stream') / med('D.restic check --read-data'), 3),
      rss_growth_4g_vs_1g: rss4.backup
        ? rnd(Math.max(rss4.backup.main_rss_mib / backupRss1, rss4.verify!.main_rss_mib / verifyRss1), 3)
        : null,
      zstd_vs_gzip_time: rnd(med('A.backup default (zstd)') / med('A.backup gzip'), 3),
      zstd_vs_gzip_size: rnd(row('A.backup default (zstd)').bytes! / row('A.backup gzip').bytes!, 3),
      encryption_cost_backup: rnd(med('A.backup default + age') / med('A.backup default (zstd)'), 3),
      encryption_cost_verify: rnd(med('F.verify stream + age') / med('F.verify stream'), 3),
      remote_zstd_vs_runner_zstd_cpu: rnd(
        row('E.floor tar|zstd -3 -T0|cat').cpu_s / row('E.runner-side node zlib zstd -3').cpu_s,
        3,
      ),
      plain_tar_vs_zstd_bytes: rnd(
        row('A.backup none (plain tar)').bytes! / row('A.backup default (zstd)').bytes!,
        3,
      ),
      slim_backup_vs_runbook: rnd(
        med('S.slim backup auto') / med('S.slim runbook (tar czf, copy, aws s3 cp)'),
        3,
      ),
      slim_backup_vs_best_shell: rnd(med('S.slim backup auto') / bestSlimShell, 3),
      extract_many_vs_tar: rnd(med('G.restore --to many files') / med('G.aws s3 cp|tar -x many files'), 3),
      index_cost_backup: rnd(med('I.backup with index') / med('I.backup without index'), 3),
      ls_20k_s: rnd(med('I.ls of the snapshot'), 3),
      diff_20k_s: rnd(med('I.diff of the two snapshots'), 3),
      ls_20k_after_fetch_s: rnd(phase('I.ls of the snapshot', 'after_fetch_s'), 3),
      diff_20k_after_fetch_s: rnd(phase('I.diff of the two snapshots', 'after_fetch_s'), 3),
      ls_20k_after_fetch_cpu_s: rnd(phase('I.ls of the snapshot', 'after_fetch_cpu_s'), 3),
      diff_20k_after_fetch_cpu_s: rnd(phase('I.diff of the two snapshots', 'after_fetch_cpu_s'), 3),
    };
    for (const [k, v] of Object.entries(ratios))
      if (typeof v === 'number' && !Number.isFinite(v)) (ratios as Record<string, number | null>)[k] = null;
    const targets: Record<string, [string, (v: number) => boolean]> = {
      backup_vs_runbook: ['<= 0.3', (v) => v <= 0.3],
      backup_vs_restic: ['<= 0.8', (v) => v <= 0.8],
      backup_vs_shell: ['<= 1.0', (v) => v <= 1.0],
      verify_vs_floor: ['<= 1.2', (v) => v <= 1.2],
      verify_vs_restic_check: ['<= 1.5', (v) => v <= 1.5],
      rss_growth_4g_vs_1g: ['<= 1.2', (v) => v <= 1.2],
      zstd_vs_gzip_time: ['< 1', (v) => v < 1],
      zstd_vs_gzip_size: ['<= 1', (v) => v <= 1],
      slim_backup_vs_runbook: ['<= 0.5', (v) => v <= 0.5],
      slim_backup_vs_best_shell: ['<= 1.1', (v) => v <= 1.1],
      extract_many_vs_tar: ['<= 2.0', (v) => v <= 2.0],
      backup_vs_shell_via_flyctl: ['<= 1.0', (v) => v <= 1.0],
      index_cost_backup: ['<= 1.05', (v) => v <= 1.05],
      ls_20k_s: ['< 1 s', (v) => v < 1],
      diff_20k_s: ['< 1 s', (v) => v < 1],
      ls_20k_after_fetch_s: ['< 0.5 s', (v) => v < 0.5],
      diff_20k_after_fetch_s: ['< 0.5 s', (v) => v < 0.5],
    };
    const tempDisk = peakOf(
      rows.filter((r) => /^A\.|^F\.verify stream/.test(r.pipeline)).map((r) => r.temp_disk_mib),
    );
    const m = machine();
    const previousFile = join(OUT, 'results.json');
    const previous =
      UNITS.length > 0 && existsSync(previousFile)
        ? (JSON.parse(readFileSync(previousFile, 'utf8')) as {
            date: string;
            ratios: Record<string, unknown>;
          })
        : null;
    const results = {
      date: m.date,
      machine: m,
      units: UNITS.length > 0 ? UNITS : 'all',
      // the machine is shared: its load during the run, for reading the wall times
      load_average: { start: loadStart, end: loadavg().map((x) => rnd(x, 2)) },
      fixture,
      many_fixture: many,
      slim_machine: {
        cpu: SLIM_CPU,
        hog: 'a busy loop (sh) pinned to the same CPU',
        hidden_tools: ['zstd'],
        link_bytes_per_s: SLIM_RATE,
      },
      fixture_rss: rss4.fixture ?? null,
      gib: GIB,
      rounds: RUNS,
      ratios,
      peak_rss_mib: lbRss,
      peak_rss_mib_4g: rss4.backup ? Math.max(rss4.backup.main_rss_mib, rss4.verify!.main_rss_mib) : null,
      temp_disk_mib: tempDisk,
      runbook_temp_disk_mib: row('B.runbook (tar czf, cp, aws s3 cp)').temp_disk_mib,
      restic_cache_mib: peakOf(rows.filter((r) => r.pipeline.startsWith('D.')).map((r) => r.temp_disk_mib)),
      encryption_cost_backup: ratios.encryption_cost_backup,
      encryption_cost_verify: ratios.encryption_cost_verify,
      summary: rows,
      summary_rss: rss4.backup ? [rss4.backup, rss4.verify] : [],
      runs,
      // the units this run left out: their ratios as the earlier run measured them (not comparable)
      previous: previous ? { date: previous.date, ratios: previous.ratios } : null,
    };
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

    const ratioTable = [
      '| ratio | value | target | met |',
      '|---|---:|---|---|',
      ...Object.entries(ratios).map(([k, v]) => targetRow(k, v, targets[k])),
      targetRow(`peak_rss_mib (lifeboat node process, ${GIB} GiB)`, lbRss, ['<= 200', (v) => v <= 200]),
      targetRow('temp_disk_mib (lifeboat backup + stream verify)', tempDisk, ['0', (v) => v < 1]),
    ].join('\n');
    const mainTable = table(rows);
    process.stdout.write(`\n${mainTable}\n\n${ratioTable}\n`);
    if (rss4.backup)
      process.stdout.write(
        `\n${RSS_GIB} GiB: backup ${rss4.backup.wall_s} s, node RSS ${rss4.backup.main_rss_mib} MiB; verify stream ${rss4.verify!.wall_s} s, node RSS ${rss4.verify!.main_rss_mib} MiB\n`,
      );

    const notesFile = join(root, 'bench/NOTES.md');
    const md = [
      '# lifeboat benchmark results',
      '',
      `Generated by \`npm run bench\` (bench/bench.ts) on ${m.date.slice(0, 10)}. Raw data: results.json.`,
      '',
      '## Machine',
      '',
      ...Object.entries(m).map(([k, v]) => `- ${k}: ${v}`),
      '',
      '## Fixture',
      '',
      `- ${GIB} GiB volume: ${fixture.files} files, ${fixture.bytes} bytes (${fixture.small_files} small compressible files, ${fixture.small_bytes} bytes; ${fixture.large_files} large incompressible files, ${fixture.large_bytes} bytes)`,
      rss4.fixture
        ? `- ${RSS_GIB} GiB volume (memory growth): ${(rss4.fixture as { files: number }).files} files, ${(rss4.fixture as { bytes: number }).bytes} bytes`
        : '- memory-growth fixture: not run (LIFEBOAT_BENCH_RSS_GIB=0)',
      '',
      `## Pipelines (${RUNS} rounds, interleaved; order rotated each round)`,
      '',
      mainTable,
      '',
      'Peak RSS: "largest process" is /usr/bin/time\'s maximum resident set size (the largest single process of the pipeline or tree);',
      '"tree sum" is the peak of the summed RSS of every process of the tree, sampled every 100 ms. For lifeboat rows the',
      lifeboatRows.length
        ? `node process itself (sampled VmHWM) peaked at: ${lifeboatRows.map((r) => `${r.pipeline} ${r.main_rss_mib} MiB`).join('; ')}.`
        : 'node process itself (sampled VmHWM): no lifeboat row was run.',
      '',
      rss4.backup
        ? `Memory growth, ${RSS_GIB} GiB volume (one run): backup ${rss4.backup.wall_s} s, node RSS ${rss4.backup.main_rss_mib} MiB; stream verify ${rss4.verify!.wall_s} s, node RSS ${rss4.verify!.main_rss_mib} MiB.`
        : '',
      '',
      '## Ratios and targets (medians)',
      '',
      ratioTable,
      '',
      existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : '',
    ].join('\n');
    writeFileSync(join(OUT, 'RESULTS.md'), md);
    log(`wrote ${join(OUT, 'results.json')} and ${join(OUT, 'RESULTS.md')}`);
  } finally {
    if (startedCeph && !process.env.LIFEBOAT_BENCH_KEEP_S3) {
      execFileSync('bash', [join(root, 'scripts/s3-server.sh'), 'stop'], {
        env: CEPH_ENV,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
  }
}

await main();
