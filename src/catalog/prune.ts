import type { TargetLayout } from './layout.js';
import type { Logger } from '../util/logger.js';
import { applyRetention, isEmptyPolicy, type RetentionPolicy } from './retention.js';
import { listSnapshots, type CatalogEntry } from './listing.js';
import type { ObjectStore } from '../storage/object-store.js';

export interface PrunePlan {
  keep: { id: string; reasons: string[] }[];
  remove: CatalogEntry[];
}

/**
 * Applies the policy to the good snapshots only. Suspect, incomplete and unreadable folders are
 * neither counted nor deleted, and nothing at or after the newest good snapshot is ever removed,
 * whatever the policy says.
 */
export function planPrune(entries: CatalogEntry[], policy: RetentionPolicy): PrunePlan {
  const good = entries.filter((e) => e.state === 'ok');
  const decision = applyRetention(good, policy);
  const newest = good.reduce<CatalogEntry | undefined>((a, e) => (!a || e.time > a.time ? e : a), undefined);
  const remove = decision.remove.filter((e) => newest && e.time < newest.time && e.id !== newest.id);
  return { keep: decision.keep.map((k) => ({ id: k.snapshot.id, reasons: k.reasons })), remove };
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
  plan: PrunePlan,
  logger: Logger,
): Promise<string[]> {
  const pruned: string[] = [];
  for (const entry of plan.remove) {
    const manifestKey = layout.manifestKey(entry.id);
    await store.deleteKeys([manifestKey]);
    const rest = (await store.listKeys(layout.snapshotPrefix(entry.id))).filter((k) => k !== manifestKey);
    await store.deleteKeys(rest);
    logger.info(`pruned snapshot ${entry.id}`);
    pruned.push(entry.id);
  }
  return pruned;
}

export interface RetentionRun {
  /** Deleted snapshot ids. */
  pruned: string[];
  /** With dryRun: what would have been deleted. */
  wouldPrune: string[];
}

/**
 * Retention after a run wrote a snapshot (backup, copy-snapshot's destination): nothing to do for
 * an empty policy; otherwise, in a log group of its own, the plan over the target's listing, the
 * kept snapshots and why, then the deletions (planPrune's guarantees hold) or, with dryRun, only
 * what they would be.
 */
export async function retainAfterWrite(
  store: ObjectStore,
  layout: TargetLayout,
  policy: RetentionPolicy,
  run: { title: string; dryRun: boolean; logger: Logger },
): Promise<RetentionRun> {
  const result: RetentionRun = { pruned: [], wouldPrune: [] };
  if (isEmptyPolicy(policy)) return result;
  const { logger } = run;
  await logger.group(run.title, async () => {
    const plan = planPrune(await listSnapshots(store, layout), policy);
    logger.info(
      `keeping ${plan.keep.length} snapshot(s): ${plan.keep.map((k) => `${k.id} (${k.reasons.join(', ')})`).join('; ')}`,
    );
    if (run.dryRun) {
      result.wouldPrune = plan.remove.map((e) => e.id);
      logger.info(
        result.wouldPrune.length
          ? `dry run: would prune ${result.wouldPrune.join(', ')}`
          : 'dry run: nothing to prune',
      );
    } else {
      result.pruned = await executePrune(store, layout, plan, logger);
      if (result.pruned.length === 0) logger.info('nothing to prune');
    }
  });
  return result;
}
