import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import {
  findIndex,
  IndexNotRecordedError,
  readIndexEntries,
  type ReadIndexOptions,
} from '../../src/catalog/index-reader.js';
import type { IndexObject, Manifest } from '../../src/catalog/manifest.js';
import {
  decodeIndexLine,
  encodeIndexLine,
  listingRecord,
  type IndexEntry,
} from '../../src/catalog/snapshot-index.js';
import { schemaErrors } from '../../src/catalog/schemas.js';
import { describeChange, diffIndexes } from '../../src/catalog/index-diff.js';
import { verificationVerdict } from '../../src/catalog/verification.js';
import { runIndex } from '../../src/jobs/index-snapshot.js';
import { runVerify } from '../../src/jobs/verify.js';
import { planDiff } from '../../src/restore/plan-diff.js';
import { CLI_WORDS } from '../../src/cli/words.js';
import { ACTION_WORDS, speak } from '../../src/util/vocabulary.js';
import { ConfigurationError, EnvironmentError, errorMessage } from '../../src/util/errors.js';
import { backup, flipByte, LAYOUT, noise, PREFIX, sha256, TARGET, volume } from '../ports/backup-fixture.js';
import { RecordingLogger } from '../ports/recording-logger.js';
import { ManualClock } from '../ports/clock.js';
import { MemoryStore, s3Error, type FaultHook } from '../ports/memory-store.js';

function fixture() {
  const clock = new ManualClock();
  return { clock, store: new MemoryStore({ clock: clock.now }) };
}

const manifestOf = (store: MemoryStore, id: string) => store.json<Manifest>(LAYOUT.manifestKey(id))!;

async function entriesOf(store: MemoryStore, m: Manifest, identity?: string): Promise<IndexEntry[]> {
  const found = await findIndex(store, LAYOUT, m);
  if (!found.found) throw new Error(found.reason);
  const out: IndexEntry[] = [];
  for await (const e of readIndexEntries(store, found.index, identity ? { identity } : {})) out.push(e);
  return out;
}

