import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TargetLayout } from '../../src/catalog/layout.js';
import { latestFor, MANIFEST_SCHEMA_VERSION, type Manifest } from '../../src/catalog/manifest.js';
import { schemaErrors } from '../../src/catalog/schemas.js';
import {
  buildVerification,
  listJudgedSnapshots,
  MAX_VERIFICATION_BYTES,
  verificationVerdict,
  type DrillRecord,
  type Verification,
} from '../../src/catalog/verification.js';
import { checkFreshness } from '../../src/guard/freshness.js';
import { runCopy, type CopyOptions } from '../../src/jobs/copy-snapshot.js';
import { silentLogger } from '../../src/util/logger.js';
import { putSnapshot as putHandSnapshot } from '../ports/catalog-fixture.js';
import { DAY, ManualClock } from '../ports/clock.js';
import { MemoryStore } from '../ports/memory-store.js';
import { PlainStore } from '../ports/plain-store.js';

const HOUR = 3600_000;
const NOW = new Date('2026-11-23T12:00:00.000Z');
const ID = '20261123T020000Z';
const SHA = 'a'.repeat(64);
const OTHER_SHA = 'b'.repeat(64);
const layout = new TargetLayout('lifeboat', 'app');
const KEY = layout.verificationKey(ID);
const iso = (ms: number) => new Date(ms).toISOString();

function manifest(over: Partial<Manifest> = {}): Manifest {
  const created = new Date(NOW.getTime() - 10 * HOUR);
  return {
    schema: MANIFEST_SCHEMA_VERSION,
    snapshotId: ID,
    target: 'app',
    status: 'ok',
    created: created.toISOString(),
    completed: created.toISOString(),
    durationSeconds: 1,
    source: { kind: 'local', path: '/data' },
    tools: { lifeboat: '0.1.0' },
    compression: 'gzip',
    archive: {
      key: layout.archiveKey(ID, 'gzip'),
      versionId: 'v-archive',
      etag: null,
      size: 10,
      sha256: SHA,
    },
    entries: 1,
    uncompressedBytes: 10,
    warnings: [],
    previous: null,
    ...over,
  };
}

/** The verification.json a drill of `m` one hour before NOW writes, every check passed. */
function drill(m: Manifest, over: Partial<DrillRecord> = {}): Verification {
  return buildVerification({
    manifest: m,
    target: m.target,
    mode: 'stream',
    checks: [{ name: 'sha256', ok: true, detail: m.archive.sha256 }],
    verifiedAt: new Date(NOW.getTime() - HOUR),
    ageSeconds: 9 * 3600,
    restoreSeconds: 0.5,
    bytes: m.archive.size,
    contents: { entries: m.entries, uncompressedBytes: m.uncompressedBytes },
    actualVersionId: m.archive.versionId,
    actualSha256: m.archive.sha256,
    restoredTo: null,
    ...over,
  });
}

const good = drill(manifest());
const withArchive = (archive: Partial<Verification['archive']>): Verification => ({
  ...good,
  archive: { ...good.archive, ...archive },
});

