// A stand-in for flyctl that behaves as ../shared/FACTS.md documents flyctl 0.4.x, at the
// process level: the same arguments, stdout, stderr and exit codes. The "machine" is this host:
// the command runs in its own mount namespace where FLY_STANDIN_VOLUME is bind-mounted at
// FLY_STANDIN_REMOTE_PATH (default /data), so the fixture directory is the volume.
//
// Environment:
//   FLY_STANDIN_VERSION      version to report (default 0.4.87)
//   FLY_STANDIN_APP          the only app that exists (default: any)
//   FLY_STANDIN_MACHINES     comma-separated machine ids (default 148e123a0b4d89)
//   FLY_STANDIN_VOLUME       local directory shown as the volume
//   FLY_STANDIN_REMOTE_PATH  where the volume is mounted on the "machine" (default /data)
//   FLY_STANDIN_HIDE         comma-separated tools missing on the machine (e.g. zstd, sh, tar, du)
//   FLY_STANDIN_PATH         the machine's whole PATH (a folder of busybox applet links, say): the
//                            machine has exactly those tools (FLY_STANDIN_HIDE then does not apply)
//   FLY_STANDIN_MODE         ok | stopped | truncate:N | fail-mid:N | stall | stall-after:N | linger
//                            (stall-after:N: the first N bytes of stdout arrive, then the link
//                            hangs: the machine's output is no longer read, so its tar blocks, and
//                            the stand-in stays connected, sending nothing, until it is killed;
//                            linger: the whole stream arrives and stdout is closed, but the session
//                            does not end: the stand-in never exits until it is killed)
//   FLY_STANDIN_LOG          file that receives one JSON line per invocation (argv, pid, time)
//   FLY_STANDIN_TAR          exit2:N — the machine's `tar` is a wrapper that writes the first N
//                            bytes of the real tar's output, prints a fatal error and exits 2
//                            (what GNU tar does on a read error); for the fault suite
//   FLY_STANDIN_STATE        JSON file with volumes and snapshots (volumes commands)
//   FLY_STANDIN_CPUS         CPU list the machine's command runs on (taskset -c; the benchmark's
//                            slim machine: one CPU, shared with a hog)
//   FLY_STANDIN_RATE         bytes per second the machine-to-runner link carries (a throttle in
//                            the pipe; default unlimited)
import { spawn } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { split } from 'shlex';

const env = process.env;
const argv = process.argv.slice(2);
if (env.FLY_STANDIN_LOG) {
  appendFileSync(
    env.FLY_STANDIN_LOG,
    `${JSON.stringify({ argv, pid: process.pid, time: new Date().toISOString() })}\n`,
  );
}

function fail(message, code = 1) {
  process.stderr.write(`Error: ${message}\n`);
  process.exit(code);
}

function takeFlags(args, spec) {
  // spec: { '-a': 'app', '--app': 'app', '-q': true, ... }; returns { flags, rest }
  const flags = {};
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const kind = spec[name];
    if (kind === undefined) {
      if (a.startsWith('-') && a !== '-') fail(`unknown flag: ${name}`);
      rest.push(a);
    } else if (kind === true) {
      flags[name] = true;
    } else {
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined) fail(`flag needs an argument: ${name}`);
      flags[kind] = value;
    }
  }
  return { flags, rest };
}

const version = env.FLY_STANDIN_VERSION || '0.4.87';
const machines = (env.FLY_STANDIN_MACHINES || '148e123a0b4d89').split(',');

function needToken() {
  if (!env.FLY_API_TOKEN && !env.FLY_ACCESS_TOKEN) {
    fail("No access token available. Please login with 'flyctl auth login'");
  }
}

function checkApp(app) {
  if (!app)
    fail(
      'the config for your app is missing an app name, add an app field to the fly.toml file or specify with the -a flag',
    );
  if (env.FLY_STANDIN_APP && app !== env.FLY_STANDIN_APP)
    fail(`failed to get app: Could not find App "${app}"`);
}

