import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMemoryPolicy, type MemoryPolicy } from '../../src/util/memory-policy.js';

// main itself is replaced: the claim is about start's wiring of the memory policy around it. The
// stand-in notes the policy running while it runs (a second start returns the running one).
const run = vi.hoisted(() => ({
  result: Promise.resolve(0) as Promise<number>,
  during: undefined as MemoryPolicy | undefined,
}));
vi.mock('../../src/cli/main.js', async () => {
  const policy = await import('../../src/util/memory-policy.js');
  return {
    main: () => {
      run.during = policy.startMemoryPolicy();
      return run.result;
    },
  };
});
const { start } = await import('../../src/cli/start.js');

describe('the CLI start (src/cli/start.ts)', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it.each([
    ['rejects', () => Promise.reject(new Error('a bug in main'))],
    ['returns', () => Promise.resolve(1)],
  ])('stops the memory policy when main %s', async (how, result) => {
    run.result = result();
    if (how === 'rejects') await expect(start(['ls'])).rejects.toThrow('a bug in main');
    else await start(['ls']);
    expect(run.during).toBeDefined();
    // the policy of the run was stopped: a start now makes another one
    const after = startMemoryPolicy();
    after.stop();
    expect(after).not.toBe(run.during);
  });

  // a backup, too, since its parts are smaller (storage/part-size.ts): it used to keep V8's own rule
  it.each([
    ['backup', { softPercent: 80, hardPercent: 95 }],
    ['verify', { softPercent: 80, hardPercent: 95 }],
    ['restore', { softPercent: 80, hardPercent: 95 }],
  ])("%s runs with V8's marking triggers %j", async (command, triggers) => {
    run.result = Promise.resolve(0);
    await start([command, '--bucket', 'b']);
    expect(run.during?.options.markingTriggers).toEqual(triggers);
  });
});
