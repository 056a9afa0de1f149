import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { gzipSync } from 'node:zlib';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import tarStream from 'tar-stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Manifest } from '../../src/catalog/manifest.js';
import { schemaErrors } from '../../src/catalog/schemas.js';
import { encryptingStream } from '../../src/crypto/age-stream.js';
import {
  restoreToDirectory,
  restoreToMachine,
  verifyAndRestore,
  type MachineRestoreMode,
  type RestoreChecks,
} from '../../src/jobs/restore.js';
import { buildEmptyCheckScript, buildSwapScript } from '../../src/restore/remote-swap.js';
import {
  buildDiscardScript,
  buildRemoteRestoreScript,
  restoreToRemote,
} from '../../src/restore/restore-to-remote.js';
import type { ArchiveSource, SourceIdentity, StartOptions } from '../../src/sources/archive-source.js';
import type {
  DownloadedObject,
  ObjectHead,
  ObjectStore,
  StoredJson,
} from '../../src/storage/object-store.js';
import { OperationFailedError } from '../../src/util/errors.js';
import { silentLogger } from '../../src/util/logger.js';
import { interruptCleanup } from '../../src/util/interrupt-cleanup.js';
import type { ProcessOutcome, RunningProcess } from '../../src/util/process.js';

/**
 * The restore orchestration (src/jobs/restore.ts) over its ports: a bucket held in a Map and a
 * machine that answers lifeboat's scripts the way a shell would, recording every step in one list.
 */

const ID = '20261130T020000Z';
const PATH = '/data';
const NOW = new Date('2026-12-01T00:00:00Z');
const SWAP_TIME = '20261201T000000Z';
const VERSION = 'v1';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function makeTar(): Promise<{ tar: Buffer; entries: number }> {
  const pack = tarStream.pack();
  pack.entry({ name: './', type: 'directory' });
  pack.entry({ name: './app.db' }, 'the live database\n');
  pack.entry({ name: './uploads/', type: 'directory' });
  pack.entry({ name: './uploads/a.txt' }, 'an upload\n');
  pack.finalize();
  return { tar: await buffer(pack), entries: 4 };
}

/** A snapshot as backup stores it: gzip, optionally age-encrypted, with manifest and latest.json. */
async function snapshot(options: { recipient?: string; corrupt?: boolean } = {}) {
  const { tar, entries } = await makeTar();
  const compressed = gzipSync(tar);
  const stored = options.recipient
    ? await buffer(Readable.from([compressed]).pipe(await encryptingStream([options.recipient])))
    : compressed;
  const root = 'lifeboat/app';
  const archiveKey = `${root}/snapshots/${ID}/archive.tar.gz${options.recipient ? '.age' : ''}`;
  const manifestKey = `${root}/snapshots/${ID}/manifest.json`;
  const created = new Date(NOW.getTime() - 3_600_000).toISOString();
  const manifest: Manifest = {
    schema: 1,
    snapshotId: ID,
    target: 'app',
    status: 'ok',
    created,
    completed: created,
    durationSeconds: 1,
    source: { kind: 'ssh', host: 'vps.example', path: PATH },
    tools: { lifeboat: 'test' },
    compression: 'gzip',
    archive: { key: archiveKey, versionId: VERSION, etag: null, size: stored.length, sha256: sha(stored) },
    entries,
    uncompressedBytes: tar.length,
    warnings: [],
    previous: null,
    ...(options.recipient
      ? {
          encryption: {
            format: 'age' as const,
            recipients: [options.recipient],
            plaintextSize: compressed.length,
            plaintextSha256: sha(compressed),
          },
        }
      : {}),
  };
  expect(schemaErrors('manifest', manifest)).toEqual([]);
  const latest = {
    schema: 1,
    target: 'app',
    snapshotId: ID,
    manifestKey,
    manifestVersionId: VERSION,
    archiveKey,
    archiveVersionId: VERSION,
    sha256: manifest.archive.sha256,
    size: stored.length,
    created,
    updated: created,
  };
  const objects = new Map<string, Buffer>([
    [archiveKey, options.corrupt ? Buffer.concat([stored, Buffer.from('x')]) : stored],
    [manifestKey, Buffer.from(JSON.stringify(manifest))],
    [`${root}/latest.json`, Buffer.from(JSON.stringify(latest))],
  ]);
  return { tar, objects, manifest };
}