function remotePathDir() {
  if (env.FLY_STANDIN_PATH) return env.FLY_STANDIN_PATH;
  const hide = (env.FLY_STANDIN_HIDE || '').split(',').filter(Boolean);
  const tarFault = /^exit2:(\d+)$/.exec(env.FLY_STANDIN_TAR || '');
  if (tarFault) hide.push('tar');
  if (hide.length === 0) return env.PATH;
  // a bin directory with the usual tools of a machine image, less the hidden ones
  const dir = mkdtempSync(join(tmpdir(), 'flyctl-standin-bin-'));
  // the machine's PATH lives as long as this flyctl: the test run leaves nothing in the temp dir
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const tools = [
    'sh',
    'dash',
    'bash',
    'tar',
    'gzip',
    'zstd',
    'cat',
    'printf',
    'echo',
    'env',
    'ls',
    'mkdir',
    'rm',
    'mv',
    'cp',
    'test',
    '[',
    'head',
    'tail',
    'wc',
    'true',
    'false',
    'sleep',
    'base64',
    'find',
    'stat',
    'chmod',
    'touch',
    'sync',
    'uname',
    'id',
    'date',
    'sqlite3',
    'mount',
    'readlink',
    'dirname',
    'basename',
    'sha256sum',
    'tr',
    'sed',
    'grep',
    'cut',
    'du',
    'awk',
  ];
  if (tarFault) {
    const realTar = ['/usr/bin/tar', '/bin/tar'].find((p) => existsSync(p));
    writeFileSync(
      join(dir, 'tar'),
      `#!/bin/sh\n${realTar} "$@" | head -c ${tarFault[1]}\necho "tar: ./app.db: Read error at byte 0, while reading 512 bytes: Input/output error" >&2\necho "tar: Exiting with failure status due to previous errors" >&2\nexit 2\n`,
      { mode: 0o755 },
    );
  }
  for (const t of tools) {
    if (hide.includes(t)) continue;
    for (const d of ['/usr/bin', '/bin', '/usr/sbin', '/sbin']) {
      if (existsSync(join(d, t))) {
        symlinkSync(join(d, t), join(dir, t));
        break;
      }
    }
  }
  return dir;
}

/** Whether `word` runs on a machine whose PATH is `path` (a word with a slash is a path). */
function onPath(word, path) {
  if (word.includes('/')) return existsSync(word);
  return path.split(':').some((d) => d && existsSync(join(d, word)));
}