describe('the snapshot index', () => {
  it('a backup writes one line per member in the same pass, named in the manifest with its sha256', async () => {
    const { clock, store } = fixture();
    const { result } = await backup({ store, clock });
    const m = manifestOf(store, result.snapshotId);
    const key = LAYOUT.indexKey(result.snapshotId);
    const stored = store.bytes(key)!;
    expect(m.index).toEqual({
      key,
      versionId: store.versionsOf(key)[0]!.versionId,
      etag: store.versionsOf(key)[0]!.etag,
      size: stored.length,
      sha256: sha256(stored),
      entries: volume().length,
      compression: 'gzip',
    });
    expect(store.versionsOf(key)[0]).toMatchObject({ contentType: 'application/gzip' });
    const entries = await entriesOf(store, m);
    expect(entries.map((e) => [e.path, e.type])).toEqual(
      volume().map((v) => [v.name, v.type ?? (v.name.endsWith('/') ? 'directory' : 'file')]),
    );
    const db = entries.find((e) => e.path === './db/app.sqlite')!;
    expect(db).toMatchObject({ size: 24 * 1024, sha256: sha256(noise(24 * 1024, 1)) });
    const link = entries.find((e) => e.path === './current')!;
    expect(link.linkBytes?.toString()).toBe('db/app.sqlite');
    expect(link.sha256).toBeUndefined();
    expect(entries.find((e) => e.path === './db/')).toMatchObject({ size: 0, type: 'directory' });
  });

  it('with encryption the index is age ciphertext for the same recipients; reading it needs the identity', async () => {
    const { generateX25519Identity, identityToRecipient } = await import('age-encryption');
    const identity = await generateX25519Identity();
    const { clock, store } = fixture();
    const { result } = await backup({
      store,
      clock,
      options: { encryptionRecipients: [await identityToRecipient(identity)] },
    });
    const m = manifestOf(store, result.snapshotId);
    const key = LAYOUT.indexKey(result.snapshotId, true);
    expect(key.endsWith('index.jsonl.gz.age')).toBe(true);
    expect(store.bytes(key)!.subarray(0, 21).toString('latin1')).toBe('age-encryption.org/v1');
    expect(m.index).toMatchObject({ key, encrypted: true, sha256: sha256(store.bytes(key)!) });
    expect((await entriesOf(store, m, identity)).length).toBe(volume().length);
    // each face names the identity in its own words: an input from a secret, the CLI's variable
    // (never a flag: it would show the key in ps)
    await expect(entriesOf(store, m)).rejects.toThrow(
      "is age-encrypted: reading it needs the identity of one of the snapshot's recipients; store it as a repository secret and pass it as decryption-identity: ${{ secrets.AGE_IDENTITY }}.",
    );
    try {
      speak(CLI_WORDS);
      const refusal = await entriesOf(store, m).then(
        () => '',
        (e: unknown) => errorMessage(e),
      );
      expect(refusal).toContain('give it in the environment variable LIFEBOAT_DECRYPTION_IDENTITY');
      expect(refusal).not.toContain('--decryption-identity');
      // a restore's dry run without the identity plans without the diff, and says how to see it
      // (the machine is not asked: the source is never used)
      const plan = await planDiff({
        store,
        layout: LAYOUT,
        manifest: m,
        source: undefined as never,
        path: '/data',
      });
      expect(plan).toEqual({
        kind: 'none',
        note: 'no diff with the live tree: the index is age-encrypted, and no identity was given (to see it, give it in the environment variable LIFEBOAT_DECRYPTION_IDENTITY (a flag would show the key in ps and the shell history))',
      });
    } finally {
      speak(ACTION_WORDS);
    }
  });

  it('a damaged index is refused by its sha256 (or its gzip), never read as good', async () => {
    const { clock, store } = fixture();
    const { result } = await backup({ store, clock });
    const m = manifestOf(store, result.snapshotId);
    store.tamper(m.index!.key, undefined, flipByte(-3));
    await expect(entriesOf(store, m)).rejects.toThrow(
      /index\.jsonl\.gz (could not be read|is not the index recorded)/,
    );
  });

  it('the reader throws one kind for an index that is not the recorded one; the store and the identity keep theirs', async () => {
    let fault: FaultHook | undefined;
    const clock = new ManualClock();
    const store = new MemoryStore({ clock: clock.now, fault: (call) => fault?.(call) });
    const { result } = await backup({ store, clock });
    const m = manifestOf(store, result.snapshotId);
    const key = m.index!.key;
    const caught = async (index: IndexObject, o: ReadIndexOptions = {}) => {
      try {
        for await (const _ of readIndexEntries(store, index, o));
      } catch (err) {
        return err as Error;
      }
      throw new Error('the index was read as good');
    };
    const onIndex =
      (then: () => ReturnType<FaultHook>): FaultHook =>
      (c) =>
        c.operation === 'GetObject' && c.key === key ? then() : undefined;
    // a download cut mid-transfer is the store's fault, explained as such, never the index's
    fault = onIndex(() => ({ failAfterBytes: 10 }));
    const cut = await caught(m.index!);
    expect(cut).toBeInstanceOf(EnvironmentError);
    expect(cut.message).toMatch(/was cut mid-transfer/);
    // an answer of the store that no table classifies stays what the store made of it
    fault = onIndex(() => {
      throw s3Error('InternalError', 500);
    });
    const internal = await caught(m.index!);
    expect(internal).not.toBeInstanceOf(IndexNotRecordedError);
    expect(internal.message).toMatch(/GetObject .* failed: InternalError \(HTTP 500\)/);
    fault = undefined;
    // bytes that are not gzip, a line that is not JSON, no object at all: one kind, named alike
    const forged = (bytes: Buffer, entries = m.index!.entries): IndexObject => {
      store.putBytes(key, bytes, 'application/gzip');
      return { ...m.index!, versionId: null, size: bytes.length, sha256: sha256(bytes), entries };
    };
    for (const index of [() => forged(Buffer.from('not gzip\n')), () => forged(gzipSync('{"path": \n'), 1)]) {
      const err = await caught(index());
      expect(err, err.message).toBeInstanceOf(IndexNotRecordedError);
      expect(err.message).toMatch(
        /index\.jsonl\.gz is not the index recorded for the snapshot \((incorrect header check|line 1 is not a JSON line)/,
      );
    }
    for (const v of store.versionsOf(key)) store.deleteVersion(key, v.versionId);
    const gone = await caught(m.index!);
    expect(gone).toBeInstanceOf(IndexNotRecordedError);
    expect(gone.message).toMatch(/\(no object stored;/);
  });

  it('a wrong identity is the refusal verify gives, before the download; a damaged header with the right one is damage', async () => {
    const { generateX25519Identity, identityToRecipient } = await import('age-encryption');
    const [identity, other] = [await generateX25519Identity(), await generateX25519Identity()];
    const recipient = await identityToRecipient(identity);
    const { clock, store } = fixture();
    const { result } = await backup({ store, clock, options: { encryptionRecipients: [recipient] } });
    const m = manifestOf(store, result.snapshotId);
    const read = async (o: ReadIndexOptions) => {
      try {
        for await (const _ of readIndexEntries(store, m.index!, o));
      } catch (err) {
        return err as Error;
      }
      throw new Error('the index was read as good');
    };
    const refused = await read({ identity: other, snapshot: m });
    expect(refused).toBeInstanceOf(ConfigurationError);
    expect(refused.message).toBe(
      `The identity given (public key ${await identityToRecipient(other)}) is not one snapshot ${m.snapshotId} was encrypted for (${recipient}): pass the identity of one of those recipients.`,
    );
    // without the manifest's recipients, age's own answer is classified the same way
    const unknown = await read({ identity: other });
    expect(unknown).toBeInstanceOf(ConfigurationError);
    expect(unknown.message).toMatch(
      /^The identity given \(public key age1.*\) is not one .*index\.jsonl\.gz\.age was encrypted for: pass the identity of one of its recipients\.$/,
    );
    // the right identity on a header whose stanza was altered: the index is not the recorded one
    store.tamper(m.index!.key, undefined, (b) => {
      const at = b.indexOf('-> X25519 ') + 12;
      b.writeUInt8(b.readUInt8(at) ^ 0x01, at);
      return b;
    });
    const damaged = await read({ identity, snapshot: m });
    expect(damaged, damaged.message).toBeInstanceOf(IndexNotRecordedError);
  });

  it('a forged index.json naming a gzip bomb is refused at the line count it declares, not after inflating', async () => {
    const { clock, store } = fixture();
    const { result } = await backup({ store, clock });
    const m = manifestOf(store, result.snapshotId);
    // a real bomb: 16 MiB of valid index lines in a few KiB of gzip
    const line = encodeIndexLine((await entriesOf(store, m))[1]!);
    const bomb = gzipSync(Buffer.from(line.repeat(Math.ceil((16 << 20) / line.length))), { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const key = LAYOUT.indexKey(result.snapshotId);
    store.putBytes(key, bomb, 'application/gzip');
    // the forger makes the pointer agree with the bomb's bytes (sha256, size) and declares 3 lines
    const forged = {
      ...m.index!,
      versionId: null,
      size: bomb.length,
      sha256: sha256(bomb),
      entries: 3,
    };
    const read = async (index: IndexObject) => {
      let lines = 0;
      try {
        for await (const _ of readIndexEntries(store, index)) lines++;
      } catch (err) {
        return { lines, message: errorMessage(err) };
      }
      return { lines, message: '' };
    };
    const bounded = await read(forged);
    expect(bounded.lines).toBeLessThanOrEqual(3);
    expect(bounded.message).toMatch(
      /index\.jsonl\.gz is not the index recorded for the snapshot \(more than 3 lines;/,
    );
    // a stored object of another size than recorded: refused before a line is read
    const sized = await read({ ...forged, size: bomb.length - 1, entries: 10 ** 6 });
    expect(sized).toEqual({
      lines: 0,
      message: expect.stringContaining(`(${bomb.length} bytes stored;`) as string,
    });
  });

  it('an index whose key is outside its folder is not trusted', async () => {
    const { clock, store } = fixture();
    const { result } = await backup({ store, clock });
    const m = manifestOf(store, result.snapshotId);
    const found = await findIndex(store, LAYOUT, {
      ...m,
      index: { ...m.index!, key: 'elsewhere/index.jsonl.gz' },
    });
    expect(found).toEqual({
      found: false,
      reason: expect.stringContaining('outside its own folder') as string,
    });
  });

  it('writeIndex false (the bench) stores no index and names none', async () => {
    const { clock, store } = fixture();
    const { result } = await backup({ store, clock, options: { writeIndex: false } });
    expect(store.keys(LAYOUT.snapshotPrefix(result.snapshotId))).not.toContain(
      LAYOUT.indexKey(result.snapshotId),
    );
    expect(manifestOf(store, result.snapshotId).index).toBeUndefined();
  });

  it('a name that is not UTF-8 is carried as its bytes (pathBase64) and comes back exactly', () => {
    const latin1 = Buffer.from('./caf\xe9 menu.txt', 'latin1');
    const line = encodeIndexLine({
      pathBytes: latin1,
      path: latin1.toString('utf8'),
      type: 'symlink',
      size: 0,
      mode: 0o777,
      uid: 0,
      gid: 0,
      mtime: new Date('2026-11-01T00:00:00Z'),
      linkBytes: Buffer.from('d\xe9j\xe0', 'latin1'),
    });
    expect(JSON.parse(line)).toMatchObject({
      pathBase64: latin1.toString('base64'),
      linkBase64: Buffer.from('d\xe9j\xe0', 'latin1').toString('base64'),
    });
    const back = decodeIndexLine(line, 'test');
    expect(back.pathBytes.equals(latin1)).toBe(true);
    expect(back.linkBytes?.toString('latin1')).toBe('d\xe9j\xe0');
    expect(() => decodeIndexLine('{"path":"x"}', 'line 3')).toThrow(/^line 3 is not a valid index line/);
  });
});

describe('an index for a snapshot made without one', () => {
  async function oldSnapshot(options: Parameters<typeof backup>[0]['options'] = {}) {
    const { clock, store } = fixture();
    const { result } = await backup({ store, clock, options: { writeIndex: false, ...options } });
    clock.advance(60_000);
    return { clock, store, id: result.snapshotId };
  }
  const indexOptions = { target: TARGET, prefix: PREFIX, snapshot: { kind: 'latest' as const } };

  it('lifeboat index reads the archive once and names the index in index.json; the manifest and latest stay', async () => {
    const { clock, store, id } = await oldSnapshot();
    const manifestVersions = store.versionsOf(LAYOUT.manifestKey(id)).length;
    const latestVersions = store.versionsOf(LAYOUT.latestKey).length;
    const out = await runIndex(indexOptions, { store, logger: new RecordingLogger(), now: clock.now });
    expect(out).toMatchObject({ snapshotId: id, written: true, pointerKey: LAYOUT.indexPointerKey(id) });
    expect(
      store.calls.filter((c) => c.operation === 'GetObject' && c.key.endsWith('archive.tar.gz')),
    ).toHaveLength(1);
    const m = manifestOf(store, id);
    expect(m.index).toBeUndefined();
    expect(store.versionsOf(LAYOUT.manifestKey(id))).toHaveLength(manifestVersions);
    expect(store.versionsOf(LAYOUT.latestKey)).toHaveLength(latestVersions);
    const pointer = store.json<Record<string, unknown>>(LAYOUT.indexPointerKey(id))!;
    expect(schemaErrors('indexPointer', pointer)).toEqual([]);
    expect(pointer).toMatchObject({
      snapshotId: id,
      archive: { sha256: m.archive.sha256, versionId: m.archive.versionId },
    });
    expect((await entriesOf(store, m)).map((e) => e.path)).toEqual(volume().map((v) => v.name));
    // a second run finds it and writes nothing
    const writes = store.writes().length;
    expect(
      await runIndex(indexOptions, { store, logger: new RecordingLogger(), now: clock.now }),
    ).toMatchObject({ written: false });
    expect(store.writes()).toHaveLength(writes);
  });

  it('an index.json about other bytes (stale) does not count', async () => {
    const { clock, store, id } = await oldSnapshot();
    await runIndex(indexOptions, { store, logger: new RecordingLogger(), now: clock.now });
    const m = manifestOf(store, id);
    const found = await findIndex(store, LAYOUT, { ...m, archive: { ...m.archive, sha256: 'f'.repeat(64) } });
    expect(found).toMatchObject({ found: false, reason: expect.stringContaining('stale') as string });
  });

  it('an archive that is not the one the manifest records gets no index', async () => {
    const { clock, store, id } = await oldSnapshot();
    const m = manifestOf(store, id);
    store.tamper(m.archive.key, undefined, flipByte(100));
    await expect(
      runIndex(indexOptions, { store, logger: new RecordingLogger(), now: clock.now }),
    ).rejects.toThrow(/no index was written/);
    expect(store.keys(LAYOUT.snapshotPrefix(id))).toEqual([m.archive.key, LAYOUT.manifestKey(id)]);
  });

  it('verify writes the missing index from its own read; its verification.json still counts', async () => {
    const { clock, store, id } = await oldSnapshot();
    const logger = new RecordingLogger();
    const v = await runVerify(
      {
        target: TARGET,
        prefix: PREFIX,
        snapshot: { kind: 'latest' },
        mode: 'stream',
        holdingDir: () => {
          throw new Error('stream mode has no holding directory');
        },
        requiredPaths: [],
        minEntries: 1,
        sqlite: [],
        writeReport: true,
      },
      { store, logger, now: clock.now },
    );
    expect(v.report.verified).toBe(true);
    const m = manifestOf(store, id);
    expect((await entriesOf(store, m)).length).toBe(volume().length);
    const verdict = await verificationVerdict(store, LAYOUT, m, clock.now());
    expect(verdict.state).toBe('passing');
    expect(
      store.calls.filter((c) => c.operation === 'GetObject' && c.key.endsWith('archive.tar.gz')),
    ).toHaveLength(1);
  });

  it('an encrypted snapshot is indexed with the identity, the index encrypted for its recipients', async () => {
    const { generateX25519Identity, identityToRecipient } = await import('age-encryption');
    const identity = await generateX25519Identity();
    const { clock, store, id } = await oldSnapshot({
      encryptionRecipients: [await identityToRecipient(identity)],
    });
    await expect(
      runIndex(indexOptions, { store, logger: new RecordingLogger(), now: clock.now }),
    ).rejects.toThrow(/is encrypted with age: indexing it needs the identity of one of its recipients/);
    const out = await runIndex(
      { ...indexOptions, decryptionIdentity: identity },
      { store, logger: new RecordingLogger(), now: clock.now },
    );
    expect(out.index).toMatchObject({ key: LAYOUT.indexKey(id, true), encrypted: true });
    expect((await entriesOf(store, manifestOf(store, id), identity)).length).toBe(volume().length);
  });
});

describe('the change report and the guard rules that read the indexes', () => {
  const GUARD = { maxFilesGoneRatio: 0.5, truncatedMinBytes: 1024 * 1024, truncatedRatio: 0.1 };
  const files = (n: number, extra: { name: string; content: Buffer }[] = []) => [
    { name: './' },
    ...Array.from({ length: n }, (_, i) => ({ name: `./f-${i}.txt`, content: Buffer.from(`file ${i}\n`) })),
    ...extra,
  ];

  it('a second backup reports counts and the largest changes first', async () => {
    const { clock, store } = fixture();
    await backup({
      store,
      clock,
      archive: { entries: files(3, [{ name: './db.sqlite', content: noise(4096, 1) }]) },
    });
    clock.advance(60_000);
    const { result, logger } = await backup({
      store,
      clock,
      options: { indexGuard: GUARD },
      archive: {
        entries: [
          ...files(2),
          { name: './db.sqlite', content: noise(64 * 1024, 2) },
          { name: './new.txt', content: Buffer.from('n') },
        ],
      },
    });
    expect(result.status).toBe('ok');
    expect(result.changes).toMatchObject({ added: 1, removed: 1, changed: 1, unchanged: 3 });
    expect(result.changes!.top[0]).toMatchObject({
      path: 'db.sqlite',
      kind: 'changed',
      aspects: ['content'],
      sizeDelta: 60 * 1024,
    });
    expect(logger.lines).toContain('1 added, 1 removed, 1 changed, 3 unchanged (+60.0 KiB, -7 B)');
  });

  it('most of the files gone is suspect, and the message names them', async () => {
    const { clock, store } = fixture();
    await backup({ store, clock, archive: { entries: files(20) } });
    clock.advance(60_000);
    const { result } = await backup({
      store,
      clock,
      options: { indexGuard: GUARD, minSizeRatio: 0 },
      archive: { entries: files(5) },
    });
    expect(result.status).toBe('suspect');
    expect(result.message).toMatch(
      /^Backup is suspect: 15 of the 20 files of snapshot 20261123T020000Z are gone \(more than max-files-gone-ratio 0\.5\), among them "f-\d+\.txt", /,
    );
    // five named, and the count of the other ten (not of the ten the summary keeps)
    expect(result.message).toContain('.txt", and 10 more. Was the volume wiped?');
  });

  it('a large database truncated to nearly nothing is suspect, named with both sizes', async () => {
    const { clock, store } = fixture();
    const big = { name: './data/app.sqlite', content: noise(2 * 1024 * 1024, 3) };
    await backup({ store, clock, archive: { entries: files(20, [big]) } });
    clock.advance(60_000);
    const { result } = await backup({
      store,
      clock,
      options: { indexGuard: GUARD, minSizeRatio: 0 },
      archive: { entries: files(20, [{ name: './data/app.sqlite', content: Buffer.alloc(0) }]) },
    });
    expect(result.status).toBe('suspect');
    expect(result.message).toContain(
      'a large file shrank to nearly nothing since snapshot 20261123T020000Z (truncated?): "data/app.sqlite" 2.00 MiB -> 0 B (truncated-file-ratio 0.1 of files from 1.00 MiB)',
    );
    // without the guard's index rules the same backup is good
    clock.advance(60_000);
    const off = await backup({
      store,
      clock,
      options: { minSizeRatio: 0 },
      archive: { entries: files(20, [{ name: './data/app.sqlite', content: Buffer.alloc(0) }]) },
    });
    expect(off.result.status).toBe('ok');
  });
});

describe('names that are not UTF-8 in diff', () => {
  it('diff prints them as their bytes (\\xNN), as ls does, never as U+FFFD; --json carries pathBase64', async () => {
    const entry = (name: Buffer, size: number): IndexEntry => ({
      pathBytes: name,
      path: name.toString('utf8'),
      type: 'file',
      size,
      mode: 0o644,
      uid: 0,
      gid: 0,
      mtime: new Date('2026-11-20T10:00:00Z'),
    });
    async function* of(...entries: IndexEntry[]) {
      yield* entries;
    }
    const latin1 = Buffer.from('./caf\xe9.txt', 'latin1');
    const other = Buffer.from('./caf\xe8.txt', 'latin1');
    const d = await diffIndexes(
      of(entry(other, 3)),
      of(entry(latin1, 8), entry(Buffer.from('./ünï.txt'), 1)),
    );
    const lines = d.changes.map((c) => describeChange(c, (n) => `${n} B`));
    expect(lines).toEqual(['+ "caf\\xe9.txt" +8 B', '- "caf\\xe8.txt" -3 B', '+ ünï.txt +1 B']);
    expect(d.changes[0]).toMatchObject({ path: 'caf\ufffd.txt', pathBase64: latin1.toString('base64') });
    expect(d.changes[2]).not.toHaveProperty('pathBase64');
  });

  it("ls --json's record is the index's own (one encoding): a link target that is not UTF-8 keeps its bytes", () => {
    const target = Buffer.from('caf\xe9', 'latin1');
    const e: IndexEntry = {
      pathBytes: Buffer.from('./current'),
      path: './current',
      type: 'symlink',
      size: 0,
      mode: 0o777,
      uid: 0,
      gid: 0,
      mtime: new Date('2026-11-20T10:00:00Z'),
      linkBytes: target,
    };
    const record = listingRecord(e);
    expect(record).toEqual({ ...JSON.parse(encodeIndexLine(e)), path: 'current' });
    expect(Buffer.from(record.linkBase64!, 'base64')).toEqual(target);
    expect(record).not.toHaveProperty('link');
  });
});