describe('verification.json: one parser, one verdict', () => {
  const cases: {
    name: string;
    /** A document stored as JSON, raw text, or nothing at all. */
    stored?: object | string;
    manifest?: Manifest;
    fail?: string;
    state: string;
    reason: string;
  }[] = [
    { name: 'passing', stored: good, state: 'passing', reason: `verified at ${iso(NOW.getTime() - HOUR)}` },
    {
      name: 'a failing result',
      stored: drill(manifest(), {
        checks: [{ name: 'sha256', ok: false, detail: 'sha256 mismatch' }],
      }),
      state: 'failing',
      reason: `the restore drill of ${iso(NOW.getTime() - HOUR)} failed: it does not restore as recorded (sha256)`,
    },
    {
      // a check without a kind (a document written before 0.2) is read by its name
      name: 'a failing policy of a restorable archive (an older document)',
      stored: drill(manifest(), {
        checks: [
          { name: 'sha256', ok: true, detail: 'ok' },
          { name: 'required path app.db', ok: false, detail: 'no entry matches app.db' },
        ],
      }),
      state: 'failing',
      reason: `the restore drill of ${iso(NOW.getTime() - HOUR)} found it restorable, but it lacks app.db`,
    },
    {
      name: 'names another versionId of the archive',
      stored: withArchive({ expectedVersionId: 'v-other', actualVersionId: 'v-other' }),
      state: 'stale',
      reason: `${KEY} is about another version of the archive (version v-other, the manifest records v-archive)`,
    },
    {
      name: 'names another sha256',
      stored: withArchive({ expectedSha256: OTHER_SHA, actualSha256: OTHER_SHA }),
      state: 'stale',
      reason: `${KEY} is about other bytes (sha256 ${OTHER_SHA}, the manifest records ${SHA})`,
    },
    {
      name: 'names another snapshot',
      stored: { ...good, snapshotId: '20261122T020000Z' },
      state: 'stale',
      reason: `${KEY} is about snapshot 20261122T020000Z, not ${ID}`,
    },
    {
      name: 'a time in the future',
      stored: { ...good, verifiedAt: iso(NOW.getTime() + HOUR) },
      state: 'unreadable',
      reason: `${KEY} says it was verified at ${iso(NOW.getTime() + HOUR)}, in the future (it is ${NOW.toISOString()} now): it is not trusted`,
    },
    {
      name: 'a time a minute ahead (two runners’ clocks)',
      stored: { ...good, verifiedAt: iso(NOW.getTime() + 60_000) },
      state: 'passing',
      reason: `verified at ${iso(NOW.getTime() + 60_000)}`,
    },
    {
      name: 'says verified but read other bytes than it names',
      stored: withArchive({ actualSha256: OTHER_SHA }),
      state: 'failing',
      reason: `the restore drill of ${iso(NOW.getTime() - HOUR)} read sha256 ${OTHER_SHA}, not the ${SHA} it names`,
    },
    {
      name: 'says verified but read another object version than it names',
      stored: withArchive({ actualVersionId: 'v-replaced' }),
      state: 'failing',
      reason: `the restore drill of ${iso(NOW.getTime() - HOUR)} read version v-replaced of the archive, not the v-archive it names`,
    },
    {
      name: 'a copy: names the version its manifest was copied from',
      stored: good,
      manifest: manifest({
        archive: { ...manifest().archive, versionId: 'v-at-destination' },
        copiedFrom: {
          endpoint: '',
          bucket: 'primary',
          key: manifest().archive.key,
          versionId: 'v-archive',
          manifestKey: layout.manifestKey(ID),
          copiedAt: NOW.toISOString(),
        },
      }),
      state: 'passing',
      reason: `verified at ${iso(NOW.getTime() - HOUR)}`,
    },
    {
      name: 'schema-invalid (the hand-written kind the guard used to accept)',
      stored: { verified: true, verifiedAt: iso(NOW.getTime() - HOUR) },
      state: 'unreadable',
      reason:
        `${KEY} is not valid: (root) must have required property 'schema'; ` +
        `(root) must have required property 'snapshotId'; (root) must have required property 'target'`,
    },
    {
      name: 'not JSON',
      stored: '{"verified": tru',
      state: 'unreadable',
      reason: `plain://bucket/${KEY} is not valid JSON: it was not written by lifeboat or is damaged.`,
    },
    {
      name: 'larger than any verification.json',
      stored: 'x'.repeat(MAX_VERIFICATION_BYTES + 1),
      state: 'unreadable',
      reason: `plain://bucket/${KEY} is ${MAX_VERIFICATION_BYTES + 1} bytes, more than the ${MAX_VERIFICATION_BYTES} allowed for it: it was not read.`,
    },
    {
      name: 'the store fails the read',
      stored: good,
      fail: 'connection reset',
      state: 'unreadable',
      reason: `plain://bucket/${KEY} cannot be read: connection reset`,
    },
    { name: 'missing', state: 'missing', reason: `${KEY} does not exist` },
  ];

  it.each(cases)('$name: $state', async (c) => {
    const store = new PlainStore();
    if (c.stored !== undefined) store.put(KEY, c.stored);
    if (c.fail) store.failing.set(KEY, c.fail);
    const verdict = await verificationVerdict(store, layout, c.manifest ?? manifest(), NOW);
    expect({ state: verdict.state, reason: verdict.reason }).toEqual({ state: c.state, reason: c.reason });
    // only a document about these bytes travels with them
    expect(verdict.verification !== undefined).toBe(
      verdict.state === 'passing' || verdict.state === 'failing',
    );
  });

  it('buildVerification writes a document valid against the committed schema', () => {
    expect(schemaErrors('verification', good)).toEqual([]);
    expect(good).toMatchObject({
      schema: 1,
      snapshotId: ID,
      verified: true,
      verifiedAt: iso(NOW.getTime() - HOUR),
      restoreSeconds: 0.5,
      throughputMBps: 0,
      archive: { expectedVersionId: 'v-archive', actualVersionId: 'v-archive', expectedSha256: SHA },
    });
    const failed = drill(manifest(), {
      checks: [
        { name: 'x', ok: true, detail: '' },
        { name: 'y', ok: false, detail: '' },
      ],
    });
    expect(failed.verified).toBe(false);
    expect(drill(manifest(), { restoreSeconds: 0 }).throughputMBps).toBeNull();
  });
});

