import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flyStandin, startCli, storageFlags } from '../helpers/cli-run.js';
import { isUploadPart, startHttpFaultProxy } from '../helpers/fault-proxy.js';
import { createBucket, listVersions, openMultipartUploads, s3Server } from '../helpers/s3.js';
import { bigVolume, bucketState, flyBackup, flyLogFile, readCalls, waitFor } from './fault-kit.js';

/**
 * A source that stalls mid-stream (flyctl connected, no byte arrives: a hung machine, a tar frozen
 * on a dead NFS, a half-open link) against the source's idle timeout, through the shipped CLI
 * bundle and the fly-volume-backup bundle, the flyctl stand-in (FLY_STANDIN_MODE stall-after:N)
 * and the test Ceph RGW. The stall comes after 30 MiB, when a multipart upload is open.
 */
const STALL_AFTER = 30 * 1024 * 1024;
const IDLE_SECONDS = 2;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a source that stalls mid-stream (source-idle-timeout)', () => {
  // 41 MiB of random data (two files of 20 MiB): more than the four parts of 6 MiB in flight
  let volume = '';
  beforeAll(() => void (volume = bigVolume()));
  afterAll(() => rmSync(volume, { recursive: true, force: true }));

  /** `lifeboat backup --app my-app` of the volume, with the stand-in's log; the run and its calls. */
  async function cliBackup(bucket: string, flags: string[], env: Record<string, string>, endpoint?: string) {
    const log = flyLogFile();
    const started = Date.now();
    let sawOpenUpload = false;
    const { done } = startCli(
      ['backup', '--app', 'my-app', '--compression', 'none', ...storageFlags(bucket, endpoint), ...flags],
      { ...flyStandin(volume), FLY_STANDIN_LOG: log, ...env },
    );
    let finished = false;
    const watching = (async () => {
      while (!finished) {
        if ((await openMultipartUploads(bucket)).length > 0) sawOpenUpload = true;
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const run = await done;
    finished = true;
    await watching;
    return { run, seconds: (Date.now() - started) / 1000, calls: readCalls(log), sawOpenUpload };
  }

  it('the CLI: exit 3 with the cause and the fix, flyctl killed, no new snapshot, latest unchanged, no open multipart upload', async () => {
    const bucket = await createBucket();
    const good = await cliBackup(bucket, [], {});
    expect(good.run.code, good.run.stderr).toBe(0);
    const before = await bucketState(bucket);

    const { run, seconds, calls, sawOpenUpload } = await cliBackup(
      bucket,
      ['--source-idle-timeout', String(IDLE_SECONDS)],
      { FLY_STANDIN_MODE: `stall-after:${STALL_AFTER}` },
    );
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(
      new RegExp(
        `flyctl sent no byte for \\d+(\\.\\d)? s while lifeboat was ready to read \\(--source-idle-timeout ${IDLE_SECONDS} s; ` +
          'the upload was not holding it back\\): the machine or the link is stalled .* lifeboat stopped flyctl, ' +
          'aborted the upload and published nothing; .* raise --source-idle-timeout \\(0 turns it off\\)\\.',
      ),
    );
    expect(run.stderr).not.toMatch(/suspect|not a complete, valid archive|end marker/);
    // the stall came when a multipart upload was open, and the run ended within seconds of it
    expect(sawOpenUpload).toBe(true);
    expect(seconds).toBeLessThan(60);
    // the source (flyctl) was stopped, not left hanging behind the CLI
    const ssh = calls.filter((c) => c.argv[0] === 'ssh');
    expect(ssh).toHaveLength(1);
    await waitFor(() => !alive(ssh[0]!.pid), 5000, 'the flyctl stand-in to exit');

    const after = await bucketState(bucket);
    expect(after.latest).toEqual(before.latest);
    expect(after.keys).toEqual(before.keys);
    expect(await openMultipartUploads(bucket)).toEqual([]);
  });

  it('fly-volume-backup: the source-idle-timeout input — the step fails with the same message, nothing published', async () => {
    const bucket = await createBucket();
    const run = await flyBackup(bucket, volume, {
      inputs: { 'source-idle-timeout': String(IDLE_SECONDS), compression: 'none' },
      env: { FLY_STANDIN_MODE: `stall-after:${STALL_AFTER}` },
    });
    expect(run.code, run.log).not.toBe(0);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(
      new RegExp(
        `^flyctl sent no byte for \\d+(\\.\\d)? s while lifeboat was ready to read \\('source-idle-timeout' ${IDLE_SECONDS} s;`,
      ),
    );
    expect(run.errors[0]).toContain("raise the 'source-idle-timeout' input (0 turns it off).");
    expect(run.outputs.status).toBe('failed');
    expect((await bucketState(bucket)).keys).toEqual([]);
    expect(await openMultipartUploads(bucket)).toEqual([]);
  });

  it('a flyctl that sent the whole stream and closed its output but never exits: exit 3, stopped, nothing published (was: waited forever)', async () => {
    const bucket = await createBucket();
    const { run, seconds, calls } = await cliBackup(bucket, ['--source-idle-timeout', String(IDLE_SECONDS)], {
      FLY_STANDIN_MODE: 'linger',
    });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(
      new RegExp(
        `flyctl closed its output but did not exit for \\d+(\\.\\d)? s \\(--source-idle-timeout ${IDLE_SECONDS} s\\): ` +
          'the connection hangs after the remote command ended .* lifeboat stopped flyctl, aborted the upload and ' +
          'published nothing; .* update flyctl and check the connection to the machine, or raise --source-idle-timeout \\(0 turns it off\\)\\.',
      ),
    );
    expect(run.stderr).not.toMatch(/suspect|not a complete, valid archive|end marker/);
    expect(seconds).toBeLessThan(60);
    const ssh = calls.filter((c) => c.argv[0] === 'ssh');
    expect(ssh).toHaveLength(1);
    await waitFor(() => !alive(ssh[0]!.pid), 5000, 'the flyctl stand-in to exit');
    expect((await bucketState(bucket)).keys).toEqual([]);
    // no version of an archive, manifest or pointer was ever written, and no upload is left open
    const { versions } = await listVersions(bucket);
    expect(versions.map((v) => v.Key).filter((k) => /archive|manifest|latest/.test(k!))).toEqual([]);
    expect(await openMultipartUploads(bucket)).toEqual([]);
  });

  it('a store that holds every part for longer than the timeout (back-pressure) does not fire it: the backup is good', async () => {
    const bucket = await createBucket();
    // each part waits three idle periods at the proxy: with four parts of 6 MiB in flight, the
    // rest of the 41 MiB volume waits in a full pipe from flyctl, which is paused
    const http = await startHttpFaultProxy(Number(new URL(s3Server().endpoint).port));
    http.setRules([{ match: isUploadPart, delayMs: 3 * IDLE_SECONDS * 1000 }]);
    try {
      const { run, seconds } = await cliBackup(
        bucket,
        ['--source-idle-timeout', String(IDLE_SECONDS)],
        {},
        http.endpoint,
      );
      expect(run.code, run.stderr).toBe(0);
      expect(seconds).toBeGreaterThan(2 * 3 * IDLE_SECONDS);
      expect(http.applied[0]).toBeGreaterThanOrEqual(5);
    } finally {
      await http.close();
    }
  });
});
