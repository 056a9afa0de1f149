import { describe, expect, it } from 'vitest';
import { buildArchiveScript } from '../../src/archive/remote-script.js';
import { latestFor, type LatestPointer, type Manifest } from '../../src/catalog/manifest.js';
import { listSnapshots, readLatest } from '../../src/catalog/listing.js';
import { ConfigurationError, EnvironmentError, OperationFailedError } from '../../src/util/errors.js';
import { formatBytes } from '../../src/util/format.js';
import { putSnapshot } from '../ports/catalog-fixture.js';
import { DAY, HOUR, ManualClock, MINUTE, SECOND } from '../ports/clock.js';
import { MemoryStore, s3Error } from '../ports/memory-store.js';
import {
  backup,
  keepLast,
  LAYOUT,
  noise,
  sha256,
  startBackup,
  volume,
  type BackupSetup,
} from '../ports/backup-fixture.js';
import { framedArchive, hasZstd, makeTar, ScriptedSource } from '../ports/scripted-source.js';

// runBackup end to end in-process: the scripted source plays the framed stream of a tar made in
// memory, the memory store keeps what a versioned bucket would
const ROOT = `${LAYOUT.root}/`;

function fixture(start = '2026-11-23T02:00:00Z') {
  const clock = new ManualClock(start);
  const store = new MemoryStore({ clock: clock.now });
  return { clock, store };
}

const manifestOf = (store: MemoryStore, id: string) => store.json<Manifest>(LAYOUT.manifestKey(id))!;
const latestOf = (store: MemoryStore) => store.json<LatestPointer>(LAYOUT.latestKey);

/** A run that must fail: its error, and what a listing of the target showed before it. */
async function failingBackup(s: BackupSetup) {
  const keysBefore = s.store.keys(ROOT);
  const started = await startBackup(s);
  const error = await started.running.then(
    () => undefined,
    (err: unknown) => err as Error,
  );
  if (!error) throw new Error('the backup succeeded');
  return { ...started, error, keysBefore };
}

