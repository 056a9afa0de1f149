import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../helpers/run-action.js';
import { expectFailureReported } from '../helpers/step-failure.js';
import {
  LightsailStandin,
  type LightsailStandinState,
  type StandinAddOn,
  type StandinAutoSnapshot,
} from '../standins/lightsail-api.js';

const HOUR = 3_600_000;
const ACTION = 'lightsail-snapshot-check';

const enabled: StandinAddOn[] = [
  { name: 'AutoSnapshot', status: 'Enabled', snapshotTimeOfDay: '06:00', nextSnapshotTimeOfDay: '06:00' },
];
const disabled: StandinAddOn[] = [];

/** `count` daily automatic snapshots, the newest `newestHours` old; statuses override newest-first. */
function daily(count: number, newestHours: number, statuses: StandinAutoSnapshot['status'][] = []) {
  const out: StandinAutoSnapshot[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = new Date(Date.now() - (newestHours + 24 * i) * HOUR);
    out.push({ date: createdAt.toISOString().slice(0, 10), createdAt, status: statuses[i] ?? 'Success' });
  }
  return out.reverse(); // Lightsail lists oldest first
}

let standin: LightsailStandin | undefined;
afterEach(async () => {
  await standin?.stop();
  standin = undefined;
});

async function check(
  state: Partial<LightsailStandinState>,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
) {
  standin = await new LightsailStandin(state).start();
  const run = await runAction(ACTION, { inputs, env: { ...standin.env(), ...env } });
  return { run, api: standin };
}

