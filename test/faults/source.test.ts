import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUploadPart, startHttpFaultProxy, type HttpFaultProxy } from '../helpers/fault-proxy.js';
import { s3Server } from '../helpers/s3.js';
import {
  bigVolume,
  expectCleanFailure,
  flyBackup,
  flyLogFile,
  readCalls,
  withGoodBackup,
} from './fault-kit.js';

describe('source faults (fly-volume-backup, flyctl stand-in, Ceph RGW)', () => {
  let volume: string;
  let http: HttpFaultProxy;
  beforeAll(async () => {
    volume = bigVolume();
    http = await startHttpFaultProxy(Number(new URL(s3Server().endpoint).port));
  });
  afterAll(async () => {
    await http?.close();
  });

  it('flyctl killed (SIGKILL) mid-stream, while the first part uploads — fails cleanly, upload aborted', async () => {
    const { bucket, before } = await withGoodBackup(volume);
    const log = flyLogFile();
    let killed = 0;
    http.setRules([
      {
        match: isUploadPart,
        times: 1,
        before: () => {
          const ssh = readCalls(log).find((c) => c.argv[0] === 'ssh');
          if (!ssh) throw new Error('no ssh call logged');
          process.kill(ssh.pid, 'SIGKILL');
          killed = ssh.pid;
        },
      },
    ]);
    const run = await flyBackup(bucket, volume, { endpoint: http.endpoint, log });
    http.setRules([]);
    expect(killed).toBeGreaterThan(0);
    await expectCleanFailure(
      run,
      bucket,
      before,
      /flyctl was killed by SIGKILL before the archive was complete/,
    );
  });

  it('remote tar exits 2 after writing part of its output (stand-in FLY_STANDIN_TAR=exit2:N) — fails cleanly', async () => {
    const { bucket, before } = await withGoodBackup(volume);
    const run = await flyBackup(bucket, volume, { env: { FLY_STANDIN_TAR: 'exit2:3000000' } });
    await expectCleanFailure(run, bucket, before, /tar failed on the source with exit status 2/);
    expect(run.log).toContain('Read error at byte 0');
  });

  it('remote stream truncated while flyctl exits 0 — fails cleanly', async () => {
    const { bucket, before } = await withGoodBackup(volume);
    const run = await flyBackup(bucket, volume, { env: { FLY_STANDIN_MODE: 'truncate:20000000' } });
    await expectCleanFailure(run, bucket, before, /incomplete although it exited with status 0/);
  });

  it('pre-command fails — aborted before tar runs; fails cleanly', async () => {
    const { bucket, before } = await withGoodBackup(volume);
    const run = await flyBackup(bucket, volume, { inputs: { 'pre-command': 'echo locked >&2; exit 7' } });
    await expectCleanFailure(run, bucket, before, /pre-command failed on the source with exit status 7/);
    expect(run.log).toContain('locked');
  });

  it('machine stopped — fails cleanly with flyctl’s message', async () => {
    const { bucket, before } = await withGoodBackup(volume);
    const run = await flyBackup(bucket, volume, { env: { FLY_STANDIN_MODE: 'stopped' } });
    await expectCleanFailure(run, bucket, before, /has no started VMs/);
  });
});