describe('runBackup: a first backup', () => {
  it('stores the archive exactly as the source sent it, then the manifest, then latest.json', async () => {
    const { clock, store } = fixture();
    const { result, sent, source } = await backup({ store, clock });
    const id = '20261123T020000Z';
    const folder = `snapshots/${id}/`;

    expect(result).toMatchObject({ status: 'ok', message: '', snapshotId: id, compression: 'gzip' });
    expect(store.keys(ROOT)).toEqual([
      `${ROOT}latest.json`,
      `${ROOT}${folder}archive.tar.gz`,
      `${ROOT}${folder}index.jsonl.gz`,
      `${ROOT}${folder}manifest.json`,
    ]);
    // the bytes in the bucket are the bytes the source sent, and the hash is of those bytes
    const stored = store.bytes(result.archiveKey)!;
    expect(stored.equals(sent.archive)).toBe(true);
    expect(result.sha256).toBe(sha256(stored));
    expect(result.sizeBytes).toBe(stored.length);
    const [archiveVersion] = store.versionsOf(result.archiveKey);
    expect(archiveVersion).toMatchObject({ isLatest: true, contentType: 'application/gzip' });

    const m = manifestOf(store, id);
    expect(m).toMatchObject({
      schema: 1,
      snapshotId: id,
      target: 'app',
      status: 'ok',
      created: '2026-11-23T02:00:00.000Z',
      source: { kind: 'fly', app: 'test-app', machine: null, path: '/data', excludes: [], preCommand: false },
      tools: { flyctl: '0.4.87' },
      compression: 'gzip',
      archive: {
        key: result.archiveKey,
        versionId: archiveVersion!.versionId,
        etag: archiveVersion!.etag,
        size: stored.length,
        sha256: sha256(stored),
      },
      entries: volume().length,
      uncompressedBytes: sent.tar.length,
      warnings: [],
      previous: null,
    });
    expect(m).not.toHaveProperty('statusReason');

    const manifestVersion = store.versionsOf(LAYOUT.manifestKey(id))[0]!.versionId;
    expect(latestOf(store)).toMatchObject({
      snapshotId: id,
      manifestKey: LAYOUT.manifestKey(id),
      manifestVersionId: manifestVersion,
      archiveKey: result.archiveKey,
      archiveVersionId: archiveVersion!.versionId,
      sha256: result.sha256,
      size: stored.length,
      created: m.created,
    });

    // the order of the writes: the conditional-write probe (this store is Ceph-like: the second
    // write is accepted, so there is no third), claim the id, the archive, its index, the manifest, claim the
    // move, latest last; the two claims are released (a release record and a delete marker each)
    // and nothing else is written after latest
    expect(store.writes(ROOT)).toEqual([
      'PutObject conditional-write-probe.json',
      'PutObject conditional-write-probe.json',
      'DeleteObject conditional-write-probe.json',
      `PutObject ${folder}claim.json`,
      `CompleteUpload ${folder}archive.tar.gz`,
      `CompleteUpload ${folder}index.jsonl.gz`,
      `PutObject ${folder}manifest.json`,
      'PutObject first-snapshot.json',
      'PutObject latest.json',
      'PutObject first-snapshot.json',
      'DeleteObject first-snapshot.json',
      `PutObject ${folder}claim.json`,
      `DeleteObject ${folder}claim.json`,
    ]);
    for (const claim of [`${ROOT}first-snapshot.json`, `${ROOT}${folder}claim.json`]) {
      const [marker, record, mine] = store.versionsOf(claim);
      expect([marker, record, mine].map((v) => [v!.deleteMarker, v!.isLatest])).toEqual([
        [true, true],
        [false, false],
        [false, false],
      ]);
      expect(store.json(claim, record!.versionId)).toEqual({ released: mine!.versionId });
    }
    expect(store.openUploads()).toEqual({});
    // the script the source was asked to run is the archive script of these options, unchanged
    expect(source.runs.map((r) => r.script)).toEqual([
      buildArchiveScript({ path: '/data', compression: 'auto', excludes: [] }),
    ]);
    expect(source.preflights).toBe(1);
  });

  it.skipIf(!hasZstd)('a zstd stream is stored as archive.tar.zst with its own content type', async () => {
    const { clock, store } = fixture();
    const { result, sent } = await backup({ store, clock, archive: { compression: 'zstd' } });
    expect(result.archiveKey).toBe(LAYOUT.archiveKey(result.snapshotId, 'zstd'));
    expect(store.bytes(result.archiveKey)!.equals(sent.archive)).toBe(true);
    expect(store.versionsOf(result.archiveKey)[0]!.contentType).toBe('application/zstd');
  });

  it('an archive larger than one part is a multipart upload, completed and closed', async () => {
    const { clock, store } = fixture();
    // 9 MiB of tar, sent uncompressed: two parts of the smallest part size
    const tar = await makeTar([{ name: './big.bin', content: Buffer.alloc(9 * 1024 * 1024, 1) }]);
    const { result } = await backup({
      store,
      clock,
      archive: { tar, compression: 'none' },
      options: { compression: 'none' },
    });
    expect(result.archiveKey.endsWith('/archive.tar')).toBe(true);
    expect(store.bytes(result.archiveKey)!.equals(tar)).toBe(true);
    expect(store.versionsOf(result.archiveKey)[0]!.etag).toMatch(/^"[0-9a-f]{32}-2"$/);
    expect(manifestOf(store, result.snapshotId).uncompressedBytes).toBe(tar.length);
    expect(store.openUploads()).toEqual({});
  });

  it.each([1, 3, 509])('a stream read in chunks of %i bytes is stored the same', async (chunkSize) => {
    // a small archive: the header and the trailer arrive split over many reads
    const { clock, store } = fixture();
    const entries = [{ name: './' }, { name: './a.txt', content: noise(700, 5) }];
    const { result, sent } = await backup({ store, clock, archive: { entries }, play: { chunkSize } });
    expect(store.bytes(result.archiveKey)!.equals(sent.archive)).toBe(true);
    expect(result.entries).toBe(2);
  });

  it('stderr lines of the source are logged with its label; tar exit 1 is a warning in the manifest', async () => {
    const { clock, store } = fixture();
    const { result, logger } = await backup({
      store,
      clock,
      archive: { entries: volume(), trailer: { tar: 1 } },
      play: { stderr: ['tar: ./db/app.sqlite: file changed as we read it'] },
    });
    expect(logger.lines).toContain('[flyctl] tar: ./db/app.sqlite: file changed as we read it');
    expect(result.status).toBe('ok');
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^tar reported files that changed while they were read \(exit 1\): \.\/db\/app\.sqlite changed while it was read; /,
      ),
    ]);
    expect(manifestOf(store, result.snapshotId).warnings).toEqual(result.warnings);
    expect(latestOf(store)?.snapshotId).toBe(result.snapshotId);
  });

  // was: status ok with no word, and an archive of no entry at all moved latest.json to a snapshot
  // that verify then failed ("min entries") (newcomer and attacker, 2026-12-03)
  it('a first backup of nothing but the root warns; an archive with no entry at all is suspect', async () => {
    const { clock, store } = fixture();
    const root = await backup({ store, clock, archive: { entries: [{ name: './' }] } });
    expect(root.result.status).toBe('ok');
    expect(manifestOf(store, root.result.snapshotId).warnings).toEqual([
      "/data holds nothing but itself (the archive's one entry is the folder): an empty or unmounted volume? A restore of this snapshot gives back an empty folder.",
    ]);

    const other = fixture();
    const none = await backup({ store: other.store, clock: other.clock, archive: { entries: [] } });
    expect(none.result.status).toBe('suspect');
    expect(manifestOf(other.store, none.result.snapshotId).statusReason).toBe(
      'the archive holds no entry at all, not even /data itself: the excludes leave out everything',
    );
    expect(latestOf(other.store)).toBeUndefined();
  });
});

