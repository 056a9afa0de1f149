import { afterEach, describe, expect, it, vi } from 'vitest';
import { INTERRUPT_CLEANUP_MS, interruptCleanup, onInterrupt } from '../../src/util/interrupt-cleanup.js';

// util/interrupt-cleanup.ts: the clean-up that matters starts at the signal, side by side, runs
// once, and what did not finish in time is named.
describe('clean-up on an interrupted run', () => {
  afterEach(() => vi.useRealTimers());

  it('every task starts the moment the signal aborts, all at once, before the run unwinds', () => {
    const controller = new AbortController();
    const started: string[] = [];
    onInterrupt(controller.signal, 'the upload', async () => void started.push('upload'));
    onInterrupt(controller.signal, 'the claim', async () => void started.push('claim'));
    expect(started).toEqual([]);
    controller.abort(new Error('interrupted by SIGINT'));
    expect(started).toEqual(['upload', 'claim']);
  });

  it('a task runs once: the normal path waits for the run the signal started', async () => {
    const controller = new AbortController();
    let runs = 0;
    const release = onInterrupt(controller.signal, 'the claim', async () => {
      runs++;
    });
    controller.abort();
    await release.run();
    await release.run();
    expect(runs).toBe(1);
    expect(await interruptCleanup(controller.signal)).toEqual([]);
  });

  it('without a signal the task runs on the normal path only; a cancelled one never', async () => {
    const controller = new AbortController();
    let runs = 0;
    const done = onInterrupt(controller.signal, 'the upload', async () => {
      runs++;
    });
    done.cancel();
    controller.abort();
    expect(runs).toBe(0);
    const plain = onInterrupt(undefined, 'the claim', async () => {
      runs++;
    });
    await plain.run();
    expect(runs).toBe(1);
  });

  it('a signal that already aborted starts a task at once', () => {
    const controller = new AbortController();
    controller.abort();
    let started = false;
    onInterrupt(controller.signal, 'the claim', async () => {
      started = true;
    });
    expect(started).toBe(true);
  });

  it('what failed or did not finish within the deadline is named; what finished is not', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    onInterrupt(controller.signal, 'the multipart upload of a', async () => undefined);
    onInterrupt(controller.signal, 'the claim b', () => Promise.reject(new Error('HTTP 503')));
    onInterrupt(controller.signal, 'the multipart upload of c', () => new Promise<void>(() => undefined));
    controller.abort();
    const left = interruptCleanup(controller.signal);
    await vi.advanceTimersByTimeAsync(INTERRUPT_CLEANUP_MS);
    expect(await left).toEqual([
      'the claim b (HTTP 503)',
      `the multipart upload of c (not done within ${INTERRUPT_CLEANUP_MS / 1000} s)`,
    ]);
  });
});