/** The reads a restore makes of a bucket; a write or a listing would be a bug here. */
function bucketOf(objects: Map<string, Buffer>, events: string[]): ObjectStore {
  const missing = (what: string) => () => Promise.reject(new Error(`a restore does not ${what}`));
  return {
    description: 's3://test',
    checkAccess: missing('check access'),
    versioning: missing('read versioning'),
    head: (key: string): Promise<ObjectHead | undefined> => {
      const b = objects.get(key);
      return Promise.resolve(b && { size: b.length, versionId: VERSION });
    },
    getJson: <T>(key: string): Promise<StoredJson<T> | undefined> => {
      const b = objects.get(key);
      return Promise.resolve(b && { value: JSON.parse(b.toString()) as T, versionId: VERSION });
    },
    putJson: missing('write a document'),
    uploadStream: missing('upload'),
    download: (key: string, versionId?: string): Promise<DownloadedObject> => {
      // the documents (latest.json, the manifest) are read before anything else: the archive's download is the event
      if (!key.endsWith('.json')) events.push(`download ${versionId ?? 'current'}`);
      const b = objects.get(key);
      if (!b) return Promise.reject(new Error(`no object ${key}`));
      return Promise.resolve({ body: Readable.from([b]), size: b.length, versionId: VERSION });
    },
    listFolders: missing('list'),
    listKeys: missing('list'),
    listVersions: missing('list versions'),
    deleteKeys: missing('delete'),
    abortIncompleteUploads: missing('abort uploads'),
    serverTime: missing('read the server time'),
  };
}

/**
 * A machine that runs only lifeboat's scripts for PATH and snapshot ID and answers each as the real
 * shell script would: the empty check, the restore (tar reads stdin, kept here), the removal of a
 * failed restore's holding folder and the swap.
 */
class FakeMachine implements ArchiveSource {
  readonly label = 'fake ssh';
  readonly description: SourceIdentity = { kind: 'ssh', host: 'vps.example' };
  /** What the remote tar read from stdin. */
  received: Buffer = Buffer.alloc(0);
  killed = false;

  constructor(
    private readonly events: string[],
    private readonly volume: { holdsData: boolean; swapHeld?: Promise<void> } = { holdsData: true },
  ) {}

  preflight(): Promise<Record<string, string>> {
    this.events.push('preflight');
    return Promise.resolve({});
  }

  start(script: string, options: StartOptions): RunningProcess {
    if (script === buildEmptyCheckScript(PATH)) {
      this.events.push('empty check');
      return this.process(options, () => `LIFEBOAT-SWAP ${this.volume.holdsData ? 'data' : 'empty'}`);
    }
    if (script === buildRemoteRestoreScript(PATH, ID)) {
      this.events.push('restore into holding folder');
      return this.process(options, (stdin) => {
        this.received = stdin;
        return 'LIFEBOAT-RESTORE-STATUS tar=0';
      });
    }
    if (script === buildDiscardScript(PATH, ID)) {
      this.events.push('discard holding folder');
      return this.process(options, () => 'LIFEBOAT-RESTORE-STATUS discarded');
    }
    if (script === buildSwapScript(PATH, ID, SWAP_TIME)) {
      this.events.push('swap');
      return this.process(options, () => 'LIFEBOAT-SWAP ok', this.volume.swapHeld);
    }
    throw new Error(`unexpected script:\n${script}`);
  }

  /** A process that prints `answer(stdin)` once its stdin ends (at once unless keepStdin). */
  private process(
    options: StartOptions,
    answer: (stdin: Buffer) => string,
    held: Promise<void> = Promise.resolve(),
  ): RunningProcess {
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    let settle: (o: ProcessOutcome) => void = () => undefined;
    const done = new Promise<ProcessOutcome>((resolve) => (settle = resolve));
    const exit = (outcome: ProcessOutcome) => {
      stdout.end();
      settle(outcome);
      settle = () => undefined;
    };
    const reply = () => {
      stdout.write(`${answer(Buffer.concat(chunks))}\n`);
      exit({ code: 0, signal: null, stderrTail: [] });
    };
    const stdin = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
      final(callback) {
        reply();
        callback();
      },
    });
    if (!options.keepStdin) setImmediate(() => void held.then(reply));
    return {
      stdout,
      stdin,
      done,
      kill: (signal = 'SIGTERM') => {
        this.killed = true;
        exit({ code: null, signal, stderrTail: [] });
      },
    };
  }
}

const CHECKS: RestoreChecks = {
  target: 'app',
  prefix: 'lifeboat',
  snapshot: { kind: 'latest' },
  requiredPaths: ['app.db'],
  minEntries: 1,
  sqlite: [],
};