describe('runBackup: the next backups', () => {
  it('a second backup records the first as previous and moves latest.json to itself', async () => {
    const { clock, store } = fixture();
    const first = await backup({ store, clock });
    const latestBefore = store.versionsOf(LAYOUT.latestKey)[0]!;
    clock.advance(DAY);
    // one more file: a little larger than the first
    const entries = [...volume(), { name: './uploads/new.bin', content: Buffer.alloc(3000, 7) }];
    const second = await backup({ store, clock, archive: { entries } });

    expect(second.result.snapshotId).toBe('20261124T020000Z');
    expect(second.result.previous).toEqual({
      snapshotId: first.result.snapshotId,
      size: first.result.sizeBytes,
      entries: first.result.entries,
      sizeRatio: Math.round((second.result.sizeBytes / first.result.sizeBytes) * 1e4) / 1e4,
      entriesRatio: Math.round(((volume().length + 1) / volume().length) * 1e4) / 1e4,
    });
    expect(manifestOf(store, second.result.snapshotId).previous).toEqual(second.result.previous);
    // latest.json has two versions, newest first: the second snapshot, then the first
    const history = store.versionsOf(LAYOUT.latestKey);
    expect(history.map((v) => store.json<LatestPointer>(LAYOUT.latestKey, v.versionId)?.snapshotId)).toEqual([
      second.result.snapshotId,
      first.result.snapshotId,
    ]);
    expect(history[1]!.versionId).toBe(latestBefore.versionId);
    // the move away from the first snapshot was claimed in its folder, and released
    const successor = `${LAYOUT.snapshotPrefix(first.result.snapshotId)}successor.json`;
    expect(store.versionsOf(successor).map((v) => v.deleteMarker)).toEqual([true, false, false]);
    expect(store.json(successor, store.versionsOf(successor)[2]!.versionId)).toMatchObject({
      successor: second.result.snapshotId,
      previous: first.result.snapshotId,
    });
    // both snapshots are good and listed
    expect((await listSnapshots(store, LAYOUT)).map((e) => [e.id, e.state])).toEqual([
      [second.result.snapshotId, 'ok'],
      [first.result.snapshotId, 'ok'],
    ]);
  });

  it('the wiped-volume guard: a much smaller archive is stored as suspect, latest stays, nothing is pruned', async () => {
    const { clock, store } = fixture();
    const first = await backup({ store, clock });
    const latestBefore = store.versionsOf(LAYOUT.latestKey);
    clock.advance(DAY);
    const wiped = [{ name: './' }, { name: './db/' }];
    const second = await backup({
      store,
      clock,
      archive: { entries: wiped },
      options: { retention: keepLast(1) },
    });

    const id = second.result.snapshotId;
    expect(second.result.status).toBe('suspect');
    expect(second.result.message).toMatch(
      new RegExp(
        `^Backup is suspect: the new archive is much smaller than snapshot ${first.result.snapshotId}: size .* is \\d+\\.\\d% of the previous .* and 2 entries is 18\\.2% of the previous 11 \\(min-size-ratio 0\\.5\\)\\. Was the volume wiped\\? Snapshot ${id} was stored with status "suspect", latest\\.json was not moved and nothing was pruned\\.`,
      ),
    );
    const m = manifestOf(store, id);
    expect(m.status).toBe('suspect');
    expect(m.statusReason).toMatch(/^the new archive is much smaller than snapshot /);
    // latest.json is exactly as it was: no new version
    expect(store.versionsOf(LAYOUT.latestKey)).toEqual(latestBefore);
    // no move was even claimed, and retention (last: 1) did not run: the first snapshot is whole
    expect(store.versionsOf(`${LAYOUT.snapshotPrefix(first.result.snapshotId)}successor.json`)).toEqual([]);
    expect(second.result.pruned).toEqual([]);
    expect(store.keys(LAYOUT.snapshotPrefix(first.result.snapshotId))).toEqual([
      first.result.archiveKey,
      LAYOUT.indexKey(first.result.snapshotId),
      first.result.manifestKey,
    ]);
    // a suspect snapshot is listed as such, never as good
    expect((await listSnapshots(store, LAYOUT)).map((e) => [e.id, e.state])).toEqual([
      [id, 'suspect'],
      [first.result.snapshotId, 'ok'],
    ]);
  });

  // was: "no previous snapshot: this is the first", status ok for an empty volume, latest.json
  // moved to it and keep-last 1 pruned the only real backup (newcomer and attacker, 2026-12-03)
  it('the guard without latest.json, or with its manifest gone: it compares with the newest good snapshot it can read', async () => {
    for (const lost of [
      'latest.json',
      'a delete marker on its manifest',
      'its manifest, for good',
    ] as const) {
      const { clock, store } = fixture();
      const older = await backup({ store, clock });
      clock.advance(DAY);
      const first = await backup({ store, clock });
      if (lost === 'latest.json') await store.deleteKeys([LAYOUT.latestKey]);
      else if (lost === 'a delete marker on its manifest') await store.deleteKeys([first.result.manifestKey]);
      else
        store.deleteVersion(
          first.result.manifestKey,
          store.versionsOf(first.result.manifestKey)[0]!.versionId,
        );
      // the manifest version latest.json names is read through a delete marker
      const good = lost === 'its manifest, for good' ? older : first;
      const latestBefore = store.versionsOf(LAYOUT.latestKey);
      clock.advance(DAY);
      const second = await backup({
        store,
        clock,
        archive: { entries: [{ name: './' }] },
        options: { retention: keepLast(1) },
      });
      expect(second.result.status, lost).toBe('suspect');
      expect(second.result.message).toMatch(
        new RegExp(
          `^Backup is suspect: the new archive is much smaller than snapshot ${good.result.snapshotId}: `,
        ),
      );
      const why = {
        'latest.json': `${LAYOUT.latestKey} is missing (deleted, or a delete marker on it)`,
        'a delete marker on its manifest': undefined,
        'its manifest, for good': `latest.json names snapshot ${first.result.snapshotId}, whose manifest is missing`,
      }[lost];
      expect(second.logger.warnings.filter((w) => w.includes('the listing holds good snapshots'))).toEqual(
        why
          ? [
              `${why}, but the listing holds good snapshots: the wiped-volume guard compares with the newest, ${good.result.snapshotId} ` +
                `(${formatBytes(good.sent.archive.length)}, 11 entries).`,
            ]
          : [],
      );
      expect(second.logger.lines).toContain(
        `previous good snapshot: ${good.result.snapshotId} (${formatBytes(good.sent.archive.length)})`,
      );
      expect(store.versionsOf(LAYOUT.latestKey)).toEqual(latestBefore);
      expect(second.result.pruned).toEqual([]);
      expect(store.keys(LAYOUT.snapshotPrefix(good.result.snapshotId))).toContain(good.result.archiveKey);
    }
  });

  // was: exit 2, "configuration" ("nothing was changed") and no snapshot id, for a backup that was
  // published and then could not prune with a key without s3:DeleteObject (attacker, 2026-12-03)
  it('retention denied after the publish: the error says the snapshot was published and names it', async () => {
    const clock = new ManualClock();
    let deny = false;
    const store = new MemoryStore({
      clock: clock.now,
      fault: (call) => {
        if (deny && call.operation === 'DeleteObject') throw s3Error('AccessDenied', 403, 'Access Denied');
      },
    });
    await backup({ store, clock });
    clock.advance(DAY);
    deny = true;
    const run = await startBackup({ store, clock, options: { retention: keepLast(1) } });
    const failed = run.running;
    await expect(failed).rejects.toThrow(OperationFailedError);
    const latest = await readLatest(store, LAYOUT);
    await expect(failed).rejects.toThrow(
      `snapshot ${latest!.pointer.snapshotId} was published (its manifest is written and latest.json names it), but retention failed: `,
    );
    await expect(failed).rejects.toThrow('a key without s3:DeleteObject needs it (README, "IAM policies")');
  });

  it('allow-shrink accepts the smaller archive with a warning, moves latest.json and prunes', async () => {
    const { clock, store } = fixture();
    const first = await backup({ store, clock });
    clock.advance(DAY);
    const second = await backup({
      store,
      clock,
      archive: { entries: [{ name: './' }] },
      options: { allowShrink: true, retention: keepLast(1) },
    });
    expect(second.result.status).toBe('ok');
    expect(second.logger.warnings).toEqual([
      expect.stringMatching(/^the new archive is much smaller .*; accepted because 'allow-shrink' is true$/),
    ]);
    expect(latestOf(store)?.snapshotId).toBe(second.result.snapshotId);
    expect(second.result.pruned).toEqual([first.result.snapshotId]);
  });

  it('retention after a good backup deletes whole folders, the manifest first; a dry run only reports', async () => {
    const { clock, store } = fixture();
    const ids: string[] = [];
    const retention = keepLast(2);
    for (let day = 0; day < 3; day++) {
      if (day > 0) clock.advance(DAY);
      ids.push((await backup({ store, clock })).result.snapshotId);
    }
    // a dry run with keep-last 2: its own snapshot and the newest would stay, the other two would go
    clock.advance(DAY);
    const versionsBefore = store.allVersions();
    const dry = await backup({ store, clock, options: { retention, dryRun: true } });
    expect(dry.result).toMatchObject({ dryRun: true, wouldPrune: [ids[1], ids[0]], pruned: [] });
    expect(dry.logger.lines).toContain(`dry run: would prune ${ids[1]}, ${ids[0]}`);
    expect(store.allVersions()).toEqual(versionsBefore);
    clock.advance(DAY);
    const fourth = await backup({ store, clock, options: { retention } });
    ids.push(fourth.result.snapshotId);
    expect(fourth.result.pruned).toEqual([ids[1], ids[0]]);
    expect(fourth.logger.lines).toContain(`keeping 2 snapshot(s): ${ids[3]} (last); ${ids[2]} (last)`);
    for (const gone of [ids[0]!, ids[1]!]) {
      const folder = LAYOUT.snapshotPrefix(gone);
      expect(store.keys(folder)).toEqual([]);
      // deleted, not destroyed: the versions stay below delete markers (the bucket's lifecycle
      // rule expires them)
      const manifest = store.versionsOf(LAYOUT.manifestKey(gone));
      expect(manifest.map((v) => v.deleteMarker)).toEqual([true, false]);
      const writes = store.writes(folder);
      const deletes = writes.slice(writes.indexOf('DeleteObject manifest.json'));
      expect(deletes).toEqual([
        'DeleteObject manifest.json',
        'DeleteObject archive.tar.gz',
        'DeleteObject index.jsonl.gz',
      ]);
    }
    expect((await listSnapshots(store, LAYOUT)).map((e) => e.id)).toEqual([ids[3], ids[2]]);
    expect(latestOf(store)?.snapshotId).toBe(ids[3]);
  });
});