function sshConsole(args) {
  const { flags } = takeFlags(args, {
    '-a': 'app',
    '--app': 'app',
    '-C': 'command',
    '--command': 'command',
    '--machine': 'machine',
    '-u': 'user',
    '--user': 'user',
    '-q': true,
    '--quiet': true,
    '-s': true,
    '--select': true,
    '--pty': true,
    '-t': 'token',
    '--access-token': 'token',
    '-r': 'region',
    '--region': 'region',
  });
  needToken();
  checkApp(flags.app);
  const mode = env.FLY_STANDIN_MODE || 'ok';
  if (mode === 'stopped') {
    fail(
      `app ${flags.app} has no started VMs.\nIt may be unhealthy or not have been deployed.\nTry the following command to verify:\n\nfly status`,
    );
  }
  if (flags.machine && !machines.includes(flags.machine))
    fail(`machine ${flags.machine} was not found in app '${flags.app}'`);
  if (!flags['-q'] && !flags['--quiet'])
    process.stderr.write(`Connecting to fdaa:0:1:a7b:1::2... complete\n`);
  if (flags.command === undefined) fail('the stand-in supports only non-interactive use (-C)');
  const words = split(flags.command);
  if (words.length === 0) fail('empty command');
  const remotePath = env.FLY_STANDIN_REMOTE_PATH || '/data';
  const childEnv = { PATH: remotePathDir(), HOME: '/root', LANG: 'C.UTF-8' };
  if (!onPath(words[0], childEnv.PATH)) {
    // The command word is not on the machine (`sh` on a distroless image). What Fly's SSH server
    // (hallpass, not public) answers then is not in flyctl's source: flyctl prints the
    // *ssh.ExitError of session.Run (ssh/io.go) as "ssh shell: Process exited with status N".
    // The stand-in answers as a POSIX shell does for a command it cannot find: status 127, no
    // output. lifeboat must not rely on more than "no output, status 127".
    fail('ssh shell: Process exited with status 127');
  }
  let cmd = words[0];
  let cmdArgs = words.slice(1);
  if (env.FLY_STANDIN_VOLUME) {
    // the namespace plumbing is the stand-in's own; the user's words are passed through "$@" untouched
    cmd = '/usr/bin/unshare';
    cmdArgs = [
      '--mount',
      '--propagation',
      'private',
      '--',
      '/bin/sh',
      '-c',
      '/bin/mkdir -p "$1" && /bin/mount --bind "$2" "$1" && shift 2 && exec "$@"',
      'standin-mount',
      remotePath,
      env.FLY_STANDIN_VOLUME,
      ...words,
    ];
  }
  if (env.FLY_STANDIN_CPUS) {
    cmdArgs = ['-c', env.FLY_STANDIN_CPUS, cmd, ...cmdArgs];
    cmd = '/usr/bin/taskset';
  }
  const child = spawn(cmd, cmdArgs, { env: childEnv, stdio: ['inherit', 'pipe', 'inherit'] });
  // the link's rate: after each chunk, wait until the link would have carried it
  const rate = Number(env.FLY_STANDIN_RATE || 0);
  const started = Date.now();
  const ahead = () => (rate > 0 ? (sent / rate) * 1000 - (Date.now() - started) : 0);
  /** Resumes the machine's output once the link has carried what was sent. */
  const resumeOnTime = () => {
    const wait = ahead();
    if (wait > 5) setTimeout(() => child.stdout.resume(), wait);
    else child.stdout.resume();
  };
  let limit = Infinity;
  let kind = 'ok';
  const m = /^(truncate|fail-mid):(\d+)$/.exec(mode);
  if (m) {
    kind = m[1];
    limit = Number(m[2]);
  }
  const stallAt = /^stall-after:(\d+)$/.exec(mode);
  const stallAfter = stallAt ? Number(stallAt[1]) : Infinity;
  let sent = 0;
  let cut = false;
  child.stdout.on('data', (chunk) => {
    if (cut) return;
    if (sent + chunk.length >= stallAfter) {
      process.stdout.write(chunk.subarray(0, stallAfter - sent));
      sent = stallAfter;
      cut = true;
      // a hung machine or a half-open link: nothing more is read or sent, and nothing ends
      child.stdout.pause();
      setInterval(() => undefined, 60_000);
      return;
    }
    if (mode === 'stall') {
      // the connection hangs: nothing more arrives until the process is killed
      cut = true;
      return;
    }
    if (sent + chunk.length >= limit) {
      process.stdout.write(chunk.subarray(0, limit - sent));
      sent = limit;
      cut = true;
      child.kill('SIGKILL');
      process.stdout.end(() => {
        if (kind === 'fail-mid')
          fail('ssh shell: wait: remote command exited without exit status or exit signal');
        process.exit(0); // truncate: like flyctl < 0.4.80, returns 0 before the stream was drained
      });
      return;
    }
    sent += chunk.length;
    if (!process.stdout.write(chunk)) {
      child.stdout.pause();
      process.stdout.once('drain', resumeOnTime);
    } else if (ahead() > 5) {
      child.stdout.pause();
      resumeOnTime();
    }
  });
  child.on('error', (err) => fail(`ssh shell: ${err.message}`));
  child.on('close', (code, signal) => {
    if (cut) return;
    if (mode === 'linger') {
      // stdout's descriptor itself is closed (end() leaves a pipe's open), the process stays
      process.stdout.end(() => closeSync(1));
      setInterval(() => undefined, 60_000);
      return;
    }
    process.stdout.end(() => {
      if (signal) fail(`ssh shell: Process exited with signal ${signal}`);
      if (code !== 0) fail(`ssh shell: Process exited with status ${code}`);
      process.exit(0);
    });
  });
  for (const sig of ['SIGTERM', 'SIGINT'])
    process.on(sig, () => {
      child.kill('SIGKILL');
      process.exit(130);
    });
}