async function machineRestore(
  mode: MachineRestoreMode,
  options: {
    confirmed?: boolean;
    holdsData?: boolean;
    corrupt?: boolean;
    identity?: string;
    recipient?: string;
  } = {},
) {
  const events: string[] = [];
  const { tar, objects } = await snapshot(options);
  const machine = new FakeMachine(events, { holdsData: options.holdsData ?? true });
  const outcome = await restoreToMachine(
    {
      checks: { ...CHECKS, ...(options.identity ? { decryptionIdentity: options.identity } : {}) },
      source: machine,
      path: PATH,
      mode,
    },
    {
      store: bucketOf(objects, events),
      logger: silentLogger,
      now: () => NOW,
      confirm: (id) => {
        events.push(`confirm ${id}`);
        return options.confirmed ?? false;
      },
    },
  );
  return { outcome, events, machine, tar };
}

describe('restore into a machine (restoreToMachine)', () => {
  it('without apply: checks the machine and returns the plan; nothing is downloaded or run there', async () => {
    const { outcome, events } = await machineRestore('plan');
    expect(outcome).toEqual({
      kind: 'planned',
      snapshotId: ID,
      plan: [
        `verify snapshot ${ID} and stream it into /data/.lifeboat-restore/${ID} on vps.example`,
        'move the live contents of /data aside into /data/.lifeboat-pre-restore-<time>/ (kept)',
        `move /data/.lifeboat-restore/${ID} into place`,
      ],
      diff: { kind: 'none', note: expect.stringContaining(`has no index`) as string },
    });
    expect(events).toEqual(['preflight']);
  });

  it('apply without a matching confirmation is refused before the machine is touched', async () => {
    const { outcome, events } = await machineRestore('apply', { confirmed: false });
    expect(outcome).toEqual({ kind: 'refused', snapshotId: ID });
    expect(events).toEqual([`confirm ${ID}`]);
  });

  it('apply: confirm, check the machine, verify, stream into the holding folder, then swap', async () => {
    const { outcome, events, machine, tar } = await machineRestore('apply', { confirmed: true });
    expect(events).toEqual([
      `confirm ${ID}`,
      'preflight',
      `download ${VERSION}`, // the verification reads the version the manifest records, as the restore does
      'restore into holding folder',
      `download ${VERSION}`, // the restore reads the version the manifest records
      'swap',
    ]);
    expect(outcome).toMatchObject({
      kind: 'swapped',
      snapshotId: ID,
      previousContents: `/data/.lifeboat-pre-restore-${SWAP_TIME}`,
      verify: { report: { verified: true, restoredTo: `/data/.lifeboat-restore/${ID}` } },
    });
    expect(machine.received.equals(tar)).toBe(true);
  });

  // was: exit 130 "interrupted" and not a word of the swap, which went on to complete on the
  // machine (attacker, 2026-12-03)
  it('a signal during the swap: the swap is not cut, and a run that ends first says where to look', async () => {
    const events: string[] = [];
    const { objects } = await snapshot();
    let release = () => undefined as void;
    const swapHeld = new Promise<void>((resolve) => (release = resolve));
    const machine = new FakeMachine(events, { holdsData: true, swapHeld });
    const controller = new AbortController();
    const restoring = restoreToMachine(
      { checks: CHECKS, source: machine, path: PATH, mode: 'apply' },
      {
        store: bucketOf(objects, events),
        logger: silentLogger,
        now: () => NOW,
        signal: controller.signal,
        confirm: () => true,
      },
    );
    await vi.waitFor(() => expect(events).toContain('swap'));
    controller.abort(new Error('interrupted by SIGTERM'));
    expect(await interruptCleanup(controller.signal, 'the machine restored into')).toEqual([
      `the swap of snapshot ${ID} into ${PATH} on the machine, which may have gone on to complete: ` +
        `look at ${PATH} (the snapshot, when it is done) and ${PATH}/.lifeboat-pre-restore-${SWAP_TIME} (the live contents moved aside, kept) (not done within 4 s)`,
    ]);
    release();
    expect(await restoring).toMatchObject({ kind: 'swapped', snapshotId: ID });
    expect(machine.killed).toBe(false);
  }, 15_000);

  it('a snapshot that fails verification is neither copied nor swapped in', async () => {
    const { outcome, events } = await machineRestore('apply', { confirmed: true, corrupt: true });
    // read twice: the second read confirms the mismatch is in the store, not on the way
    expect(events).toEqual([`confirm ${ID}`, 'preflight', `download ${VERSION}`, `download ${VERSION}`]);
    expect(outcome.kind).toBe('failed');
    if (outcome.kind !== 'failed') return;
    expect(outcome.message).toMatch(
      new RegExp(
        `^Verification of snapshot ${ID} of app failed: .*sha256 mismatch.*; the live contents were not touched\\.$`,
      ),
    );
  });

  it('if-empty asks no confirmation; it does nothing where the path holds data and swaps into an empty one', async () => {
    const full = await machineRestore('if-empty', { holdsData: true });
    expect(full.outcome).toEqual({
      kind: 'not-empty',
      snapshotId: ID,
      path: PATH,
      machine: 'vps.example',
      data: ['data'],
    });
    expect(full.events).toEqual(['preflight', 'empty check']);

    const fresh = await machineRestore('if-empty', { holdsData: false });
    expect(fresh.outcome.kind).toBe('swapped');
    expect(fresh.events).toEqual([
      'preflight',
      'empty check',
      `download ${VERSION}`,
      'restore into holding folder',
      `download ${VERSION}`,
      'swap',
    ]);
  });

  it('an encrypted snapshot is decrypted on its way to the machine (the remote tar gets the plain tar)', async () => {
    const identity = await generateIdentity();
    const recipient = await identityToRecipient(identity);
    const { outcome, machine, tar } = await machineRestore('apply', { confirmed: true, identity, recipient });
    expect(outcome).toMatchObject({ kind: 'swapped', verify: { report: { verified: true } } });
    expect(machine.received.equals(tar)).toBe(true);
  });
});