/** A snapshot of target app in the store: manifest, latest.json, and a verification.json when given. */
function putSnapshot(store: PlainStore, m: Manifest, verification?: object): void {
  const version = store.put(layout.manifestKey(m.snapshotId), m);
  store.put(layout.latestKey, latestFor(m, layout.manifestKey(m.snapshotId), version.versionId ?? null, NOW));
  if (verification) store.put(layout.verificationKey(m.snapshotId), verification);
}

describe('the guard’s freshness rule (LB006) uses the verdict', () => {
  // a backup two days old: fresh only through a passing verification of its bytes
  const old = manifest({
    created: iso(NOW.getTime() - 48 * HOUR),
    completed: iso(NOW.getTime() - 48 * HOUR),
  });
  const check = (store: PlainStore) =>
    checkFreshness({ store, prefix: 'lifeboat', targets: ['app'], maxAgeSeconds: 26 * 3600, now: NOW });

  it('a passing verification is the time measured from', async () => {
    const store = new PlainStore('plain://bucket', () => NOW);
    putSnapshot(store, old, drill(old));
    const r = await check(store);
    expect(r.findings).toEqual([]);
    expect(r.targets[0]).toMatchObject({ basis: 'verification', fresh: true, ageSeconds: 3600 });
  });

  it('rejects a verification of other bytes, which it used to accept', async () => {
    const store = new PlainStore('plain://bucket', () => NOW);
    putSnapshot(store, old, withArchive({ expectedSha256: OTHER_SHA, actualSha256: OTHER_SHA }));
    const r = await check(store);
    expect(r.targets[0]).toMatchObject({ basis: 'backup', fresh: false });
    expect(r.findings.map((f) => [f.severity, f.message])).toEqual([
      [
        'warning',
        `the restore verification of the newest backup of app (${ID}) is stale: ${KEY} is about other bytes ` +
          `(sha256 ${OTHER_SHA}, the manifest records ${SHA}); its backup time is used.`,
      ],
      ['error', expect.stringContaining('newest good backup of app') as string],
    ]);
  });

  it('rejects a verification of another object version and one dated in the future', async () => {
    for (const forged of [
      withArchive({ expectedVersionId: 'v-other', actualVersionId: 'v-other' }),
      { ...drill(old), verifiedAt: iso(NOW.getTime() + 24 * HOUR) },
    ]) {
      const store = new PlainStore('plain://bucket', () => NOW);
      putSnapshot(store, old, forged);
      const r = await check(store);
      expect(r.targets[0]).toMatchObject({ basis: 'backup', fresh: false });
      expect(r.findings.map((f) => f.severity)).toEqual(['warning', 'error']);
    }
  });
});

