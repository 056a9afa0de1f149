import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliTestNode } from '../helpers/cli-nodes.js';
import { runAction, STANDIN_BIN } from '../helpers/run-action.js';
import { APP, daily, FlyStandin, hoursAgo, volume, type FlyStandinState } from '../standins/fly-volumes.js';

const root = new URL('../..', import.meta.url).pathname;
const ACTION = 'fly-snapshot-check';
const VOL = 'vol_9vw681egy1jj5xm4';
const VOL2 = 'vol_2n4l8mzwkq6rd0yv';
const VOL3 = 'vol_7kqzr1yp3dx0m5we';

let standin: FlyStandin | undefined;
/** The runner folders of each run (outputs, summary, RUNNER_TEMP), removed after each test. */
const runDirs: string[] = [];
afterEach(() => {
  standin?.remove();
  standin = undefined;
  for (const dir of runDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function check(
  state: FlyStandinState,
  inputs: Record<string, string> = {},
  env: Record<string, string | undefined> = {},
  options: { standins?: boolean } = {},
) {
  standin = new FlyStandin(state);
  const run = await runAction(ACTION, {
    inputs: { app: APP, ...inputs },
    env: { ...standin.env(), ...env },
    ...options,
  });
  runDirs.push(dirname(run.runnerTemp));
  return { run, fly: standin };
}

const healthy = (id = VOL): FlyStandinState => ({
  volumes: [volume(id)],
  snapshots: { [id]: daily(id, 7, 5) },
});

type ReportEntry = {
  volume: string;
  status: string;
  messages: { level: string; message: string }[];
  [k: string]: unknown;
};
const report = (run: { outputs: Record<string, string> }) => JSON.parse(run.outputs.report!) as ReportEntry[];

describe('fly-snapshot-check (dist bundle under Node 24, flyctl stand-in with volume state)', () => {
  it('healthy: ok, every output set, flyctl asked for the volumes and their snapshots as JSON', async () => {
    const { run, fly } = await check(healthy());
    expect(run.code, run.log).toBe(0);
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([]);
    const newest = daily(VOL, 7, 5)[0]!.id!;
    expect(run.outputs).toEqual({
      status: 'ok',
      'latest-age-hours': '5.0',
      'snapshot-count': '7',
      'created-snapshot': '',
      report: JSON.stringify([
        {
          volume: VOL,
          name: 'data',
          region: 'fra',
          attachedMachine: '148e123a0b4d89',
          status: 'ok',
          scheduledSnapshots: true,
          snapshotRetention: 7,
          latestSnapshot: newest,
          latestAgeHours: 5,
          snapshotCount: 7,
          createdSnapshot: '',
          createdSnapshotState: '',
          messages: [],
        },
      ]),
    });
    expect(fly.calls()).toEqual([
      ['version'],
      ['volumes', 'list', '-a', APP, '--json'],
      ['volumes', 'snapshots', 'list', VOL, '-a', APP, '--json'],
    ]);
    expect(run.summary).toContain('lifeboat: Fly snapshot check (my-app) — ✅ ok');
    expect(run.summary).toContain(
      `<td>Volume ${VOL} ("data")</td><td>✅ ok</td><td>148e123a0b4d89</td><td>7 d</td><td>${newest}</td><td>5.0 h</td><td>7</td><td>-</td>`,
    );
  });

  it('stale (51 h): crit naming the age, max-age and the commands to look and act', async () => {
    const { run } = await check({ volumes: [volume(VOL)], snapshots: { [VOL]: daily(VOL, 7, 51) } });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('crit');
    expect(run.outputs['latest-age-hours']).toBe('51.0');
    expect(run.errors).toEqual([
      `Volume ${VOL} ("data"): the newest created snapshot, ${daily(VOL, 7, 51)[0]!.id}, is 51.0 h old; the limit (max-age) is 50h. ` +
        `Daily snapshots have stopped: check \`fly volumes snapshots list ${VOL} -a my-app\` and the volume's host ` +
        `(\`fly volumes show ${VOL} -a my-app\`), and take one now with create-snapshot: true.`,
    ]);
  });

  it('late (27 h): a warning annotation, the step passes', async () => {
    const { run } = await check({ volumes: [volume(VOL)], snapshots: { [VOL]: daily(VOL, 7, 27) } });
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.status).toBe('warn');
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toContain(
      'is 27.0 h old; the warning limit (warn-age) is 26h and it turns critical at 50h',
    );
  });

  it('none: an attached volume without any snapshot is crit naming the machine', async () => {
    const { run } = await check({ volumes: [volume(VOL)], snapshots: {} });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'crit', 'latest-age-hours': '', 'snapshot-count': '0' });
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(
      new RegExp(
        `^Volume ${VOL} \\("data"\\), attached to machine 148e123a0b4d89, has no created snapshot; at least 7 are required \\(min-count\\)\\.`,
      ),
    );
  });

  it('too few kept: crit naming the count and min-count; a short retention names both fixes', async () => {
    const few = await check({ volumes: [volume(VOL)], snapshots: { [VOL]: daily(VOL, 3, 5) } });
    expect(few.run.code).toBe(1);
    expect(few.run.outputs['snapshot-count']).toBe('3');
    expect(few.run.errors).toEqual([
      `Volume ${VOL} ("data"): 3 created snapshot(s); at least 7 are required (min-count). ` +
        `Fewer means the daily snapshots were off or failed for a while: check \`fly volumes snapshots list ${VOL} -a my-app\`.`,
    ]);
    standin?.remove();
    // a volume recreated without snapshot_retention: Fly's default 5 days cannot keep 7
    const short = await check({
      volumes: [volume(VOL, { snapshot_retention: 5 })],
      snapshots: { [VOL]: daily(VOL, 5, 5) },
    });
    expect(short.run.code).toBe(1);
    const lines = short.run.errors[0]!.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(
      `has snapshot_retention = 5, so Fly keeps each snapshot 5 day(s): about 5 daily snapshot(s) at any time; at least 7 are required (min-count). ` +
        `Raise it on this volume with \`fly volumes update ${VOL} --snapshot-retention 7 -a my-app\``,
    );
    expect(lines[0]).toContain('set `snapshot_retention = 7` under [mounts] in fly.toml');
    expect(JSON.parse(short.run.outputs.report!)[0].snapshotRetention).toBe(5);
  });

  it('failed newest: warn while the previous one is fresh, crit that names the failure after max-age', async () => {
    const fresh = await check({
      volumes: [volume(VOL)],
      snapshots: { [VOL]: daily(VOL, 8, 3, ['failed']) },
    });
    expect(fresh.run.code, fresh.run.log).toBe(0);
    expect(fresh.run.outputs.status).toBe('warn');
    expect(fresh.run.warnings.find((w) => w.includes('the newest snapshot'))).toContain(
      `the newest snapshot, ${daily(VOL, 8, 3)[0]!.id}, is failed; the previous created one`,
    );
    standin?.remove();
    const snaps = daily(VOL, 9, 3, ['failed', 'failed']).map((s, i) =>
      i >= 2 ? { ...s, created_at: hoursAgo(51 + 24 * (i - 2)) } : s,
    );
    const old = await check({ volumes: [volume(VOL)], snapshots: { [VOL]: snaps } });
    expect(old.run.code).toBe(1);
    expect(old.run.errors).toHaveLength(1);
    expect(old.run.errors[0]).toContain(
      `the newest created snapshot, ${snaps[2]!.id}, is 51.0 h old; the limit (max-age) is 50h. The newest snapshot, ${snaps[0]!.id}, is failed;`,
    );
  });

  it('orphaned volume (attached to no machine): warn with the attach and destroy commands; the step passes', async () => {
    const { run } = await check({
      volumes: [volume(VOL, { attached_machine_id: null })],
      snapshots: { [VOL]: daily(VOL, 7, 5) },
    });
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.status).toBe('warn');
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(new RegExp(`^Volume ${VOL} \\("data"\\) is attached to no machine: `));
    expect(run.warnings[0]).toContain(`\`fly volumes destroy ${VOL} -a my-app\``);
    expect(report(run)[0]!.attachedMachine).toBeNull();
    expect(run.summary).toContain('<td>⚠️ warn</td><td>none</td>');
  });

  it('scheduled snapshots off: crit with the fly volumes update command', async () => {
    const { run } = await check({
      volumes: [volume(VOL, { auto_backup_enabled: false })],
      snapshots: { [VOL]: daily(VOL, 7, 5) },
    });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain(`\`fly volumes update ${VOL} --scheduled-snapshots=true -a my-app\``);
    expect(run.summary).toContain('<td>snapshots off</td>');
  });

  it('several volumes: every one judged (destroyed ones are not listed), worst status, a report entry and row each', async () => {
    const { run, fly } = await check({
      volumes: [
        volume(VOL),
        volume(VOL2, { attached_machine_id: '3d8d9e1f7e2189', region: 'ams' }),
        volume(VOL3, { name: 'logs', attached_machine_id: '9080e6e1b13587' }),
        volume('vol_destroyed00000001', { state: 'pending_destroy' }),
      ],
      snapshots: {
        [VOL]: daily(VOL, 7, 5),
        [VOL2]: daily(VOL2, 7, 27),
        [VOL3]: daily(VOL3, 2, 60),
      },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('crit');
    // single-value outputs describe the first volume with the worst status
    expect(run.outputs['latest-age-hours']).toBe('60.0');
    expect(run.outputs['snapshot-count']).toBe('2');
    expect(report(run).map((r) => [r.volume, r.status, r.messages.map((m) => m.level)])).toEqual([
      [VOL, 'ok', []],
      [VOL2, 'warn', ['warn']],
      [VOL3, 'crit', ['crit', 'crit']],
    ]);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]!.split('\n')).toEqual([
      expect.stringContaining(`Volume ${VOL3} ("logs"): the newest created snapshot`),
      expect.stringContaining(`Volume ${VOL3} ("logs"): 2 created snapshot(s); at least 7 are required`),
    ]);
    expect(run.warnings).toEqual([
      expect.stringMatching(new RegExp(`^Volume ${VOL2} \\("data"\\): .* 27\\.0 h old`)),
    ]);
    expect(run.summary.match(/<tr>/g)).toHaveLength(4);
    expect(
      fly
        .calls()
        .filter((c) => c[1] === 'snapshots')
        .map((c) => c[3]),
    ).toEqual([VOL, VOL2, VOL3]);

    // the volume input picks volumes, in its order; an id the app does not have is crit
    standin?.remove();
    const picked = await check(
      {
        volumes: [volume(VOL), volume(VOL2)],
        snapshots: { [VOL]: daily(VOL, 7, 5), [VOL2]: daily(VOL2, 7, 5) },
      },
      { volume: `${VOL2}\n\nvol_0000notthere\n` },
    );
    expect(report(picked.run).map((r) => [r.volume, r.status])).toEqual([
      [VOL2, 'ok'],
      ['vol_0000notthere', 'crit'],
    ]);
    expect(picked.run.errors[0]).toBe(
      `Volume vol_0000notthere was not found in app my-app; \`fly volumes list -a my-app\` lists Volume ${VOL} ("data"), Volume ${VOL2} ("data"). ` +
        'Check the volume input: a volume that was recreated has a new id.',
    );
  });

  it('on-demand create with wait: requested, followed while pending, reported by its id once created', async () => {
    const { run, fly } = await check(
      { ...healthy(), create: { pendingLists: 2 } },
      { 'create-snapshot': 'true', wait: 'true' },
      { LIFEBOAT_POLL_INTERVAL_MS: '50' },
    );
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.status).toBe('ok');
    const created = fly.state().snapshots[VOL]!.find((s) => !daily(VOL, 7, 5).some((d) => d.id === s.id))!;
    expect(run.outputs['created-snapshot']).toBe(created.id);
    expect(report(run)[0]).toMatchObject({ createdSnapshot: created.id, createdSnapshotState: 'created' });
    expect(fly.calls().slice(2)).toEqual([
      ['volumes', 'snapshots', 'list', VOL, '-a', APP, '--json'],
      ['volumes', 'snapshots', 'create', VOL, '-a', APP],
      ['volumes', 'snapshots', 'list', VOL, '-a', APP, '--json'],
      ['volumes', 'snapshots', 'list', VOL, '-a', APP, '--json'],
      ['volumes', 'snapshots', 'list', VOL, '-a', APP, '--json'],
    ]);
    expect(run.summary).toContain(`<td>${created.id} (created)</td>`);
  });

  it('on-demand create without wait: requested once, no polling, the step passes', async () => {
    const { run, fly } = await check(
      { ...healthy(), create: { pendingLists: 5 } },
      { 'create-snapshot': 'true' },
    );
    expect(run.code, run.log).toBe(0);
    expect(run.outputs['created-snapshot']).toBe('');
    expect(report(run)[0]).toMatchObject({ createdSnapshot: '', createdSnapshotState: 'pending' });
    expect(fly.calls().filter((c) => c[2] === 'list')).toHaveLength(2);
  });

  it('on-demand create and its timeout: crit after wait-timeout, with the command to follow it', async () => {
    const started = Date.now();
    const { run, fly } = await check(
      { ...healthy(), create: { pendingLists: 1e9 } },
      { 'create-snapshot': 'true', wait: 'true', 'wait-timeout': '3s' },
      { LIFEBOAT_POLL_INTERVAL_MS: '200' },
    );
    const elapsed = Date.now() - started;
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('crit');
    expect(run.errors).toEqual([
      `Volume ${VOL} ("data"): the new snapshot (pending) is still "pending" after 3s (wait-timeout). ` +
        `It may still complete: follow it with \`fly volumes snapshots list ${VOL} -a my-app\`; raise wait-timeout if snapshots of this volume take longer.`,
    ]);
    const polls = fly.calls().filter((c) => c[2] === 'list').length - 1;
    expect(polls).toBeGreaterThanOrEqual(5);
    expect(polls).toBeLessThanOrEqual(17);
    expect(elapsed).toBeGreaterThanOrEqual(3000);
    expect(elapsed).toBeLessThan(20000);
  });

  it('create refused for a read-only token: crit naming the deploy token it needs', async () => {
    const { run } = await check(
      { ...healthy(), create: { error: 'unauthorized' } },
      { 'create-snapshot': 'true', wait: 'true' },
    );
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      `Volume ${VOL} ("data"): could not take a snapshot: \`flyctl volumes snapshots create ${VOL} -a my-app\` failed: ` +
        `Error: failed to snapshot ${VOL}: unauthorized create-snapshot needs a token that may change the app, ` +
        'such as a deploy token (`fly tokens create deploy -a my-app`); a read-only token can only list.',
    ]);
  });

  it('flyctl missing: an environment error naming setup-flyctl, outputs still set', async () => {
    const { run } = await check(healthy(), {}, { PATH: '/usr/bin:/bin' }, { standins: false });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'crit', report: '[]', 'snapshot-count': '0' });
    expect(run.errors).toEqual([
      "'flyctl' was not found on PATH: install it with superfly/flyctl-actions/setup-flyctl (or from https://fly.io/docs/flyctl/install/), or set the 'flyctl' input to its path.",
    ]);
  });

  it('flyctl too old: refused before any volume is listed', async () => {
    const { run, fly } = await check(healthy(), {}, { FLY_STANDIN_VERSION: '0.4.79' });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(/^flyctl 0\.4\.79 is too old: lifeboat needs >= 0\.4\.80/);
    expect(fly.calls()).toEqual([['version']]);
  });

  it('no token: refused before flyctl runs, naming the read-only and the deploy token', async () => {
    const { run, fly } = await check(healthy(), {}, { FLY_API_TOKEN: undefined });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('crit');
    expect(run.errors).toEqual([
      'FLY_API_TOKEN is not set: create a read-only token with `fly tokens create readonly -o <org>` ' +
        '(create-snapshot needs a deploy token of the app instead: `fly tokens create deploy -a <app>`), ' +
        'store it as a repository secret and pass it to the step as env FLY_API_TOKEN.',
    ]);
    expect(fly.calls()).toEqual([]);
  });

  it("an app flyctl does not know: crit with flyctl's message and the fix, no volume report", async () => {
    const { run } = await check(healthy(), { app: 'other-app' });
    expect(run.code).toBe(1);
    expect(run.outputs.report).toBe('[]');
    expect(run.errors).toEqual([
      'App other-app: its volumes could not be listed: `flyctl volumes list -a other-app --json` failed: ' +
        'Error: failed to get app: Could not find App "other-app" Check the app input: `fly apps list` lists the apps this token sees (app "other-app").',
    ]);
  });

  it('wait without create-snapshot, or a volume name instead of an id: a configuration error before flyctl runs', async () => {
    const wait = await check(healthy(), { wait: 'true' });
    expect(wait.run.errors).toEqual([
      "Input 'wait' only applies to a new snapshot: set create-snapshot: true, or remove it.",
    ]);
    expect(wait.fly.calls()).toEqual([]);
    standin?.remove();
    const name = await check(healthy(), { volume: 'data' });
    expect(name.run.errors[0]).toMatch(/^Input 'volume' has "data": a Fly volume id is "vol_"/);
  });
});