describe('runBackup: time comes from the storage', () => {
  /** A server clock and a runner clock that is `offsetMs` off it. */
  function skewed(offsetMs: number, start = '2026-11-23T02:00:00Z') {
    const { clock, store } = fixture(start);
    const runner = new ManualClock(new Date(clock.now().getTime() + offsetMs));
    return { clock, store, runner };
  }

  it('a runner clock more than five minutes off the storage is refused before anything is written', async () => {
    const { clock, store } = fixture();
    await backup({ store, clock });
    clock.advance(DAY);
    for (const offset of [-HOUR, 6 * MINUTE]) {
      const runner = new ManualClock(new Date(clock.now().getTime() + offset));
      const writesBefore = store.writes();
      const run = await failingBackup({ store, clock, runner });
      expect(run.error).toBeInstanceOf(EnvironmentError);
      expect(run.error.message).toBe(
        `This machine's clock is ${offset < 0 ? '1h behind' : '6m ahead of'} the storage's (s3://memory says 2026-11-24T02:00:00.000Z, ` +
          `this machine ${runner.now().toISOString()}): lifeboat orders snapshots by the storage's time and refuses to write with a clock ` +
          'more than 5 minutes off. Nothing was written. Set the clock right (NTP: timedatectl set-ntp true) and run again.',
      );
      expect(store.writes()).toEqual(writesBefore);
      expect(run.source.runs).toEqual([]);
    }
  });

  // was a bug: snapshot ids were the start time by the runner's clock and planPrune protected only
  // what is at or after the newest good id, never the snapshot latest.json names. A run whose
  // clock was behind the previous run's (a self-hosted runner or a CLI cron beside the scheduled
  // workflow) stored an older-looking id, moved latest.json to it, and keep-last 1 then pruned it:
  // latest.json named a deleted manifest. The id now comes from the storage's clock.
  it('retention never deletes the snapshot latest.json names (a run whose clock is behind)', async () => {
    const { clock, store } = fixture();
    const first = await backup({ store, clock });
    clock.advance(2 * MINUTE);
    // the next run's clock is four minutes behind the storage's: behind the first run's too
    const runner = new ManualClock(new Date(clock.now().getTime() - 4 * MINUTE));
    const behind = await backup({ store, clock, runner, options: { retention: keepLast(1) } });
    expect(behind.result.snapshotId).toBe('20261123T020200Z');
    expect(manifestOf(store, behind.result.snapshotId).created).toBe('2026-11-23T02:02:00.000Z');
    expect(latestOf(store)?.snapshotId).toBe(behind.result.snapshotId);
    expect(behind.result.pruned).toEqual([first.result.snapshotId]);
    expect(store.keys(LAYOUT.snapshotPrefix(behind.result.snapshotId))).toHaveLength(3);
  });

  it('a storage clock that went back: latest.json does not move back and nothing is pruned', async () => {
    const { clock, store } = fixture();
    const first = await backup({ store, clock });
    clock.advance(-HOUR);
    const run = await failingBackup({ store, clock, options: { retention: keepLast(1) } });
    expect(run.error.message).toBe(
      `latest.json of target app names snapshot ${first.result.snapshotId}, taken at 2026-11-23T02:00:00.000Z by the storage's clock, ` +
        'not before snapshot 20261123T010000Z: latest.json never moves back, so snapshot 20261123T010000Z was stored but latest was not moved and nothing was pruned.',
    );
    expect(latestOf(store)?.snapshotId).toBe(first.result.snapshotId);
    expect(store.keys(LAYOUT.snapshotPrefix(first.result.snapshotId))).toHaveLength(3);
  });

  // 0.1.0 took ids from the runner's clock: one run with a clock a day ahead stored an id in the
  // future, and keep-last 1 then made every later normal backup prune itself (the future id was
  // "newest") and leave latest.json dangling
  it('a snapshot whose id is in the future is as new as when the storage stored it', async () => {
    const { clock, store } = fixture();
    const future = '20261124T020000Z'; // a day ahead of the storage, stored now
    putSnapshot(store, LAYOUT, future);
    const m = manifestOf(store, future);
    await store.putJson(LAYOUT.latestKey, latestFor(m, LAYOUT.manifestKey(future), null, clock.now()));
    for (let run = 1; run <= 3; run++) {
      clock.advance(HOUR);
      const next = await backup({ store, clock, options: { retention: keepLast(1) } });
      expect(latestOf(store)?.snapshotId).toBe(next.result.snapshotId);
      expect(store.keys(LAYOUT.snapshotPrefix(next.result.snapshotId))).toHaveLength(3);
      expect(next.result.pruned).toHaveLength(1);
    }
    expect((await listSnapshots(store, LAYOUT)).map((e) => e.id)).toEqual(['20261123T050000Z']);
  });

  it('the skew within five minutes is corrected: ids, created and completed are the storage clock', async () => {
    const { clock, store, runner } = skewed(-3 * MINUTE);
    const { result } = await backup({ store, clock, runner });
    expect(result.snapshotId).toBe('20261123T020000Z');
    expect(manifestOf(store, result.snapshotId)).toMatchObject({
      created: '2026-11-23T02:00:00.000Z',
      completed: '2026-11-23T02:00:00.000Z',
    });
    expect(latestOf(store)?.updated).toBe('2026-11-23T02:00:00.000Z');
  });
});

