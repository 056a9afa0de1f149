import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localBackup, startCli } from '../helpers/cli-run.js';
import { makeFixtureVolume } from '../helpers/fixture-volume.js';
import { NODE24 } from '../helpers/node24.js';
import { createBucket, listVersions, openMultipartUploads, s3Server } from '../helpers/s3.js';
import { startThrottleProxy, type ThrottleProxy } from '../helpers/throttle-proxy.js';
import { bigVolume, waitFor } from './fault-kit.js';

// Issue 20 §4, "an interrupted command exits 130", through the shipped CLI bundle: from the first
// moment of the process (a signal before the bundle has loaded), and with the clean-up that
// matters done when it comes mid-upload over a slow link (an open multipart upload and claim.json
// were seen left behind by 2 of 8 Ctrl-Cs on a loaded machine).
const root = new URL('../..', import.meta.url).pathname;
const upstreamPort = () => Number(new URL(s3Server().endpoint).port);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Milliseconds `node args` takes from spawn to its exit (Node's own start-up, or the bundle's load). */
function timed(args: string[]): number {
  const started = process.hrtime.bigint();
  execFileSync(NODE24, args, { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

describe('a signal in the first moment of a CLI run (before the bundle has loaded)', () => {
  let volume: string;
  beforeAll(() => {
    volume = makeFixtureVolume();
  });
  afterAll(() => rmSync(volume, { recursive: true, force: true }));

  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    it(`${sig} once Node.js has started and long before lifeboat's bundle has loaded — exit 130 with a message, nothing written to the bucket`, async () => {
      const bucket = await createBucket();
      // the moment, measured on this machine now: past Node's own start-up, a third of the way
      // into the load of the bundle (which `--version` loads whole before it prints)
      const node = Math.min(timed(['-e', '0']), timed(['-e', '0']));
      const loaded = timed([join(root, 'dist/cli/index.js'), '--version']);
      const at = node + (loaded - node) / 3;
      const { child, done } = startCli(localBackup(volume, 'early', bucket));
      let output = '';
      child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      await sleep(at);
      // before any output: the command has not begun
      expect(output).toBe('');
      child.kill(sig);
      const run = await done;
      expect(
        { code: run.code, signal: run.signal },
        `signalled ${Math.round(at)} ms in; ${run.stderr}`,
      ).toEqual({
        code: 130,
        signal: null,
      });
      expect(run.stderr).toBe(
        `lifeboat: interrupted by ${sig} before the command started: nothing was read or written\n`,
      );
      expect(run.stdout).toBe('');
      const { versions, deleteMarkers } = await listVersions(bucket);
      expect([...versions, ...deleteMarkers]).toEqual([]);
      expect(await openMultipartUploads(bucket)).toEqual([]);
    });
  }
});

describe('Ctrl-C mid-upload over a slow link (throttling proxy: 2 MiB/s, 250 ms each way, in front of Ceph RGW)', () => {
  let volume: string;
  let proxy: ThrottleProxy | undefined;
  beforeAll(() => {
    volume = bigVolume();
  });
  afterAll(async () => {
    await proxy?.close();
    rmSync(volume, { recursive: true, force: true });
  });

  it('SIGINT while parts are in flight, three runs — exit 130 each time; no multipart upload open and no claim.json left', async () => {
    for (let i = 0; i < 3; i++) {
      const bucket = await createBucket();
      // a link of its own per run: the bytes a killed run left in the kernel's buffers do not
      // crowd the next one
      await proxy?.close();
      proxy = await startThrottleProxy(upstreamPort(), { bytesPerSecond: 2 * 1024 * 1024, delayMs: 250 });
      const link = proxy;
      const { child, done } = startCli(localBackup(volume, 'slow', bucket, link.endpoint));
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      // several MiB went towards the store: parts of the archive are in flight
      await waitFor(() => link.moved.up > 6 * 1024 * 1024, 90_000, 'parts in flight');
      expect(stderr).toContain('uploading in parts of');
      const signalled = Date.now();
      child.kill('SIGINT');
      const run = await done;
      const afterSignalMs = Date.now() - signalled;
      expect(run.code, run.stderr).toBe(130);
      expect(afterSignalMs, run.stderr).toBeLessThan(6_000);
      expect(run.stderr).not.toMatch(/may still hold/);
      // straight from Ceph, not through the proxy
      expect(await openMultipartUploads(bucket), `run ${i + 1}: ${run.stderr}`).toEqual([]);
      const { versions, deleteMarkers } = await listVersions(bucket);
      const current = versions.filter((v) => v.IsLatest).map((v) => v.Key);
      expect(current, `run ${i + 1}: ${run.stderr}`).toEqual([]);
      // the claim's versions are released (a release record, then a delete marker on top)
      expect(deleteMarkers.filter((d) => d.IsLatest).map((d) => d.Key)).toEqual(
        expect.arrayContaining([expect.stringMatching(/\/claim\.json$/)]),
      );
    }
  }, 240_000);
});
