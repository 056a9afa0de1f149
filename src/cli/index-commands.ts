import { isUtf8 } from 'node:buffer';
import { describeChange, describeCounts, diffIndexes } from '../catalog/index-diff.js';
import {
  findIndex,
  IndexNotRecordedError,
  readIndexBatches,
  requireIndex,
  type ReadIndexOptions,
} from '../catalog/index-reader.js';
import { TargetLayout } from '../catalog/layout.js';
import { listSnapshots } from '../catalog/listing.js';
import type { IndexObject, Manifest } from '../catalog/manifest.js';
import { parseSnapshotSelector, selectSnapshot } from '../catalog/select-snapshot.js';
import {
  displayPath,
  listingRecord,
  shownLink,
  shownPath,
  type IndexEntry,
} from '../catalog/snapshot-index.js';
import { validateIdentity } from '../crypto/age-stream.js';
import { required, type OptionReader } from '../options/option-reader.js';
import { readStorage } from '../options/storage-options.js';
import { S3ObjectStore, type ObjectStore } from '../storage/object-store.js';
import { ConfigurationError, errorMessage } from '../util/errors.js';
import { formatBytes } from '../util/format.js';
import { checkGlob, globMatch } from '../util/glob.js';
import { validateTarget } from '../util/validate.js';
import type { Command, CommandContext } from './commands.js';
import { COMMON, DECRYPTION_IDENTITY, SNAPSHOT, STORAGE, TARGET } from './specs.js';

/**
 * The commands that read a snapshot's index (catalog/index-reader.ts) and never download its
 * archive: ls, find, diff; and `index`, which writes the index of a snapshot made without one.
 * Each prints only after the index it read was checked whole against its recorded sha256.
 */

const OK = 0;
/** EXIT.checkFailed (commands.ts): find skipped a snapshot whose index is damaged. */
const CHECK_FAILED = 1;

interface Opened {
  store: ObjectStore;
  layout: TargetLayout;
  identity?: string;
}

function open(reader: OptionReader): Opened {
  const storage = readStorage(reader);
  const target = validateTarget('target', required(reader, 'target', 'the backup target'));
  const identity = reader.text('decryption-identity');
  return {
    store: new S3ObjectStore(storage.location),
    layout: new TargetLayout(storage.prefix, target),
    ...(identity ? { identity: validateIdentity('decryption-identity', identity) } : {}),
  };
}

/** How the index of `m` is read: with the identity given, checked against the recipients `m` records. */
const readOptions = (o: Opened, m: Manifest): ReadIndexOptions => ({
  ...(o.identity ? { identity: o.identity } : {}),
  snapshot: m,
});

/** The snapshot's index in batches (readIndexBatches): 20,000 lines in a few hundred turns. */
async function* entriesOf(o: Opened, m: Manifest): AsyncGenerator<IndexEntry[]> {
  const index = await requireIndex(o.store, o.layout, m);
  yield* readIndexBatches(o.store, index, readOptions(o, m));
}

const TYPE_LETTER: Record<string, string> = {
  file: '-',
  'contiguous-file': '-',
  directory: 'd',
  symlink: 'l',
  link: 'h',
  fifo: 'p',
};

function modeString(e: IndexEntry): string {
  const bits = 'rwxrwxrwx';
  let s = TYPE_LETTER[e.type] ?? '?';
  for (let i = 0; i < 9; i++) s += e.mode & (1 << (8 - i)) ? bits[i] : '-';
  return s;
}

function longLine(e: IndexEntry): string {
  // a hard link names another member: shown as the names are (no "./"); a symlink's target verbatim
  const target = (bytes: Buffer) => (e.type === 'link' ? `=> ${shownPath(bytes)}` : `-> ${shownLink(bytes)}`);
  const link = e.linkBytes ? ` ${target(e.linkBytes)}` : '';
  const when = e.mtime.toISOString().slice(0, 19).replace('T', ' ');
  return `${modeString(e)} ${`${e.uid}/${e.gid}`.padStart(9)} ${String(e.size).padStart(12)} ${when} ${shownPath(e.pathBytes)}${link}`;
}

/** PATH as given (./a, /a, a/) matches the path and everything below it. */
function underAny(paths: string[]): (e: IndexEntry) => boolean {
  const wanted = paths.map((p) => p.replace(/^\.?\/+/, '').replace(/\/+$/, '') || '.');
  if (wanted.length === 0 || wanted.includes('.')) return () => true;
  return (e) => {
    const p = displayPath(e);
    return wanted.some((w) => p === w || p.startsWith(`${w}/`));
  };
}

