import { getHeapStatistics } from 'node:v8';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { runtimeCollector, startMemoryPolicy } from '../../src/util/memory-policy.js';

// V8's flags have no getter: the flags the policy sets are recorded on their way to V8 (each is set)
const v8Flags = vi.hoisted(() => [] as string[]);
vi.mock('node:v8', async (actual) => {
  const v8 = await actual<typeof import('node:v8')>();
  return {
    ...v8,
    setFlagsFromString: (flags: string) => {
      v8Flags.push(flags);
      v8.setFlagsFromString(flags);
    },
  };
});
const markingFlags = () => v8Flags.filter((f) => f.startsWith('--incremental-marking-'));

const MIB = 1024 * 1024;

/**
 * A stream's shape: 64 KiB Buffers, each alive for a few chunks, 2 MiB of them between two turns of
 * the event loop (the policy's sampler runs between them). Returns the peak of V8's external memory
 * above where it started.
 */
async function streamPeak(totalMib: number): Promise<number> {
  const start = getHeapStatistics().external_memory;
  let peak = 0;
  let recent: Buffer[] = [];
  for (let mib = 0; mib < totalMib; mib += 2) {
    for (let i = 0; i < 32; i++) {
      const chunk = Buffer.allocUnsafeSlow(64 * 1024);
      chunk[0] = i;
      recent.push(chunk);
      if (recent.length > 8) recent = recent.slice(-8);
    }
    peak = Math.max(peak, getHeapStatistics().external_memory - start);
    await sleep(2);
  }
  return peak;
}

describe('the memory policy (util/memory-policy.ts)', () => {
  it('the runtime gives a collector without --expose-gc, and leaves no gc global behind', () => {
    expect(typeof runtimeCollector()).toBe('function');
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });

  it("keeps a stream's dead Buffers under 32 MiB, where V8 alone lets them reach about 64 MiB", async () => {
    const without = await streamPeak(400);
    const policy = startMemoryPolicy();
    try {
      const withPolicy = await streamPeak(400);
      expect(withPolicy).toBeLessThan(32 * MIB);
      expect(policy.stats.minor).toBeGreaterThan(0);
      // the comparison that makes the first figure mean something on this runtime
      expect(without).toBeGreaterThan(48 * MIB);
    } finally {
      policy.stop();
    }
  });

  it("sets V8's marking triggers while it runs and V8's default rule once it stops; none when the options say so", () => {
    v8Flags.length = 0;
    const policy = startMemoryPolicy();
    expect(policy.options.markingTriggers).toEqual({ softPercent: 80, hardPercent: 95 });
    expect(markingFlags()).toEqual([
      '--incremental-marking-soft-trigger=80',
      '--incremental-marking-hard-trigger=95',
    ]);
    policy.stop();
    expect(markingFlags().slice(2)).toEqual([
      '--incremental-marking-soft-trigger=0',
      '--incremental-marking-hard-trigger=0',
    ]);

    v8Flags.length = 0;
    const own = startMemoryPolicy({ markingTriggers: null });
    own.stop();
    expect(own.options.markingTriggers).toBeNull();
    expect(markingFlags()).toEqual([]);
  });

  it('runs once per process: a second start returns the running policy; stop ends it', () => {
    const a = startMemoryPolicy();
    expect(startMemoryPolicy()).toBe(a);
    a.stop();
    const b = startMemoryPolicy();
    expect(b).not.toBe(a);
    b.stop();
  });
});