// ---- volumes and their snapshots ------------------------------------------------------------
//
// The shapes are flyctl v0.4.87's (superfly/flyctl commit 3eb236fab6a9226928554243ba163e5fb13aa3a4),
// which pins superfly/fly-go v0.9.5 (commit c220c1ae5765c4e4e7b39c5736b47b8e69075ea9):
// - `fly volumes list -a APP --json` (internal/command/volumes/list.go): fly-go's `Volume` struct
//   (volume_types.go) in its field order; volumes in a destroyed state are left out unless --all
//   (fly-go flaps/flaps_volumes.go destroyedVolumeStates); no sorting.
// - `fly volumes snapshots list VOL -a APP --json` (internal/command/volumes/snapshots/list.go):
//   fly-go's `VolumeSnapshot` (id, size, volume_size, digest, created_at, status, retention_days),
//   sorted oldest first; an empty list is `[]`.
// - `fly volumes snapshots create VOL -a APP` (snapshots/create.go): prints
//   "Scheduled to snapshot volume VOL" on stdout and no snapshot id.
// - JSON as internal/render JSON writes it: Go's encoding/json with a 4-space indent, times in
//   RFC 3339 with the fraction's trailing zeros cut (time.Time MarshalJSON).
// - errors as flyctl prints them: "Error: " and the wrapped message on stderr, exit 1 (the
//   wrapping strings are flyctl's and fly-go's; the server's own words, such as "volume not
//   found" or "unauthorized", are the stand-in's guess).
// - How a snapshot looks while Fly takes it is not in those sources: flyctl shows "(pending)" for
//   an empty id (snapshots/list.go), its own test waits for status "created"
//   (test/preflight/fly_volume_test.go); here a new snapshot is listed with id "" and status
//   "pending" until it is created.
//
// FLY_STANDIN_STATE is a JSON file that holds, and keeps between invocations:
//   volumes: [{ id, name, ... }]       any field of `Volume` left out gets the default below
//   snapshots: { VOL: [{ ... }] }      any field of `VolumeSnapshot` left out gets a default
//   create: { pendingLists, finalStatus, error }   how `snapshots create` behaves: the new
//       snapshot is listed pending that many times (default 0), then ends in finalStatus (default
//       "created"); with error, create fails with that message instead.

const DESTROYED_STATES = [
  'scheduling_destroy',
  'fork_cleanup',
  'waiting_for_detach',
  'pending_destroy',
  'destroying',
];

function loadState() {
  const file = env.FLY_STANDIN_STATE;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  return {
    volumes: [{ id: 'vol_standin0001', name: 'data', attached_machine_id: machines[0] }],
    snapshots: {},
  };
}

function saveState(state) {
  if (env.FLY_STANDIN_STATE) writeFileSync(env.FLY_STANDIN_STATE, JSON.stringify(state, null, 2));
}

/** time.Time's MarshalJSON: RFC 3339 with nanoseconds, trailing zeros of the fraction cut. */
function goTime(value) {
  const iso = new Date(value ?? 0).toISOString();
  return iso.replace(/\.(\d*?)0*Z$/, (_, digits) => (digits ? `.${digits}Z` : 'Z'));
}

/** fly-go Volume, in its field order (host_status is omitempty). */
function volumeJson(v) {
  const out = {
    id: v.id,
    name: v.name ?? 'data',
    state: v.state ?? 'created',
    size_gb: v.size_gb ?? 1,
    region: v.region ?? 'ams',
    zone: v.zone ?? 'b6a7',
    encrypted: v.encrypted ?? true,
    attached_machine_id: v.attached_machine_id ?? null,
    attached_alloc_id: v.attached_alloc_id ?? null,
    created_at: goTime(v.created_at ?? '2026-01-05T09:12:44.521Z'),
    host_dedication_id: v.host_dedication_id ?? '',
    snapshot_retention: v.snapshot_retention ?? 5,
    auto_backup_enabled: v.auto_backup_enabled ?? true,
  };
  const hostStatus = v.host_status ?? 'ok';
  return hostStatus ? { ...out, host_status: hostStatus } : out;
}