const ls: Command = {
  summary: 'list what a snapshot holds (from its index, without downloading the archive), like ls -l',
  usage: 'lifeboat ls --bucket B --target T [--snapshot latest|ID|before:TIME] [PATH...] [--json]',
  flags: [...STORAGE, TARGET, SNAPSHOT, DECRYPTION_IDENTITY, ...COMMON],
  async run(ctx) {
    const o = open(ctx.reader);
    const { manifest: m } = await selectSnapshot(
      o.store,
      o.layout,
      parseSnapshotSelector('snapshot', ctx.reader.text('snapshot')),
    );
    const keep = underAny(ctx.positionals);
    // each entry is held only in the form that is printed (a line, or its JSON record): what
    // 20,000 entries keep alive until the index was checked whole is small (ctx.json)
    const lines: [string, string][] = [];
    const entries: ReturnType<typeof listingRecord>[] = [];
    for await (const batch of entriesOf(o, m)) {
      for (const e of batch) {
        if (!keep(e)) continue;
        if (ctx.json) entries.push(listingRecord(e));
        else lines.push([longLine(e), '']);
      }
    }
    if (ctx.positionals.length > 0 && lines.length + entries.length === 0) {
      throw new ConfigurationError(
        `Snapshot ${m.snapshotId} holds nothing at ${ctx.positionals.map((p) => JSON.stringify(p)).join(', ')}.`,
      );
    }
    ctx.result(lines, { snapshotId: m.snapshotId, entries });
    return OK;
  },
};