describe('lightsail-snapshot-check (dist bundle under Node 24, Lightsail wire stand-in)', () => {
  it('healthy: ok, every output set, and the SDK sent signed AWS JSON 1.1 calls for this instance', async () => {
    const auto = daily(7, 5);
    const { run, api } = await check(
      { instances: { 'web-1': { addOns: enabled } }, autoSnapshots: { 'web-1': auto } },
      { instance: 'web-1' },
    );
    expect(run.code, run.log).toBe(0);
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([]);
    expect(run.outputs).toEqual({
      status: 'ok',
      'auto-snapshot-enabled': 'true',
      'snapshot-time-of-day': '06:00',
      'latest-snapshot': auto[6]!.date,
      'latest-age-hours': '5.0',
      'snapshot-count': '7',
      'created-snapshot': '',
      report: JSON.stringify([
        {
          type: 'instance',
          name: 'web-1',
          status: 'ok',
          autoSnapshotEnabled: true,
          snapshotTimeOfDay: '06:00',
          latestSnapshot: auto[6]!.date,
          latestAgeHours: 5,
          snapshotCount: 7,
          createdSnapshot: '',
          messages: [],
        },
      ]),
    });
    expect(api.requests.map((r) => [r.target, r.body])).toEqual([
      ['Lightsail_20161128.GetInstance', { instanceName: 'web-1' }],
      ['Lightsail_20161128.GetAutoSnapshots', { resourceName: 'web-1' }],
      ['Lightsail_20161128.GetInstanceSnapshots', {}],
    ]);
    for (const r of api.requests) {
      expect(r.contentType).toBe('application/x-amz-json-1.1');
      expect(r.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIASTANDIN000000000\/\d{8}\/eu-central-1\/lightsail\/aws4_request,/,
      );
    }
    expect(run.summary).toContain('<td>Instance "web-1"</td><td>✅ ok</td><td>enabled</td><td>06:00</td>');
    expect(run.summary).toContain(`<td>${auto[6]!.date}</td><td>5.0 h</td><td>7</td><td>-</td>`);
  });

  it('add-on disabled: crit, the step fails with the enable-add-on command', async () => {
    const { run } = await check(
      { instances: { 'web-1': { addOns: disabled } }, autoSnapshots: { 'web-1': daily(7, 5) } },
      { instance: 'web-1', region: 'us-west-2' },
    );
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('crit');
    expect(run.outputs['auto-snapshot-enabled']).toBe('false');
    expect(run.outputs['snapshot-time-of-day']).toBe('');
    expect(run.errors).toEqual([
      'Instance "web-1": automatic snapshots are not enabled (it has no AutoSnapshot add-on; require-auto-snapshot is true). ' +
        'Enable them (the hour is UTC, pick a quiet one): aws lightsail enable-add-on --region us-west-2 --resource-name web-1 ' +
        '--add-on-request addOnType=AutoSnapshot,autoSnapshotAddOnRequest={snapshotTimeOfDay=06:00} ' +
        '— or set require-auto-snapshot: false if this resource is covered by manual snapshots.',
    ]);
    // the region input wins over AWS_REGION
    expect(standin!.requests[0]!.authorization).toContain('/us-west-2/lightsail/aws4_request');
  });

  it('add-on disabled but not required: ok', async () => {
    const { run } = await check(
      {
        instances: { 'web-1': { addOns: [{ name: 'AutoSnapshot', status: 'Disabled' }] } },
        autoSnapshots: { 'web-1': daily(7, 5) },
      },
      { instance: 'web-1', 'require-auto-snapshot': 'false' },
    );
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.status).toBe('ok');
    expect(run.outputs['auto-snapshot-enabled']).toBe('false');
  });

  it('stale (27 h): crit naming the age and max-age', async () => {
    const auto = daily(7, 27);
    const { run } = await check(
      { instances: { 'web-1': { addOns: enabled } }, autoSnapshots: { 'web-1': auto } },
      { instance: 'web-1' },
    );
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('crit');
    expect(run.outputs['latest-age-hours']).toBe('27.0');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toBe(
      `Instance "web-1": the newest successful snapshot, ${auto[6]!.date}, is 27.0 h old; the limit (max-age) is 26h. ` +
        'Snapshots have stopped succeeding: check `aws lightsail get-auto-snapshots --region eu-central-1 --resource-name web-1` ' +
        "and the instance's health, and take one now with create-snapshot: true.",
    );
  });

  it('between warn-age and max-age (25.5 h): warn annotation, the step passes', async () => {
    const { run } = await check(
      { instances: { 'web-1': { addOns: enabled } }, autoSnapshots: { 'web-1': daily(7, 25.5) } },
      { instance: 'web-1' },
    );
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.status).toBe('warn');
    expect(run.errors).toEqual([]);
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toContain(
      'is 25.5 h old; the warning limit (warn-age) is 25h and it turns critical at 26h',
    );
  });

  it('newest failed and no success within max-age: crit that names the failure', async () => {
    const auto = daily(8, 3, ['Failed']); // newest Failed 3 h ago, the previous success 27 h ago
    const { run } = await check(
      { instances: { 'web-1': { addOns: enabled } }, autoSnapshots: { 'web-1': auto } },
      { instance: 'web-1' },
    );
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('crit');
    expect(run.outputs['latest-snapshot']).toBe(auto[6]!.date);
    expect(run.outputs['snapshot-count']).toBe('7');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(
      `the newest successful snapshot, ${auto[6]!.date}, is 27.0 h old; the limit (max-age) is 26h. The newest snapshot, ${auto[7]!.date}, Failed;`,
    );
  });

  it('three snapshots only: crit naming the count and min-count', async () => {
    const { run } = await check(
      { instances: { 'web-1': { addOns: enabled } }, autoSnapshots: { 'web-1': daily(3, 5) } },
      { instance: 'web-1' },
    );
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('crit');
    expect(run.outputs['snapshot-count']).toBe('3');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(
      /^Instance "web-1": 3 successful snapshot\(s\); at least 7 are required \(min-count\)\. .*wait until 7 exist or lower min-count/,
    );
  });

  it('newest in progress with a fresh previous one: warn, the step passes', async () => {
    const auto = daily(8, 0.5, ['InProgress']); // previous success 24.5 h old
    const { run } = await check(
      { instances: { 'web-1': { addOns: enabled } }, autoSnapshots: { 'web-1': auto } },
      { instance: 'web-1' },
    );
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.status).toBe('warn');
    expect(run.outputs['latest-snapshot']).toBe(auto[6]!.date);
    expect(run.outputs['latest-age-hours']).toBe('24.5');
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([
      `Instance "web-1": the newest snapshot, ${auto[7]!.date}, is still in progress (started 0.5 h ago); ` +
        `the previous success, ${auto[6]!.date}, is 24.5 h old, within max-age 26h. ` +
        'Run the check later in the day (after the snapshot time of day 06:00 UTC plus about an hour).',
    ]);
  });

  it('results across pages: follows nextPageToken and counts manual snapshots of this instance only', async () => {
    const at = (h: number) => new Date(Date.now() - h * HOUR);
    const { run, api } = await check(
      {
        pageSize: 2,
        instances: { 'web-1': { addOns: enabled }, other: { addOns: enabled } },
        autoSnapshots: { 'web-1': daily(5, 30) }, // alone: stale and too few
        instanceSnapshots: [
          { name: 'other-a', from: 'other', createdAt: at(1), state: 'available' },
          { name: 'web-1-manual-old', from: 'web-1', createdAt: at(60), state: 'available' },
          { name: 'other-b', from: 'other', createdAt: at(2), state: 'available' },
          { name: 'web-1-broken', from: 'web-1', createdAt: at(3), state: 'error' },
          { name: 'web-1-pre-deploy', from: 'web-1', createdAt: at(2), state: 'available' },
        ],
      },
      { instance: 'web-1' },
    );
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.status).toBe('ok');
    expect(run.outputs['latest-snapshot']).toBe('web-1-pre-deploy'); // found on the third page
    expect(run.outputs['latest-age-hours']).toBe('2.0');
    expect(run.outputs['snapshot-count']).toBe('7');
    expect(api.requests.filter((r) => r.operation === 'GetInstanceSnapshots').map((r) => r.body)).toEqual([
      {},
      { pageToken: Buffer.from('2').toString('base64url') },
      { pageToken: Buffer.from('4').toString('base64url') },
    ]);
  });

  it('NotFound: crit naming the instance and region, outputs still set', async () => {
    const { run, api } = await check({ instances: {} }, { instance: 'web-9' });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({
      status: 'crit',
      'auto-snapshot-enabled': 'false',
      'latest-snapshot': '',
      'latest-age-hours': '',
      'snapshot-count': '0',
      'created-snapshot': '',
    });
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(
      /^Instance "web-9" was not found in region eu-central-1 \(GetInstance: The Instance web-9 does not exist\.\)\. Check the name and the region input; list what exists with `aws lightsail get-instances --region eu-central-1 --query 'instances\[\]\.name'`\.$/,
    );
    expect(api.operations()).toEqual(['GetInstance']);
  });

  it('AccessDenied: crit naming the missing IAM action', async () => {
    const { run } = await check(
      {
        instances: { 'web-1': { addOns: enabled } },
        autoSnapshots: { 'web-1': daily(7, 5) },
        denied: ['GetAutoSnapshots'],
      },
      { instance: 'web-1' },
    );
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('crit');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(
      'Instance "web-1": access denied to lightsail:GetAutoSnapshots (AccessDeniedException: ',
    );
    expect(run.errors[0]).toContain('Allow "lightsail:GetAutoSnapshots" in the IAM policy');
  });

  it('create-snapshot with wait: creates <instance>-lifeboat-<stamp>-<label> and polls until available', async () => {
    const { run, api } = await check(
      {
        instances: { 'web-1': { addOns: enabled } },
        autoSnapshots: { 'web-1': daily(7, 5) },
        pendingPolls: 2,
      },
      { instance: 'web-1', 'create-snapshot': 'true', label: 'pre-deploy', wait: 'true' },
      { LIFEBOAT_POLL_INTERVAL_MS: '50' },
    );
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.status).toBe('ok');
    const name = run.outputs['created-snapshot']!;
    expect(name).toMatch(/^web-1-lifeboat-\d{8}T\d{6}Z-pre-deploy$/);
    expect(api.operations()).toEqual([
      'GetInstance',
      'GetAutoSnapshots',
      'GetInstanceSnapshots',
      'CreateInstanceSnapshot',
      'GetInstanceSnapshot',
      'GetInstanceSnapshot',
      'GetInstanceSnapshot',
    ]);
    expect(api.requests[3]!.body).toEqual({ instanceName: 'web-1', instanceSnapshotName: name });
    expect(api.requests[6]!.body).toEqual({ instanceSnapshotName: name });
    expect(api.state.instanceSnapshots.find((s) => s.name === name)?.state).toBe('available');
    expect(run.summary).toContain(`<td>${name} (available)</td>`);
    expect(JSON.parse(run.outputs.report!)[0].createdSnapshot).toBe(name);
  });

  it('create-snapshot of a disk without wait: CreateDiskSnapshot, no polling', async () => {
    const { run, api } = await check(
      { disks: { 'data-1': { addOns: enabled } }, autoSnapshots: { 'data-1': daily(7, 5) } },
      { disk: 'data-1', 'create-snapshot': 'true' },
    );
    expect(run.code, run.log).toBe(0);
    expect(run.outputs['created-snapshot']).toMatch(/^data-1-lifeboat-\d{8}T\d{6}Z$/);
    expect(api.requests.map((r) => [r.operation, r.body])).toEqual([
      ['GetDisk', { diskName: 'data-1' }],
      ['GetAutoSnapshots', { resourceName: 'data-1' }],
      ['GetDiskSnapshots', {}],
      ['CreateDiskSnapshot', { diskName: 'data-1', diskSnapshotName: run.outputs['created-snapshot'] }],
    ]);
  });

  it('a timeout while waiting: crit after wait-timeout, the created snapshot is still reported', async () => {
    const started = Date.now();
    const { run, api } = await check(
      {
        instances: { 'web-1': { addOns: enabled } },
        autoSnapshots: { 'web-1': daily(7, 5) },
        pendingPolls: 1e9,
      },
      { instance: 'web-1', 'create-snapshot': 'true', wait: 'true', 'wait-timeout': '3s' },
      { LIFEBOAT_POLL_INTERVAL_MS: '200' },
    );
    const elapsed = Date.now() - started;
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('crit');
    const name = run.outputs['created-snapshot']!;
    expect(name).toMatch(/^web-1-lifeboat-\d{8}T\d{6}Z$/);
    expect(run.errors).toEqual([
      `Instance "web-1": the new snapshot ${name} is still "pending" after 3s (wait-timeout). ` +
        `It may still complete: follow it with \`aws lightsail get-instance-snapshot --region eu-central-1 --instance-snapshot-name ${name}\`; ` +
        'raise wait-timeout if snapshots of this size take longer.',
    ]);
    const polls = api.operations().filter((o) => o === 'GetInstanceSnapshot').length;
    expect(polls).toBeGreaterThanOrEqual(10);
    expect(polls).toBeLessThanOrEqual(17);
    expect(elapsed).toBeGreaterThanOrEqual(3000);
    expect(elapsed).toBeLessThan(15000);
  });

  it('SIGTERM while waiting for the new snapshot: exits at once (not after the grace period) naming the snapshot, every output set', async () => {
    standin = await new LightsailStandin({
      instances: { 'web-1': { addOns: enabled }, 'web-2': { addOns: enabled } },
      autoSnapshots: { 'web-1': daily(7, 5), 'web-2': daily(7, 5) },
      pendingPolls: 1e9,
    }).start();
    const api = standin;
    let pid = 0;
    const running = runAction(ACTION, {
      inputs: { instance: 'web-1\nweb-2', 'create-snapshot': 'true', wait: 'true', 'wait-timeout': '1h' },
      env: { ...api.env(), LIFEBOAT_POLL_INTERVAL_MS: '60000' },
      timeoutMs: 30_000,
      onStart: (p) => (pid = p),
    });
    // the snapshot is created and polled once: the step now sleeps a minute before the next poll
    for (const until = Date.now() + 20_000; !api.operations().includes('GetInstanceSnapshot');) {
      if (Date.now() > until) throw new Error('the check never reached its wait');
      await new Promise((r) => setTimeout(r, 20));
    }
    const signalled = Date.now();
    process.kill(pid, 'SIGTERM');
    const run = await running;
    try {
      expect(Date.now() - signalled).toBeLessThan(2500);
      expect(run.code, run.log).toBe(1);
      expect(run.signal).toBeNull();
      expect(run.log).toContain('received SIGTERM: aborting');
      const name = /created snapshot (web-1-lifeboat-\d{8}T\d{6}Z)/.exec(run.log)?.[1];
      expect(name, run.log).toBeDefined();
      expect(run.errors).toEqual([
        `Instance "web-1": cancelled by SIGTERM while waiting for the new snapshot ${name} (still "pending"). ` +
          `It may still complete: follow it with \`aws lightsail get-instance-snapshot --region eu-central-1 --instance-snapshot-name ${name}\`.`,
      ]);
      // no result: every output has its declared default
      expect(run.outputs).toEqual({
        status: 'crit',
        'auto-snapshot-enabled': 'false',
        'snapshot-time-of-day': '',
        'latest-snapshot': '',
        'latest-age-hours': '',
        'snapshot-count': '0',
        'created-snapshot': '',
        report: '[]',
      });
      expectFailureReported(run, ACTION);
      // nothing after the cancellation: no further poll, the second instance was never touched
      expect(api.operations().filter((o) => o === 'GetInstanceSnapshot')).toHaveLength(1);
      expect(api.operations().filter((o) => o === 'CreateInstanceSnapshot')).toHaveLength(1);
      expect(api.requests.some((r) => JSON.stringify(r.body).includes('web-2'))).toBe(false);
    } finally {
      rmSync(dirname(run.runnerTemp), { recursive: true, force: true });
    }
  });

  it('several resources with mixed results: worst status, one failure with every crit, a report and a row each', async () => {
    const { run, api } = await check(
      {
        instances: {
          'web-1': { addOns: enabled },
          'web-2': { addOns: enabled },
          'web-3': { addOns: [{ name: 'AutoSnapshot', status: 'Disabled' }] },
        },
        disks: { 'data-1': { addOns: enabled } },
        autoSnapshots: {
          'web-1': daily(7, 5),
          'web-2': daily(7, 25.5),
          'web-3': daily(2, 50),
          'data-1': daily(7, 4),
        },
      },
      { instance: 'web-1\nweb-2\n\nweb-3\n', disk: 'data-1' },
    );
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('crit');
    // single-value outputs describe the first resource with the worst status (web-3)
    expect(run.outputs['auto-snapshot-enabled']).toBe('false');
    expect(run.outputs['snapshot-count']).toBe('2');
    const report = JSON.parse(run.outputs.report!) as {
      name: string;
      type: string;
      status: string;
      messages: { level: string }[];
    }[];
    expect(report.map((r) => [r.type, r.name, r.status, r.messages.map((m) => m.level)])).toEqual([
      ['instance', 'web-1', 'ok', []],
      ['instance', 'web-2', 'warn', ['warn']],
      ['instance', 'web-3', 'crit', ['crit', 'crit', 'crit']],
      ['disk', 'data-1', 'ok', []],
    ]);
    expect(run.errors).toHaveLength(1);
    const lines = run.errors[0]!.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(
      'Instance "web-3": automatic snapshots are not enabled (the AutoSnapshot add-on is Disabled;',
    );
    expect(lines[1]).toContain('Instance "web-3": the newest successful snapshot');
    expect(lines[2]).toContain(
      'Instance "web-3": 2 successful snapshot(s); at least 7 are required (min-count)',
    );
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(/^Instance "web-2": the newest successful snapshot, .* is 25\.5 h old/);
    expect(run.summary.match(/<tr>/g)).toHaveLength(5); // header + one row per resource
    expectFailureReported(run, ACTION);
    expect(run.summary).toContain('<td>Disk "data-1"</td><td>✅ ok</td>');
    expect(run.summary).toContain('<td>Instance "web-3"</td><td>❌ crit</td><td>not enabled</td><td>-</td>');
    expect(api.operations().filter((o) => o === 'GetDisk')).toHaveLength(1);
    expect(api.requests.find((r) => r.operation === 'GetDisk')!.body).toEqual({ diskName: 'data-1' });
  });

  it('no instance and no disk: a configuration error before any call', async () => {
    const { run, api } = await check({}, {});
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('crit');
    expect(run.outputs.report).toBe('[]');
    expect(run.errors).toEqual([
      "Inputs 'instance' and 'disk' are both empty: name at least one Lightsail instance (or block storage disk) to check, one per line.",
    ]);
    expect(api.requests).toEqual([]);
    expectFailureReported(run, ACTION);
  });
});