describe('runBackup: a run never publishes so late that prune takes it for a leftover', () => {
  // prune removes a folder without a manifest once its newest object is 24 h old (storage time);
  // that is safe only because a live run gives up publishing after MAX_PUBLISH_MS (20 h)
  it('a backup whose stream took 21 hours (storage time) writes no manifest and leaves latest.json alone', async () => {
    const { clock, store } = fixture();
    const first = await backup({ store, clock });
    clock.advance(DAY);
    const sent = await framedArchive({ entries: volume(2) });
    const source = new ScriptedSource({ label: 'flyctl', tools: { flyctl: '0.4.87' } });
    source.enqueue({
      stdout: () => {
        clock.advance(21 * HOUR);
        return sent.framed;
      },
    });
    const run = await failingBackup({ store, clock, source });
    const id = '20261124T020000Z';
    expect(run.error.message).toBe(
      `the backup of app ran 21h, longer than the 20h after which prune may take an unfinished snapshot for a leftover: ` +
        `snapshot ${id} was not published (its archive stays until retention removes it). ` +
        'Back up less at once (exclude, or split the path into targets).',
    );
    expect(store.json(LAYOUT.manifestKey(id))).toBeUndefined();
    expect(latestOf(store)?.snapshotId).toBe(first.result.snapshotId);
  });
});

describe('runBackup: a 503 on the PUT of latest.json', () => {
  /** A good first backup, then a second whose PUT of latest.json is answered 503. */
  async function failedMove() {
    const { clock, store } = fixture();
    const first = await backup({ store, clock });
    const latestBefore = store.versionsOf(LAYOUT.latestKey);
    clock.advance(DAY);
    store.fault = ({ operation, key }) => {
      if (operation === 'PutObject' && key === LAYOUT.latestKey) {
        throw s3Error('ServiceUnavailable', 503, 'Please reduce your request rate.');
      }
    };
    const failed = await failingBackup({
      store,
      clock,
      options: { retention: keepLast(1) },
    });
    store.fault = undefined;
    return { clock, store, first, latestBefore, failed };
  }

  it('fails with the storage error; latest.json is unchanged and nothing is pruned', async () => {
    const { store, first, latestBefore, failed } = await failedMove();
    expect(failed.error.message).toBe(
      'PutObject lifeboat/app/latest.json on s3://memory failed: ServiceUnavailable (HTTP 503): Please reduce your request rate.',
    );
    expect(store.versionsOf(LAYOUT.latestKey)).toEqual(latestBefore);
    expect((await readLatest(store, LAYOUT))?.pointer.snapshotId).toBe(first.result.snapshotId);
    // the failed run's snapshot is stored whole and good, but latest.json does not name it
    const listed = await listSnapshots(store, LAYOUT);
    expect(listed.map((e) => [e.id, e.state])).toEqual([
      ['20261124T020000Z', 'ok'],
      [first.result.snapshotId, 'ok'],
    ]);
    // retention (last: 1) never ran: the first snapshot is whole; both claims were released
    expect(store.keys(LAYOUT.snapshotPrefix(first.result.snapshotId))).toHaveLength(3);
    expect(store.keys(ROOT).filter((k) => k.endsWith('claim.json') || k.endsWith('successor.json'))).toEqual(
      [],
    );
  });

  it('a run more than ten minutes later moves latest.json past the orphan and prunes', async () => {
    const { clock, store, first } = await failedMove();
    clock.advance(11 * MINUTE);
    const next = await backup({
      store,
      clock,
      options: { retention: keepLast(1) },
    });
    expect(next.result.snapshotId).toBe('20261124T021100Z');
    // it compares itself with latest.json's snapshot (the first), not with the orphan
    expect(next.result.previous?.snapshotId).toBe(first.result.snapshotId);
    expect(latestOf(store)?.snapshotId).toBe(next.result.snapshotId);
    expect(next.result.pruned).toEqual(['20261124T020000Z', first.result.snapshotId]);
  });

  // was a bug: after a transient 503 on latest.json, every run of the target for the next ten
  // minutes stored its snapshot and then failed with "another backup or copy of target app is
  // moving latest.json to snapshot 20261124T020000Z at the same moment", though nothing ran: the
  // failed run's release was only a delete marker, which listVersions leaves out, so the released
  // claim counted as a live holder. A release now writes a record naming the claim's version.
  it('a retry right after the failed move moves latest.json', async () => {
    const { clock, store } = await failedMove();
    clock.advance(5 * SECOND);
    const retry = await backup({ store, clock });
    expect(retry.result.status).toBe('ok');
    expect(latestOf(store)?.snapshotId).toBe(retry.result.snapshotId);
  });
});