/** fly-go VolumeSnapshot, in its field order. */
function snapshotJson(s, volume) {
  return {
    id: s.id ?? '',
    size: s.size ?? 48_213_504,
    volume_size: s.volume_size ?? (volume.size_gb ?? 1) * 1024 ** 3,
    digest: s.digest ?? '',
    created_at: goTime(s.created_at),
    status: s.status ?? 'created',
    retention_days: s.retention_days === undefined ? (volume.snapshot_retention ?? 5) : s.retention_days,
  };
}

function printJson(value) {
  process.stdout.write(`${JSON.stringify(value, null, 4)}\n`);
}

function volumes(args) {
  const sub = args[0];
  const { flags, rest } = takeFlags(args.slice(1), {
    '-a': 'app',
    '--app': 'app',
    '-c': 'config',
    '--config': 'config',
    '--json': true,
    '-j': true,
    '--all': true,
  });
  needToken();
  const state = loadState();
  const json = flags['--json'] || flags['-j'];
  if (sub === 'list' || sub === 'ls') {
    checkApp(flags.app);
    const shown = state.volumes.filter((v) => flags['--all'] || !DESTROYED_STATES.includes(v.state));
    if (json) printJson(shown.map(volumeJson));
    else process.stdout.write(shown.map((v) => `${v.id}\t${v.name}\n`).join(''));
    return;
  }
  if (sub === 'snapshots' || sub === 'snapshot' || sub === 'snaps') {
    const [action, vol, ...extra] = rest;
    if (!vol || extra.length) fail(`accepts 1 arg(s), received ${rest.length - 1}`);
    if (flags.app) checkApp(flags.app);
    const volume = state.volumes.find((v) => v.id === vol);
    if (action === 'list' || action === 'ls') {
      if (!volume)
        fail(`failed retrieving snapshots: failed to get volume ${vol} snapshots: volume not found`);
      const list = (state.snapshots[vol] ?? []).map((s) => {
        if (!(s._listsLeft > 0)) return s;
        // still being taken: listed without an id, as pending
        s._listsLeft -= 1;
        return { ...s, id: '', status: 'pending' };
      });
      saveState(state);
      const sorted = list
        .map((s) => snapshotJson(s, volume))
        .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
      if (json) printJson(sorted);
      else if (sorted.length === 0) process.stderr.write(`No snapshots available for volume ${vol}\n`);
      else process.stdout.write(sorted.map((s) => `${s.id || '(pending)'}\t${s.status}\n`).join(''));
      return;
    }
    if (action === 'create') {
      if (!volume) fail(`failed to snapshot ${vol}: volume not found`);
      if (state.create?.error) fail(`failed to snapshot ${vol}: ${state.create.error}`);
      const list = state.snapshots[vol] ?? [];
      const snap = {
        id: `vs_${Math.random().toString(36).slice(2, 14).padEnd(12, '0')}`,
        created_at: new Date().toISOString(),
        status: state.create?.finalStatus ?? 'created',
        _listsLeft: state.create?.pendingLists ?? 0,
      };
      state.snapshots[vol] = [...list, snap];
      saveState(state);
      process.stdout.write(`Scheduled to snapshot volume ${vol}\n`);
      return;
    }
  }
  fail(`unknown command "volumes ${args.join(' ')}"`);
}

const [cmd, ...rest] = argv;
if (cmd === 'version') {
  process.stdout.write(`flyctl v${version} linux/amd64 Commit: standin BuildDate: 2026-01-01T00:00:00Z\n`);
} else if (cmd === 'ssh' && rest[0] === 'console') {
  sshConsole(rest.slice(1));
} else if (cmd === 'volumes' || cmd === 'volume' || cmd === 'vol') {
  volumes(rest);
} else {
  fail(`unknown command "${argv.join(' ')}" for "flyctl"`);
}
