import type { TargetLayout } from './layout.js';
import type { Logger } from '../util/logger.js';
import { applyRetention, isEmptyPolicy, type RetentionPolicy } from './retention.js';
import { listSnapshots, readLatest, type CatalogEntry } from './listing.js';
import { isNewer, newestFirst } from './snapshot-time.js';
import type { ObjectStore } from '../storage/object-store.js';
import { errorMessage } from '../util/errors.js';
import { formatDuration } from '../util/format.js';

const HOUR = 3_600_000;

/**
 * A suspect snapshot (the wiped-volume guard's) is kept this long after the storage stored it, so
 * that a person can look at it; after that any retention run removes it, but only once
 * latest.json names a newer snapshot (a good backup superseded it).
 */
export const SUSPECT_KEEP_MS = 14 * 24 * HOUR;

/**
 * A folder without a manifest (an "incomplete" one: a run killed or failed before its manifest, a
 * prune cut short, a verification.json written after its snapshot was pruned) whose every object
 * the storage stored longer ago than this is the leftover of a run that ended: no live run
 * publishes that late (jobs/backup.ts refuses to publish more than MAX_PUBLISH_MS after its start).
 * Any retention run removes it.
 */
export const LEFTOVER_AFTER_MS = 24 * HOUR;

/** A backup publishes its snapshot no later than this after it started (see LEFTOVER_AFTER_MS). */
export const MAX_PUBLISH_MS = LEFTOVER_AFTER_MS - 4 * HOUR;

/** What latest.json says, as the plan needs it. */
export type LatestState =
  { kind: 'none' } | { kind: 'names'; id: string } | { kind: 'unreadable'; problem: string };

export interface PruneContext {
  latest: LatestState;
  /** The storage's time now: suspect snapshots and leftovers are aged by it. */
  now?: Date;
  /** Of incomplete folders: when the storage stored the newest object in each. */
  folderTimes?: ReadonlyMap<string, Date>;
}

export interface Removal extends CatalogEntry {
  /** Why it goes, for the log. */
  reason: string;
}

export interface PrunePlan {
  keep: { id: string; reasons: string[] }[];
  remove: Removal[];
  /** Snapshots the policy would remove that the guard keeps, and why. */
  spared: { id: string; reason: string }[];
}

/**
 * The one plan of every deletion of snapshots (backup's retention, copy-snapshot's on the
 * destination, `lifeboat prune`). The policy counts and removes good snapshots only. Whatever it
 * says, and like offen/docker-volume-backup's DoPrune refusing to delete every backup:
 *
 * - the snapshot latest.json names is never removed, nor any snapshot newer than it (by the
 *   storage's clock: a run killed after its manifest and before moving latest.json leaves a good
 *   snapshot newer than latest, and both stay);
 * - when latest.json cannot be read, or names a snapshot that is missing or not good, nothing at
 *   all is removed: what "newer" means is unknown until it names a good snapshot again;
 * - nothing at or after the newest good snapshot's second is removed.
 *
 * With the storage's time given (`now`), the plan also removes suspect snapshots older than
 * SUSPECT_KEEP_MS and older than the snapshot latest.json names, and incomplete folders older
 * than LEFTOVER_AFTER_MS. Unreadable folders are never removed (a person must look at them). An
 * empty policy removes nothing.
 */
export function planPrune(
  entries: CatalogEntry[],
  policy: RetentionPolicy,
  context: PruneContext = { latest: { kind: 'none' } },
): PrunePlan {
  const good = entries.filter((e) => e.state === 'ok');
  const decision = applyRetention(good, policy);
  const keep = decision.keep.map((k) => ({ id: k.snapshot.id, reasons: k.reasons }));
  const plan: PrunePlan = { keep, remove: [], spared: [] };
  if (isEmptyPolicy(policy)) return plan;

  const guard = latestGuard(entries, context.latest);
  const newest = good.reduce<CatalogEntry | undefined>((a, e) => (!a || e.time > a.time ? e : a), undefined);
  for (const e of decision.remove) {
    const why =
      guard.blocked ??
      guard.protects(e) ??
      (!newest || e.time >= newest.time || e.id === newest.id ? 'the newest good snapshot' : undefined);
    if (why) plan.spared.push({ id: e.id, reason: why });
    else plan.remove.push({ ...e, reason: 'the retention policy does not keep it' });
  }
  const now = context.now?.getTime();
  if (now !== undefined && !guard.blocked) {
    for (const e of entries) {
      const stored = e.storedAt ?? e.time;
      if (e.state === 'suspect' && guard.olderThanLatest(e) && now - stored.getTime() > SUSPECT_KEEP_MS) {
        plan.remove.push({
          ...e,
          reason: `suspect, stored ${formatDuration((now - stored.getTime()) / 1000)} ago (suspect snapshots are kept ${SUSPECT_KEEP_MS / (24 * HOUR)} days)`,
        });
      }
      const newestObject = e.state === 'incomplete' ? context.folderTimes?.get(e.id) : undefined;
      if (newestObject && now - newestObject.getTime() > LEFTOVER_AFTER_MS) {
        plan.remove.push({
          ...e,
          reason: `no manifest, and its newest object is ${formatDuration((now - newestObject.getTime()) / 1000)} old: the leftover of a run that ended`,
        });
      }
    }
  }
  plan.remove = newestFirst(plan.remove);
  return plan;
}