describe('copy-snapshot uses the verdict', () => {
  const archive = Buffer.from('encrypted archive bytes');
  const sha = createHash('sha256').update(archive).digest('hex');
  const options: CopyOptions = {
    target: 'app',
    sourcePrefix: 'lifeboat',
    destinationPrefix: 'lifeboat',
    snapshot: { kind: 'id', id: ID },
    requireVerified: true,
    requireVersioning: true,
    retention: { last: 0, daily: 0, weekly: 0, monthly: 0 },
  };

  /** An encrypted snapshot stored on a source: returns its manifest. */
  function source(store: PlainStore): Manifest {
    const key = layout.archiveKey(ID, 'gzip', true);
    const stored = store.put(key, archive, 'application/octet-stream');
    const m = manifest({
      archive: { key, versionId: stored.versionId ?? null, etag: null, size: archive.length, sha256: sha },
      encryption: { format: 'age', recipients: ['age1x'], plaintextSize: 5, plaintextSha256: SHA },
    });
    store.put(layout.manifestKey(ID), m);
    return m;
  }
  const copy = (from: PlainStore, to: PlainStore) =>
    runCopy(options, {
      source: from,
      destination: to,
      origin: { endpoint: '', bucket: 'primary' },
      logger: silentLogger,
      now: () => NOW,
    });

  it('copies a passing verification, which stays passing for the copy’s manifest', async () => {
    const from = new PlainStore();
    const m = source(from);
    from.put(KEY, drill(m));
    const to = new PlainStore('plain://second', () => NOW);
    const r = await copy(from, to);
    expect(r).toMatchObject({ verification: 'passing', verificationCopied: true, latestMoved: true });
    expect(to.json(KEY)).toEqual(drill(m));
    const copied = to.json(layout.manifestKey(ID)) as Manifest;
    expect(copied.archive.versionId).not.toBe(m.archive.versionId);
    expect((await verificationVerdict(to, layout, copied, NOW)).state).toBe('passing');
    // an age-encrypted archive is opaque bytes, wherever it is stored (it was application/gzip)
    expect(to.objects.get(copied.archive.key)?.contentType).toBe('application/octet-stream');
  });

  it('refuses a verification of another object version and writes nothing', async () => {
    const from = new PlainStore();
    const m = source(from);
    from.put(KEY, { ...drill(m), archive: { ...drill(m).archive, expectedVersionId: 'v-older' } });
    const to = new PlainStore('plain://second', () => NOW);
    await expect(copy(from, to)).rejects.toThrow(
      `has no passing verification: ${KEY} is about another version of the archive (version v-older, the manifest records ${m.archive.versionId})`,
    );
    expect(to.objects.size).toBe(0);
  });
});

describe('lifeboat snapshots lists every row with its verdict', () => {
  it('a corrupt or forged verification.json is that row’s verdict, and the listing goes on', async () => {
    const store = new PlainStore();
    const ids = ['20261121T020000Z', '20261122T020000Z', '20261123T020000Z'];
    const [forged, corrupt, passing] = ids.map((id) =>
      manifest({ snapshotId: id, archive: { ...manifest().archive, key: layout.archiveKey(id, 'gzip') } }),
    ) as [Manifest, Manifest, Manifest];
    for (const m of [forged, corrupt, passing]) store.put(layout.manifestKey(m.snapshotId), m);
    store.put(layout.verificationKey(forged.snapshotId), {
      ...drill(forged),
      verifiedAt: iso(NOW.getTime() + 48 * HOUR),
    });
    store.put(layout.verificationKey(corrupt.snapshotId), 'not json at all');
    store.put(layout.verificationKey(passing.snapshotId), drill(passing));
    store.put(layout.claimKey('20261124T020000Z'), { claimedBy: 'a run still going' });

    const rows = await listJudgedSnapshots(store, layout, NOW);
    expect(rows.map((r) => [r.id, r.state, r.verdict?.state])).toEqual([
      ['20261124T020000Z', 'incomplete', undefined],
      ['20261123T020000Z', 'ok', 'passing'],
      ['20261122T020000Z', 'ok', 'unreadable'],
      ['20261121T020000Z', 'ok', 'unreadable'],
    ]);
  });
});

// a time written by a clock that was ahead (0.1.0 took the runner's) is not "0 s old"
describe('the guard’s freshness rule (LB006) goes by the storage clock', () => {
  it('a backup created "in the future" is as old as the latest.json that names it', async () => {
    const clock = new ManualClock('2026-11-23T02:00:00Z');
    const store = new MemoryStore({ clock: clock.now });
    const layout = new TargetLayout('lifeboat', 'app');
    const m = putHandSnapshot(store, layout, '20261125T020000Z'); // two days ahead, stored now
    await store.putJson(layout.latestKey, latestFor(m, layout.manifestKey(m.snapshotId), null, clock.now()));
    clock.advance(2 * DAY);
    const runnerBehind = new Date(clock.now().getTime() - 3 * DAY);
    const r = await checkFreshness({
      store,
      prefix: 'lifeboat',
      targets: ['app'],
      maxAgeSeconds: 26 * 3600,
      now: runnerBehind,
    });
    expect(r.targets[0]).toMatchObject({ basis: 'backup', fresh: false, ageSeconds: 2 * 86_400 });
    expect(r.findings.map((f) => f.severity)).toEqual(['error']);
  });
});