describe('runBackup: failures publish nothing', () => {
  it('a stream cut short with exit 0 (an old flyctl): no object, no open upload, latest unchanged', async () => {
    const { clock, store } = fixture();
    await backup({ store, clock });
    clock.advance(DAY);
    const run = await failingBackup({ store, clock, play: { cutAfter: 20_000, chunkSize: 4096 } });
    expect(run.error).toBeInstanceOf(OperationFailedError);
    expect(run.error.message).toBe(
      "the archive stream from flyctl was incomplete although it exited with status 0 (stream ended before lifeboat's end marker: the connection was cut or the command stopped early); nothing was published. If this repeats, update flyctl (>= 0.4.80 drains the stream) and check the connection.",
    );
    // the same objects as before the run, and no new version of latest.json
    expect(store.keys(ROOT)).toEqual(run.keysBefore);
    expect(store.openUploads()).toEqual({});
    expect(store.versionsOf(LAYOUT.latestKey)).toHaveLength(1);
  });

  it('a stream cut short by a failing source: its exit and its last error line', async () => {
    const { clock, store } = fixture();
    const run = await failingBackup({
      store,
      clock,
      play: {
        cutAfter: 10_000,
        exitCode: 1,
        stderr: ['Error: ssh shell: Process exited with status 2', 'Try: fly status'],
      },
    });
    expect(run.error.message).toBe(
      'flyctl exited with status 1 before the archive was complete: Error: ssh shell: Process exited with status 2',
    );
    expect(store.keys(ROOT)).toEqual([]);
  });

  it('a whole stream from a source that then exits non-zero is not published', async () => {
    const { clock, store } = fixture();
    const run = await failingBackup({
      store,
      clock,
      play: { exitCode: 1, stderr: ['Error: tunnel closed'] },
    });
    expect(run.error.message).toBe(
      'flyctl exited with status 1 after the archive was sent: Error: tunnel closed; nothing was published.',
    );
    expect(store.keys(ROOT)).toEqual([]);
    expect(store.openUploads()).toEqual({});
  });

  it.each([
    [
      { tar: 2 },
      OperationFailedError,
      'tar failed on the source with exit status 2 (see its message above); nothing was published.',
    ],
    [
      { zip: 1 },
      OperationFailedError,
      'the compressor failed on the source with exit status 1; nothing was published.',
    ],
    [
      { pre: 3, err: 'pre' },
      OperationFailedError,
      'pre-command failed on the source with exit status 3; the backup was aborted and nothing was published (its output is in the log above).',
    ],
    [
      { err: 'nopath' },
      ConfigurationError,
      "The path /data does not exist on the source or is not a directory: set the 'path' input to the volume's mount point (see [mounts] destination in fly.toml).",
    ],
  ])('the trailer %o fails the backup', async (trailer, type, message) => {
    const { clock, store } = fixture();
    const run = await failingBackup({ store, clock, archive: { entries: volume(), trailer } });
    expect(run.error).toBeInstanceOf(type);
    expect(run.error.message).toBe(message);
    expect(store.keys(ROOT)).toEqual([]);
  });

  it('a truncated tar inside a complete stream is refused as damaged', async () => {
    const { clock, store } = fixture();
    const cut = (await makeTar(volume())).subarray(0, 9 * 512);
    const run = await failingBackup({ store, clock, archive: { tar: cut } });
    // the end marker came and every status was 0: the machine's tools wrote it so, not the link
    expect(run.error.message).toMatch(
      /^the archive that the Fly machine wrote is not a complete, valid archive \(Unexpected end of data\), although tar and gzip there reported no error and the stream arrived whole \(its end marker came\): the machine's tar or compressor is faulty; nothing was published\. /,
    );
    expect(store.keys(ROOT)).toEqual([]);
    expect(store.openUploads()).toEqual({});
  });

  it('a banner before the header of a small stream: refused before anything is uploaded', async () => {
    const { clock, store } = fixture();
    const banner = 'Welcome to Ubuntu\n';
    const run = await failingBackup({ store, clock, archive: { entries: volume(), banner } });
    // the source had written all of it into the pipe and exited 0 before lifeboat stopped reading
    expect(run.error.message).toContain(
      `(the remote command's output did not start with lifeboat's stream header (got "Welcome to Ubuntu"): something else wrote to stdout (a login banner, a PTY, a wrapper script))`,
    );
    expect(store.calls.filter((c) => c.operation === 'Upload')).toEqual([]);
    expect(store.keys(ROOT)).toEqual([]);
  });

  // Was a bug (fixed in archive/judge-run.ts): with a volume larger than the pipe's buffer, a login banner (or a PTY) before the header
  // is reported as "flyctl was killed by SIGPIPE before the archive was complete: (no message on
  // stderr)", which names neither the banner nor the fix. Cause: when the header is refused,
  // lifeboat closes the source's stdout, so the source dies of SIGPIPE, and explainStreamFailure
  // (archive/stream-to-store.ts) ranks the source's exit above the framing error whenever no
  // trailer arrived; only ArchiveDamagedError ranks above the exit.
  it('a banner before the header of a large stream is reported as a banner', async () => {
    const { clock, store } = fixture();
    const entries = [{ name: './big.bin', content: noise(512 * 1024, 9) }];
    const run = await failingBackup({ store, clock, archive: { entries, banner: 'Welcome to Ubuntu\n' } });
    expect(run.error.message).toMatch(
      /did not start with lifeboat's stream header \(got "Welcome to Ubuntu"\)/,
    );
  });

  it('a failed preflight or an unversioned bucket: nothing is written at all', async () => {
    const { clock, store } = fixture();
    const noFlyctl = await failingBackup({
      store,
      clock,
      source: new ScriptedSource({
        preflightError: new EnvironmentError("'flyctl' was not found on PATH."),
      }),
    });
    expect(noFlyctl.error.message).toBe("'flyctl' was not found on PATH.");
    expect(store.calls).toEqual([]);
    store.setVersioning('Suspended');
    const unversioned = await failingBackup({ store, clock });
    expect(unversioned.error).toBeInstanceOf(ConfigurationError);
    expect(unversioned.error.message).toMatch(/^Versioning is suspended on s3:\/\/memory: /);
    expect(store.writes()).toEqual([]);
    // neither scripted run was started
    expect([...noFlyctl.source.runs, ...unversioned.source.runs]).toEqual([]);
  });

  it('a 503 on the upload is the error reported, and no object or open upload is left', async () => {
    const { clock, store } = fixture();
    store.fault = ({ operation }) => {
      if (operation === 'CompleteUpload') throw s3Error('ServiceUnavailable', 503, 'Slow Down');
    };
    const run = await failingBackup({ store, clock });
    expect(run.error.message).toBe(
      'upload of lifeboat/app/snapshots/20261123T020000Z/archive.tar.gz on s3://memory failed: ServiceUnavailable (HTTP 503): Slow Down',
    );
    expect(store.keys(ROOT)).toEqual([]);
    expect(store.openUploads()).toEqual({});
  });

  it('a 503 on the manifest PUT leaves the archive as an incomplete folder, which retention keeps', async () => {
    const { clock, store } = fixture();
    const first = await backup({ store, clock });
    clock.advance(DAY);
    store.fault = ({ operation, key }) => {
      if (operation === 'PutObject' && key.endsWith('/manifest.json'))
        throw s3Error('ServiceUnavailable', 503, 'busy');
    };
    const run = await failingBackup({ store, clock });
    store.fault = undefined;
    expect(run.error.message).toMatch(
      /^PutObject .*manifest.json on s3:\/\/memory failed: ServiceUnavailable/,
    );
    expect(latestOf(store)?.snapshotId).toBe(first.result.snapshotId);
    // the archive stays, in a folder without a manifest: never good, never counted, never pruned
    const orphan = '20261124T020000Z';
    expect(store.keys(LAYOUT.snapshotPrefix(orphan))).toEqual([
      LAYOUT.archiveKey(orphan, 'gzip'),
      LAYOUT.indexKey(orphan),
    ]);
    clock.advance(DAY);
    const next = await backup({ store, clock, options: { retention: keepLast(1) } });
    expect(next.result.pruned).toEqual([first.result.snapshotId]);
    expect((await listSnapshots(store, LAYOUT)).map((e) => [e.id, e.state])).toEqual([
      [next.result.snapshotId, 'ok'],
      [orphan, 'incomplete'],
    ]);
  });

  it('a cancelled backup aborts the upload and says so', async () => {
    const { clock, store } = fixture();
    const controller = new AbortController();
    store.fault = ({ operation }) => {
      if (operation === 'Upload') controller.abort(new Error('cancelled by the runner'));
    };
    const run = await failingBackup({ store, clock, signal: controller.signal });
    expect(run.error.message).toBe(
      'the backup was cancelled: the upload was aborted and nothing was published',
    );
    expect(store.keys(ROOT)).toEqual([]);
  });
});

