import type { TargetLayout } from './layout.js';
import type { Logger } from '../util/logger.js';
import { applyRetention, type RetentionPolicy } from './retention.js';
import type { CatalogEntry } from './listing.js';
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
