import type { RestoreChecks } from '../../src/jobs/restore.js';
import { createHash } from 'node:crypto';
import { runBackup, type BackupOptions, type BackupResult } from '../../src/jobs/backup.js';
import { TargetLayout } from '../../src/catalog/layout.js';
import type { ManualClock } from './clock.js';
import type { MemoryStore } from './memory-store.js';
import { RecordingLogger } from './recording-logger.js';
import {
  framedArchive,
  ScriptedSource,
  type FramedArchive,
  type FramedArchiveOptions,
  type Play,
  type TarEntry,
} from './scripted-source.js';

export const TARGET = 'app';
export const PREFIX = 'lifeboat';
export const LAYOUT = new TargetLayout(PREFIX, TARGET);

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Bytes that do not compress (a deterministic stream from a seed): sizes stay what the test says. */
export function noise(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  for (let at = 0; at < size; at += 32) createHash('sha256').update(`${seed}:${at}`).digest().copy(out, at);
  return out;
}

/** A change for MemoryStore.tamper: one byte inverted (negative: counted from the end). */
export function flipByte(at: number): (bytes: Buffer) => Buffer {
  return (bytes) => {
    const i = at < 0 ? bytes.length + at : at;
    bytes.writeUInt8(bytes.readUInt8(i) ^ 0xff, i);
    return bytes;
  };
}

/** A small volume: a SQLite-like file, uploads, a symlink. */
export function volume(seed = 1, files = 6): TarEntry[] {
  return [
    { name: './' },
    { name: './db/' },
    { name: './db/app.sqlite', content: noise(24 * 1024, seed) },
    { name: './uploads/' },
    ...Array.from({ length: files }, (_, i) => ({
      name: `./uploads/file-${i}.bin`,
      content: noise(4096 + i * 512, seed * 100 + i),
    })),
    { name: './current', type: 'symlink' as const, linkname: 'db/app.sqlite' },
  ];
}

export const NO_RETENTION = { last: 0, daily: 0, weekly: 0, monthly: 0 };
export const keepLast = (n: number) => ({ ...NO_RETENTION, last: n });

export function backupOptions(o: Partial<BackupOptions> = {}): BackupOptions {
  return {
    target: TARGET,
    prefix: PREFIX,
    path: '/data',
    excludes: [],
    compression: 'auto',
    retention: NO_RETENTION,
    minSizeRatio: 0.5,
    allowShrink: false,
    requireVersioning: true,
    dryRun: false,
    // no progress lines: the clock of the progress timer is the real one
    progressIntervalMs: 3_600_000,
    ...o,
  };
}

export interface BackupRun {
  result: BackupResult;
  /** What the source sent: the tar and the compressed bytes that must be in the bucket. */
  sent: FramedArchive;
  source: ScriptedSource;
  logger: RecordingLogger;
}

export interface BackupSetup {
  store: MemoryStore;
  /** The storage's clock, and the runner's unless `runner` is given. */
  clock: ManualClock;
  /** The runner's clock, when it differs from the storage's. */
  runner?: ManualClock;
  /** The volume (default volume()) and the framing of the stream. */
  archive?: FramedArchiveOptions;
  /** Faults of the run: the stream cut short, another exit, stderr lines. */
  play?: Omit<Play, 'stdout'>;
  options?: Partial<BackupOptions>;
  signal?: AbortSignal;
  source?: ScriptedSource;
}

/** Scripts one archive run and starts runBackup over the memory store and the scripted source. */
export async function startBackup(s: BackupSetup): Promise<{
  running: Promise<BackupResult>;
  sent: FramedArchive;
  source: ScriptedSource;
  logger: RecordingLogger;
}> {
  const sent = await framedArchive({ entries: volume(), ...s.archive });
  const source = s.source ?? new ScriptedSource({ label: 'flyctl', tools: { flyctl: '0.4.87' } });
  source.enqueue({ ...s.play, stdout: sent.framed });
  const logger = new RecordingLogger();
  const running = runBackup(backupOptions(s.options), {
    store: s.store,
    source,
    logger,
    now: (s.runner ?? s.clock).now,
    ...(s.signal ? { signal: s.signal } : {}),
  });
  return { running, sent, source, logger };
}

/** One backup that must succeed. */
export async function backup(s: BackupSetup): Promise<BackupRun> {
  const started = await startBackup(s);
  return { ...started, result: await started.running };
}

/** What a restore of the fixture's target checks: the latest snapshot, no policy beyond one entry. */
export const RESTORE_CHECKS: RestoreChecks = {
  target: TARGET,
  prefix: PREFIX,
  snapshot: { kind: 'latest' },
  requiredPaths: [],
  minEntries: 1,
  sqlite: [],
};