describe('verify-restore with a machine (verifyAndRestore)', () => {
  it('checks the machine before anything is downloaded, then verifies and copies', async () => {
    const events: string[] = [];
    const { objects } = await snapshot();
    const machine = new FakeMachine(events);
    const v = await verifyAndRestore(
      {
        ...CHECKS,
        mode: 'stream',
        holdingDir: () => '',
        writeReport: false,
        restoreTo: { source: machine, path: PATH },
      },
      { store: bucketOf(objects, events), logger: silentLogger, now: () => NOW },
    );
    expect(v.report.restoredTo).toBe(`/data/.lifeboat-restore/${ID}`);
    expect(events).toEqual([
      'preflight',
      `download ${VERSION}`,
      'restore into holding folder',
      `download ${VERSION}`,
    ]);
  });
});

describe('the copy into a machine (restoreToRemote)', () => {
  it('a download that fails stops the remote tar, which waits on its stdin', async () => {
    const events: string[] = [];
    const { objects, manifest } = await snapshot();
    objects.delete(manifest.archive.key);
    const machine = new FakeMachine(events);
    const restoring = restoreToRemote({
      store: bucketOf(objects, events),
      manifest,
      source: machine,
      path: PATH,
      logger: silentLogger,
    });
    await expect(restoring).rejects.toThrow(OperationFailedError);
    await expect(restoring).rejects.toThrow(`no object ${manifest.archive.key}`);
    await expect(restoring).rejects.toThrow(`What reached /data/.lifeboat-restore/${ID} was removed`);
    expect(machine.killed).toBe(true);
    expect(events).toEqual(['restore into holding folder', `download ${VERSION}`, 'discard holding folder']);
  });
});

describe('restore into a local directory (restoreToDirectory)', () => {
  let root = '';
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = '';
  });

  it('extracts into a new directory; with if-empty, leaves a directory that holds data alone', async () => {
    root = mkdtempSync(join(tmpdir(), 'lb-unit-restore-'));
    const events: string[] = [];
    const { objects } = await snapshot();
    const deps = { store: bucketOf(objects, events), logger: silentLogger, now: () => NOW };

    const into = join(root, 'restored');
    const done = await restoreToDirectory({ checks: CHECKS, dir: into, ifEmpty: false }, deps);
    expect(done.kind).toBe('restored');
    expect(readdirSync(into).sort()).toEqual(['app.db', 'uploads']);

    const live = join(root, 'live');
    mkdirSync(live);
    writeFileSync(join(live, 'app.db'), 'newer\n');
    expect(await restoreToDirectory({ checks: CHECKS, dir: live, ifEmpty: true }, deps)).toEqual({
      kind: 'not-empty',
      path: live,
      data: ['app.db'],
    });
    expect(readdirSync(live)).toEqual(['app.db']);
    expect(events).toEqual([`download ${VERSION}`]);
  });
});