/** The shipped CLI bundle, as cron or a person runs it (not a TTY). */
async function lifeboat(args: string[], env: Record<string, string | undefined>) {
  const node = cliTestNode();
  const merged: Record<string, string> = {
    PATH: `${STANDIN_BIN}:${process.env.PATH}`,
    HOME: process.env.HOME ?? '/root',
  };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  const child = spawn(node.path, [join(root, 'dist/cli/index.js'), ...args], {
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

describe('lifeboat check-fly-snapshots (dist/cli bundle, flyctl stand-in)', () => {
  it('healthy: exit 0, the result as JSON, the same judgement as the action', async () => {
    standin = new FlyStandin(healthy());
    const r = await lifeboat(['check-fly-snapshots', '--app', APP, '--json'], standin.env());
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as {
      status: string;
      volumes: { volume: { id: string }; snapshotCount: number }[];
    };
    expect(result.status).toBe('ok');
    expect(result.volumes.map((v) => [v.volume.id, v.snapshotCount])).toEqual([[VOL, 7]]);
  });

  it('several volumes, one stale, flags from LIFEBOAT_* variables: exit 1, each finding on stderr, a line per volume', async () => {
    standin = new FlyStandin({
      volumes: [volume(VOL), volume(VOL2)],
      snapshots: { [VOL]: daily(VOL, 7, 5), [VOL2]: daily(VOL2, 7, 51) },
    });
    const r = await lifeboat(['check-fly-snapshots'], { ...standin.env(), LIFEBOAT_APP: APP });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^status\s+crit$/m);
    expect(r.stdout).toMatch(
      new RegExp(
        `^Volume ${VOL} \\("data"\\) ok; newest vs_\\w+ \\(5\\.0 h old\\); 7 snapshot\\(s\\); retention 7 d$`,
        'm',
      ),
    );
    expect(r.stdout).toMatch(new RegExp(`^Volume ${VOL2} \\("data"\\) crit; `, 'm'));
    expect(r.stderr).toContain(`Volume ${VOL2} ("data"): the newest created snapshot`);
    expect(r.stderr).toContain('is 51.0 h old; the limit (max-age) is 50h.');
  });

  it('--create-snapshot --wait before a deploy: exit 0 with the new snapshot id', async () => {
    standin = new FlyStandin({ ...healthy(), create: { pendingLists: 1 } });
    const r = await lifeboat(
      ['check-fly-snapshots', '--app', APP, '--volume', VOL, '--create-snapshot', '--wait', '--json'],
      { ...standin.env(), LIFEBOAT_POLL_INTERVAL_MS: '50' },
    );
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as {
      volumes: { createdSnapshot: string; createdSnapshotState: string }[];
    };
    expect(result.volumes[0]!.createdSnapshotState).toBe('created');
    expect(standin.state().snapshots[VOL]!.map((s) => s.id)).toContain(result.volumes[0]!.createdSnapshot);
  });

  it('no token: exit 2 (a configuration error) with the one message', async () => {
    standin = new FlyStandin(healthy());
    const r = await lifeboat(['check-fly-snapshots', '--app', APP], {
      ...standin.env(),
      FLY_API_TOKEN: undefined,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lifeboat check-fly-snapshots: FLY_API_TOKEN is not set: /);
    expect(standin.calls()).toEqual([]);
  });

  it('flyctl too old: exit 2', async () => {
    standin = new FlyStandin(healthy());
    const r = await lifeboat(['check-fly-snapshots', '--app', APP], {
      ...standin.env(),
      FLY_STANDIN_VERSION: '0.4.12',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('flyctl 0.4.12 is too old');
  });
});