/** A pattern without a slash matches a name anywhere (restic find); with one, the whole path. */
function matcher(pattern: string): (e: IndexEntry) => boolean {
  const p = checkGlob('pattern', pattern.replace(/^\.?\//, ''));
  const options = { dot: true, matchBase: !p.includes('/') };
  return (e) => globMatch(displayPath(e), p, options);
}

interface FindMatch {
  snapshotId: string;
  path: string;
  /** The name's bytes when they are not UTF-8, as ls --json gives them. */
  pathBase64?: string;
  type: string;
  size: number;
  mtime: string;
}

/** The matches of one snapshot's index, returned only once the whole index was proven (readIndexBatches). */
async function matchesIn(
  o: Opened,
  m: Manifest,
  index: IndexObject,
  match: (e: IndexEntry) => boolean,
): Promise<FindMatch[]> {
  const snapshotId = m.snapshotId;
  const found: FindMatch[] = [];
  for await (const batch of readIndexBatches(o.store, index, readOptions(o, m))) {
    for (const e of batch) {
      if (!match(e)) continue;
      found.push({
        snapshotId,
        path: displayPath(e),
        ...(isUtf8(e.pathBytes) ? {} : { pathBase64: e.pathBytes.toString('base64') }),
        type: e.type,
        size: e.size,
        mtime: e.mtime.toISOString(),
      });
    }
  }
  return found;
}

const find: Command = {
  summary: 'find which snapshots hold paths matching a glob, with size and mtime in each (from the indexes)',
  usage: 'lifeboat find --bucket B --target T PATTERN [--json]',
  flags: [...STORAGE, TARGET, DECRYPTION_IDENTITY, ...COMMON],
  async run(ctx) {
    const [pattern, ...extra] = ctx.positionals;
    if (!pattern || extra.length > 0) {
      throw new ConfigurationError(
        'Give exactly one PATTERN, e.g. lifeboat find --target T "*.sqlite". See --help.',
      );
    }
    const o = open(ctx.reader);
    const match = matcher(pattern);
    const matches: FindMatch[] = [];
    const unindexed: string[] = [];
    // a snapshot whose index is damaged is skipped, named on stderr, and the command exits 1 (restic
    // find skips a tree it cannot load and goes on): the rest are still searched
    const damaged: { snapshotId: string; error: string }[] = [];
    let searched = 0;
    for (const s of await listSnapshots(o.store, o.layout)) {
      if (!s.manifest) continue;
      const index = await findIndex(o.store, o.layout, s.manifest);
      if (!index.found) {
        unindexed.push(s.id);
        ctx.logger.warning(`snapshot ${s.id} was not searched: ${index.reason}`);
        continue;
      }
      try {
        // a snapshot's matches count only once its index was read whole and proven (the invariant)
        matches.push(...(await matchesIn(o, s.manifest, index.index, match)));
        searched++;
      } catch (err) {
        // only an index that is not the recorded one (damaged, replaced, missing) is skipped: a
        // wrong identity (ConfigurationError), an unreachable store (EnvironmentError) or any other
        // failure ends the command as everywhere else
        if (!(err instanceof IndexNotRecordedError)) throw err;
        damaged.push({ snapshotId: s.id, error: errorMessage(err) });
        ctx.logger.warning(`snapshot ${s.id} was skipped: its index is damaged (${errorMessage(err)})`);
      }
    }
    ctx.result(
      [
        ...matches.map((f): [string, string] => [
          `${f.snapshotId}  ${formatBytes(f.size).padStart(10)}  ${f.mtime.slice(0, 19).replace('T', ' ')}  ${shownPath(f.pathBase64 === undefined ? Buffer.from(f.path) : Buffer.from(f.pathBase64, 'base64'))}`,
          '',
        ]),
        [
          `${matches.length} match(es) in ${searched} snapshot(s)${unindexed.length ? `; ${unindexed.length} without an index not searched` : ''}${damaged.length ? `; ${damaged.length} with a damaged index skipped` : ''}`,
          '',
        ],
      ],
      { pattern, matches, searched, unindexed, damaged },
    );
    return damaged.length > 0 ? CHECK_FAILED : OK;
  },
};

const diff: Command = {
  summary: 'what changed between two snapshots (default: the one before latest, and latest), largest first',
  usage: 'lifeboat diff --bucket B --target T [A] [B] [--json]   (A, B: latest | ID | before:TIME)',
  flags: [...STORAGE, TARGET, DECRYPTION_IDENTITY, ...COMMON],
  async run(ctx) {
    if (ctx.positionals.length > 2)
      throw new ConfigurationError('Give at most two snapshots: lifeboat diff [A] [B]. See --help.');
    const o = open(ctx.reader);
    const [a, b] = ctx.positionals;
    const newer = (await selectSnapshot(o.store, o.layout, parseSnapshotSelector('B', b ?? 'latest')))
      .manifest;
    let older: Manifest;
    if (a !== undefined)
      older = (await selectSnapshot(o.store, o.layout, parseSnapshotSelector('A', a))).manifest;
    else {
      const list = await listSnapshots(o.store, o.layout);
      const at = list.findIndex((e) => e.id === newer.snapshotId);
      const before = list.slice(at + 1).find((e) => e.state === 'ok' && e.manifest);
      if (!before?.manifest) {
        throw new ConfigurationError(
          `Target ${o.layout.target} has no good snapshot before ${newer.snapshotId} to compare it with.`,
        );
      }
      older = before.manifest;
    }
    const d = await diffIndexes(entriesOf(o, older), entriesOf(o, newer));
    const counts = describeCounts(d, formatBytes);
    ctx.result(
      [
        [`comparing ${older.snapshotId} with ${newer.snapshotId}`, ''],
        ...d.changes.map((c): [string, string] => [describeChange(c, formatBytes), '']),
        [counts, ''],
      ],
      { from: older.snapshotId, to: newer.snapshotId, ...d },
    );
    return OK;
  },
};

const index: Command = {
  summary: 'write the index of a snapshot made without one (one streamed read of its archive)',
  usage: 'lifeboat index --bucket B --target T [--snapshot latest|ID|before:TIME]',
  flags: [...STORAGE, TARGET, SNAPSHOT, DECRYPTION_IDENTITY, ...COMMON],
  async run(ctx: CommandContext) {
    const o = open(ctx.reader);
    const storage = readStorage(ctx.reader);
    // one read of the archive: the archive inspection is loaded only here (commands.ts, the invariant)
    const { runIndex } = await import('../jobs/index-snapshot.js');
    const out = await runIndex(
      {
        target: o.layout.target,
        prefix: storage.prefix,
        snapshot: parseSnapshotSelector('snapshot', ctx.reader.text('snapshot')),
        ...(o.identity ? { decryptionIdentity: o.identity } : {}),
      },
      { store: o.store, logger: ctx.logger, signal: ctx.signal },
    );
    ctx.result(
      [
        ['snapshot', out.snapshotId],
        ['index', `${out.index.key} (${out.index.entries} entries, ${formatBytes(out.index.size)})`],
        [
          'written',
          out.written ? `yes, named in ${out.pointerKey ?? ''}` : 'no: the snapshot already had one',
        ],
      ],
      out,
    );
    return OK;
  },
};

export const INDEX_COMMANDS: Record<string, Command> = { ls, find, diff, index };