describe('runBackup: encryption', () => {
  it('stores the age ciphertext; the manifest hashes the stored bytes and the plaintext', async () => {
    const { generateX25519Identity, identityToRecipient } = await import('age-encryption');
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    const { clock, store } = fixture();
    const { result, sent } = await backup({ store, clock, options: { encryptionRecipients: [recipient] } });
    expect(result.archiveKey).toBe(LAYOUT.archiveKey(result.snapshotId, 'gzip', true));
    const stored = store.bytes(result.archiveKey)!;
    expect(stored.subarray(0, 21).toString('latin1')).toBe('age-encryption.org/v1');
    expect(store.versionsOf(result.archiveKey)[0]!.contentType).toBe('application/octet-stream');
    const m = manifestOf(store, result.snapshotId);
    expect(m.archive.sha256).toBe(sha256(stored));
    expect(m.encryption).toEqual({
      format: 'age',
      recipients: [recipient],
      plaintextSize: sent.archive.length,
      plaintextSha256: sha256(sent.archive),
    });
  });
});

describe('runBackup: a signal once the archive is stored', () => {
  // was a bug: a SIGTERM after the archive was stored let the run complete (retention too) and
  // exit 0, while the README promised exit 130 and latest.json unchanged. Now the publish
  // (manifest, latest.json: about a second) finishes, retention is skipped, and the run fails as
  // interrupted (an EnvironmentError: the CLI exits 130), naming what it published.
  it('the publish finishes, retention is skipped and the run fails as interrupted, naming the snapshot', async () => {
    const { clock, store } = fixture();
    const first = await backup({ store, clock });
    clock.advance(DAY);
    const controller = new AbortController();
    store.fault = ({ operation, key }) => {
      if (operation === 'PutObject' && key.endsWith('/manifest.json')) {
        controller.abort(new Error('interrupted by SIGTERM'));
      }
    };
    const run = await failingBackup({
      store,
      clock,
      signal: controller.signal,
      options: { retention: keepLast(1) },
    });
    expect(run.error).toBeInstanceOf(EnvironmentError);
    expect(run.error.message).toBe(
      'the backup was interrupted by SIGTERM after its archive was stored: snapshot 20261124T020000Z was published ' +
        '(its manifest was written and latest.json names it); retention was skipped (the next backup applies it).',
    );
    expect(latestOf(store)?.snapshotId).toBe('20261124T020000Z');
    // keep-last 1 did not run: the first snapshot is whole; the claims were released
    expect(store.keys(LAYOUT.snapshotPrefix(first.result.snapshotId))).toHaveLength(3);
    expect(store.keys(ROOT).filter((k) => /claim|successor|first-snapshot/.test(k))).toEqual([]);
  });
});