interface LatestGuard {
  /** Set when nothing may be removed at all, with the reason. */
  blocked?: string;
  /** Why the guard keeps this snapshot, or undefined. */
  protects(e: CatalogEntry): string | undefined;
  /** The snapshot is older than the one latest.json names (false when latest.json names none). */
  olderThanLatest(e: CatalogEntry): boolean;
}

function latestGuard(entries: CatalogEntry[], latest: LatestState): LatestGuard {
  const none = { protects: () => undefined, olderThanLatest: () => false };
  if (latest.kind === 'none') return none;
  if (latest.kind === 'unreadable') {
    return {
      ...none,
      blocked: `latest.json cannot be read (${latest.problem}): nothing is pruned until it can`,
    };
  }
  const named = entries.find((e) => e.id === latest.id);
  if (!named || named.state !== 'ok') {
    return {
      ...none,
      blocked: `latest.json names snapshot ${latest.id}, which is ${named ? named.state : 'missing'}: nothing is pruned until it names a good snapshot`,
    };
  }
  return {
    protects: (e) =>
      e.id === named.id
        ? 'latest.json names it'
        : isNewer(e, named)
          ? `newer than ${named.id}, which latest.json names`
          : undefined,
    olderThanLatest: (e) => isNewer(named, e),
  };
}

/**
 * Reads what planPrune needs of a target: the listing, latest.json, the storage's time and when
 * each incomplete folder's newest object was stored. Every caller that deletes plans with it.
 * `pending` is a snapshot a dry run would have written: it is planned as if it were listed, and
 * when it is good as if latest.json named it.
 */
export async function planTargetPrune(
  store: ObjectStore,
  layout: TargetLayout,
  policy: RetentionPolicy,
  pending?: CatalogEntry,
): Promise<PrunePlan> {
  const listed = await listSnapshots(store, layout);
  const entries = pending ? newestFirst([...listed.filter((e) => e.id !== pending.id), pending]) : listed;
  if (isEmptyPolicy(policy)) return planPrune(entries, policy);
  let latest: LatestState;
  try {
    const read = pending?.state === 'ok' ? undefined : await readLatest(store, layout);
    latest =
      pending?.state === 'ok'
        ? { kind: 'names', id: pending.id }
        : read
          ? { kind: 'names', id: read.pointer.snapshotId }
          : { kind: 'none' };
  } catch (err) {
    latest = { kind: 'unreadable', problem: errorMessage(err) };
  }
  const now = await store.serverTime();
  const folderTimes = new Map<string, Date>();
  for (const e of entries.filter((x) => x.state === 'incomplete')) {
    const at = await newestObjectTime(store, layout, e.id);
    if (at) folderTimes.set(e.id, at);
  }
  return planPrune(entries, policy, { latest, now, folderTimes });
}

/** When the storage stored the newest object of a folder; undefined when any cannot be read. */
async function newestObjectTime(
  store: ObjectStore,
  layout: TargetLayout,
  id: string,
): Promise<Date | undefined> {
  let newest: Date | undefined;
  for (const key of await store.listKeys(layout.snapshotPrefix(id))) {
    const head = await store.head(key).catch(() => undefined);
    if (!head?.lastModified) return undefined;
    if (!newest || head.lastModified > newest) newest = head.lastModified;
  }
  return newest;
}

/**
 * Deletes whole snapshot folders: the manifest first, so that a deletion cut short leaves an
 * "incomplete" folder that nothing mistakes for a good backup, then everything else under it.
 * In a versioned bucket these deletes leave noncurrent versions behind (see the README's
 * lifecycle rule).
 */
export async function executePrune(
  store: ObjectStore,
  layout: TargetLayout,
  plan: Pick<PrunePlan, 'remove'>,
  logger: Logger,
): Promise<string[]> {
  const pruned: string[] = [];
  for (const entry of plan.remove) {
    const manifestKey = layout.manifestKey(entry.id);
    if (entry.manifest) await store.deleteKeys([manifestKey]);
    const rest = (await store.listKeys(layout.snapshotPrefix(entry.id))).filter((k) => k !== manifestKey);
    await store.deleteKeys(rest);
    logger.info(
      entry.state === 'ok'
        ? `pruned snapshot ${entry.id}`
        : `pruned ${entry.state} snapshot ${entry.id}: ${entry.reason}`,
    );
    pruned.push(entry.id);
  }
  return pruned;
}

/** The plan in the log: what is kept and why, and what the guard spared. */
export function logPlan(plan: PrunePlan, logger: Logger): void {
  logger.info(
    `keeping ${plan.keep.length} snapshot(s): ${plan.keep.map((k) => `${k.id} (${k.reasons.join(', ')})`).join('; ')}`,
  );
  for (const s of plan.spared) logger.info(`keeping ${s.id} although the policy does not: ${s.reason}`);
}

/**
 * Retention after a run wrote a snapshot (backup, copy-snapshot's destination): nothing to do for
 * an empty policy; otherwise, in a log group of its own, the plan over the target (planTargetPrune:
 * planPrune's guarantees hold), the kept snapshots and why, then the deletions. Returns the ids
 * deleted.
 */
export async function retainAfterWrite(
  store: ObjectStore,
  layout: TargetLayout,
  policy: RetentionPolicy,
  run: { title: string; logger: Logger },
): Promise<string[]> {
  if (isEmptyPolicy(policy)) return [];
  const { logger } = run;
  return logger.group(run.title, async () => {
    const plan = await planTargetPrune(store, layout, policy);
    logPlan(plan, logger);
    const pruned = await executePrune(store, layout, plan, logger);
    if (pruned.length === 0) logger.info('nothing to prune');
    return pruned;
  });
}
