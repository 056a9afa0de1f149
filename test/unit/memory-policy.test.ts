import { getHeapStatistics } from 'node:v8';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runtimeCollector, startMemoryPolicy } from '../../src/util/memory-policy.js';

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

  it('runs once per process: a second start returns the running policy; stop ends it', () => {
    const a = startMemoryPolicy();
    expect(startMemoryPolicy()).toBe(a);
    a.stop();
    const b = startMemoryPolicy();
    expect(b).not.toBe(a);
    b.stop();
  });
});