describe('runBackup: a dry run writes nothing to the bucket', () => {
  // was a bug (issue 16): `backup --dry-run` uploaded a snapshot and moved latest.json; only
  // retention was dry
  it('streams and judges the archive as a real run, reports what it would store and prune; no write at all', async () => {
    const { clock, store } = fixture();
    const first = await backup({ store, clock });
    clock.advance(DAY);
    const versionsBefore = store.allVersions();
    const callsBefore = store.calls.length;
    const dry = await backup({ store, clock, options: { dryRun: true, retention: keepLast(1) } });
    const id = '20261124T020000Z';
    expect(dry.result).toMatchObject({
      dryRun: true,
      status: 'ok',
      snapshotId: id,
      archiveKey: LAYOUT.archiveKey(id, 'gzip'),
      manifestKey: LAYOUT.manifestKey(id),
      versionId: '',
      sha256: sha256(dry.sent.archive),
      sizeBytes: dry.sent.archive.length,
      entries: volume().length,
      wouldPrune: [first.result.snapshotId],
      pruned: [],
    });
    expect(dry.logger.lines).toContain(
      `dry run: would store s3://memory/${LAYOUT.archiveKey(id, 'gzip')} (${formatBytes(dry.result.sizeBytes)}, sha256 ${dry.result.sha256}) ` +
        `and its manifest, then move latest.json to ${id}; nothing was written`,
    );
    expect(store.allVersions()).toEqual(versionsBefore);
    const changing = ['PutObject', 'CompleteUpload', 'DeleteObject', 'CopyObject', 'Upload'];
    expect(store.calls.slice(callsBefore).filter((c) => changing.includes(c.operation))).toEqual([]);
    expect(store.openUploads()).toEqual({});
  });

  it('a suspect dry run says what a real run would store; a broken stream fails it as it fails a real run', async () => {
    const { clock, store } = fixture();
    await backup({ store, clock });
    clock.advance(DAY);
    const versionsBefore = store.allVersions();
    const dry = await backup({
      store,
      clock,
      archive: { entries: [{ name: './' }] },
      options: { dryRun: true },
    });
    expect(dry.result.status).toBe('suspect');
    expect(dry.result.message).toMatch(
      /This dry run stored nothing; a real run would store snapshot 20261124T020000Z with status "suspect", move no latest.json and prune nothing\./,
    );
    const broken = await failingBackup({
      store,
      clock,
      play: { cutAfter: 2000, chunkSize: 512 },
      options: { dryRun: true },
    });
    expect(broken.error.message).toMatch(/^the archive stream from flyctl was incomplete/);
    expect(store.allVersions()).toEqual(versionsBefore);
  });
});

describe('runBackup: a store with conditional writes (AWS S3, R2, MinIO)', () => {
  it('claims the id with If-None-Match and moves latest.json with If-Match: no successor claim', async () => {
    const clock = new ManualClock('2026-11-23T02:00:00Z');
    const store = new MemoryStore({ clock: clock.now, conditionalWrites: true });
    const first = await backup({ store, clock });
    clock.advance(DAY);
    const second = await backup({ store, clock, options: { retention: keepLast(1) } });
    expect(latestOf(store)?.snapshotId).toBe(second.result.snapshotId);
    expect(second.result.pruned).toEqual([first.result.snapshotId]);
    const folder = `snapshots/${second.result.snapshotId}/`;
    const writes = store.writes(ROOT);
    // no claim on the move: latest.json itself was written with If-None-Match, then If-Match
    expect(writes.filter((w) => /successor\.json|first-snapshot\.json/.test(w))).toEqual([]);
    expect(writes.filter((w) => w === 'PutObject latest.json')).toHaveLength(2);
    // each run probed once (three writes and a delete); the id's claim was written and deleted
    // by its holder, with no release record
    expect(writes.filter((w) => w.endsWith('conditional-write-probe.json'))).toHaveLength(8);
    expect(writes.filter((w) => w.startsWith('PutObject conditional'))).toHaveLength(6);
    expect(writes.filter((w) => w.endsWith(`${folder}claim.json`))).toEqual([
      `PutObject ${folder}claim.json`,
      `DeleteObject ${folder}claim.json`,
    ]);
  });

  it('a retry right after a 503 on latest.json moves it', async () => {
    const clock = new ManualClock('2026-11-23T02:00:00Z');
    const store = new MemoryStore({ clock: clock.now, conditionalWrites: true });
    await backup({ store, clock });
    clock.advance(DAY);
    store.fault = ({ operation, key }) => {
      if (operation === 'PutObject' && key === LAYOUT.latestKey)
        throw s3Error('ServiceUnavailable', 503, 'busy');
    };
    await failingBackup({ store, clock });
    store.fault = undefined;
    clock.advance(5 * SECOND);
    const retry = await backup({ store, clock });
    expect(latestOf(store)?.snapshotId).toBe(retry.result.snapshotId);
  });
});
