import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The process's memory policy: dead Buffers are given back soon after they die, not when V8's
 * own external-memory trigger (about 64 MiB of growth) fires.
 *
 * A backup or a restore moves every byte through short-lived Buffers (the pipe's 64 KiB chunks,
 * decompressed chunks, zstd's output, the upload's parts). Their JS wrappers are tiny, so the young
 * generation fills slowly and scavenges are rare, while their backing stores (outside the heap) pile
 * up until V8 starts a full collection for them: that backlog was 30–60 MiB of the peak RSS
 * (bench/NOTES.md, "Where the memory goes"). The runner's node takes no flags from action.yml, so
 * the collector is obtained at run time: `--expose-gc` is set with v8.setFlagsFromString and the
 * `gc` function read from a new context (the flag only decides whether a new context's global gets
 * it; it is set back at once so no later context or worker sees it).
 *
 * Invariants:
 * - a sampler (unref'd: it never keeps the process alive) reads V8's heap statistics every
 *   `sampleMs` (about 1 µs a read); when external memory has grown by `minorGrowthBytes` since the
 *   last collection, a scavenge (~0.1 ms) frees the Buffers that died young;
 * - when what a scavenge leaves has grown by `majorGrowthBytes` since the last full collection (or
 *   the heap's used size by `majorHeapGrowthBytes`), a full collection frees what died after
 *   promotion, at most once per `majorIntervalMs`, so its CPU cost is bounded (a full collection of
 *   a 20–60 MiB heap costs 3–12 ms here: at most 2.4% of one core);
 * - V8 starts its own marking when the old generation is `markingTriggers` percent of the way to
 *   its limit (V8's --incremental-marking-soft-trigger and -hard-trigger, read at each decision,
 *   so setting them at run time takes effect), not by its default rule, which starts marking
 *   whenever the room left below the limit is no larger than the young generation (16 MiB): a heap
 *   as small as this program's (12–30 MiB) never leaves that state, so V8 marked for the whole run,
 *   and every scavenge asked for during a marking finished it as a full collection. A stream
 *   verify made 73 full collections in 4.6 CPU-s; with the triggers, 6 in 2.7 (Node 24:
 *   bench/NOTES.md, "V8's marking of a small heap, set at run time"); a backup through the flyctl
 *   stand-in went from 5.3 to 3.5 CPU-s of its process. A backup's peak rose with them (one more
 *   part buffer in use, and what V8 collects later when it marks less), which smaller parts paid
 *   for (storage/part-size.ts). stop() sets both back to V8's defaults (0: the default rule);
 * - the policy changes when memory is freed, never what the program computes; where the runtime
 *   does not give a collector, it does nothing (the program runs as before, with V8's own policy).
 */
export interface MemoryPolicyOptions {
  /** Growth of external memory since the last collection that starts a scavenge. */
  minorGrowthBytes?: number;
  /** Growth of external memory since the last full collection that starts one. */
  majorGrowthBytes?: number;
  /** Growth of the heap's used size since the last full collection that starts one. */
  majorHeapGrowthBytes?: number;
  /** The least time between two full collections of the policy. */
  majorIntervalMs?: number;
  /** How often external memory is read. */
  sampleMs?: number;
  /** Percent of the old generation's limit at which V8 starts marking (soon, at once); null: V8's own rule. */
  markingTriggers?: { softPercent: number; hardPercent: number } | null;
}

type Collector = (options?: { type?: 'major' | 'minor' }) => void;

const MIB = 1024 * 1024;
export const MEMORY_POLICY_DEFAULTS: Required<MemoryPolicyOptions> = {
  minorGrowthBytes: 8 * MIB,
  majorGrowthBytes: 24 * MIB,
  majorHeapGrowthBytes: 16 * MIB,
  majorIntervalMs: 500,
  sampleMs: 20,
  markingTriggers: { softPercent: 80, hardPercent: 95 },
};

/** Sets V8's marking triggers (0 and 0: V8's default rule). */
function setMarkingTriggers(softPercent: number, hardPercent: number): void {
  setFlagsFromString(`--incremental-marking-soft-trigger=${softPercent}`);
  setFlagsFromString(`--incremental-marking-hard-trigger=${hardPercent}`);
}

let collector: Collector | null | undefined;

/** V8's collector, or null where the runtime does not give one at run time. */
export function runtimeCollector(): Collector | null {
  if (collector !== undefined) return collector;
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return (collector = existing as Collector);
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    collector = typeof gc === 'function' ? (gc as Collector) : null;
  } catch {
    collector = null;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
  return collector;
}

/** What the policy did, for measurement and tests. */
export interface MemoryPolicyStats {
  minor: number;
  major: number;
}

export interface MemoryPolicy {
  stats: MemoryPolicyStats;
  /** The options it runs with (the defaults filled in). */
  options: Required<MemoryPolicyOptions>;
  /** Ends the sampling; idempotent. */
  stop(): void;
}

let active: MemoryPolicy | undefined;

/**
 * Starts the policy for the rest of the process (once: a second call returns the running policy).
 * Call it where a process begins its work (an action's step, a CLI command).
 */
export function startMemoryPolicy(options: MemoryPolicyOptions = {}): MemoryPolicy {
  if (active) return active;
  const stats: MemoryPolicyStats = { minor: 0, major: 0 };
  const gc = runtimeCollector();
  const o = { ...MEMORY_POLICY_DEFAULTS, ...options };
  if (!gc) return (active = { stats, options: o, stop: () => undefined });
  // what was alive right after the last collection of each kind (external memory, heap)
  const first = getHeapStatistics();
  let afterMinor = first.external_memory;
  let afterMajor = afterMinor;
  let heapAfterMajor = first.used_heap_size;
  let lastMajorAt = 0;
  const timer = setInterval(() => {
    let h = getHeapStatistics();
    // a collection of V8's own lowered them: that is the new floor
    afterMinor = Math.min(afterMinor, h.external_memory);
    afterMajor = Math.min(afterMajor, h.external_memory);
    heapAfterMajor = Math.min(heapAfterMajor, h.used_heap_size);
    const minorDue = h.external_memory - afterMinor >= o.minorGrowthBytes;
    if (!minorDue && h.used_heap_size - heapAfterMajor < o.majorHeapGrowthBytes) return;
    if (minorDue) {
      gc({ type: 'minor' });
      stats.minor++;
      h = getHeapStatistics();
      afterMinor = h.external_memory;
    }
    const at = performance.now();
    if (at - lastMajorAt < o.majorIntervalMs) return;
    if (
      afterMinor - afterMajor < o.majorGrowthBytes &&
      h.used_heap_size - heapAfterMajor < o.majorHeapGrowthBytes
    )
      return;
    gc({ type: 'major' });
    stats.major++;
    lastMajorAt = at;
    h = getHeapStatistics();
    afterMajor = afterMinor = h.external_memory;
    heapAfterMajor = h.used_heap_size;
  }, o.sampleMs);
  timer.unref();
  const triggers = o.markingTriggers;
  if (triggers) setMarkingTriggers(triggers.softPercent, triggers.hardPercent);
  active = {
    stats,
    options: o,
    stop: () => {
      clearInterval(timer);
      if (triggers) setMarkingTriggers(0, 0);
      active = undefined;
    },
  };
  return active;
}
