import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { judgeSourceRun } from '../../src/archive/judge-run.js';
import { MACHINE_TOOLS } from '../../src/archive/machine-needs.js';
import { buildArchiveScript, type ArchiveScriptOptions } from '../../src/archive/remote-script.js';
import { FrameDecoder, NoOutputError } from '../../src/archive/stream-frame.js';
import { ConfigurationError, EnvironmentError, OperationFailedError } from '../../src/util/errors.js';
import { tempRoot } from '../helpers/odd-tree.js';

/**
 * The archive script on machines that lack a tool (issue 18): it says so in its first line, the
 * stop line, before any archive byte and before the pre-command; the decoder reads that line as
 * the run's statuses with no compression (so no upload starts), and the judge names the tool.
 * The script runs here under dash with a PATH of links to this machine's own tools.
 */

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const TOOLS = ['tar', 'gzip', 'zstd', 'cat', 'du', 'awk', 'touch'];

/** A PATH folder with this machine's `TOOLS` less `without`. */
function machinePath(without: string[]): string {
  const bin = join(tempRoot('lb-ms-bin-'), 'bin');
  dirs.push(bin);
  mkdirSync(bin);
  for (const t of TOOLS) {
    if (without.includes(t)) continue;
    const found = ['/usr/bin', '/bin'].map((d) => join(d, t)).find((p) => existsSync(p));
    if (found) symlinkSync(found, join(bin, t));
  }
  return bin;
}

function volume(): string {
  const d = tempRoot('lb-ms-vol-');
  dirs.push(d);
  execFileSync('sh', ['-c', `echo data > "${d}/app.db"`]);
  return d;
}

/** The script's stdout under dash with `PATH` = the machine's tools less `without`. */
function run(without: string[], o: Partial<ArchiveScriptOptions> = {}): Buffer {
  const script = buildArchiveScript({ path: volume(), compression: 'auto', excludes: [], ...o });
  return execFileSync('/bin/dash', ['-c', script], {
    env: { PATH: machinePath(without) },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

async function decode(bytes: Buffer): Promise<FrameDecoder> {
  const d = new FrameDecoder();
  await pipeline(Readable.from([bytes]), d, async (src: AsyncIterable<Buffer>) => {
    for await (const _ of src) void _;
  });
  return d;
}

describe('the archive script where a tool is missing', () => {
  it.each([
    ['tar', ['tar'], {}, 'notar'],
    ['gzip (asked for)', ['gzip'], { compression: 'gzip' as const }, 'nogzip'],
    ['zstd (asked for)', ['zstd'], { compression: 'zstd' as const }, 'nozstd'],
    ['cat (compression none)', ['cat'], { compression: 'none' as const }, 'nocat'],
  ])('no %s: one stop line, nothing else', async (_n, without, o, err) => {
    const out = run(without, o);
    expect(out.toString('latin1')).toBe(`LIFEBOAT-STOP/1 pre=0 tar=0 zip=0 err=${err}\n`);
    const d = await decode(out);
    expect(d.compression).toBeUndefined();
    expect(d.trailer).toEqual({ pre: 0, tar: 0, zip: 0, err });
  });

  it('the stop comes before the pre-command: it never runs on a machine that cannot archive', () => {
    const vol = volume();
    const script = buildArchiveScript({
      path: vol,
      compression: 'auto',
      excludes: [],
      preCommand: `touch ${vol}/pre-ran`,
    });
    const out = execFileSync('/bin/dash', ['-c', script], { env: { PATH: machinePath(['tar']) } });
    expect(out.toString()).toContain('err=notar');
    expect(existsSync(join(vol, 'pre-ran'))).toBe(false);
  });

  it('no du (and no awk): the header says nodu, the archive follows', async () => {
    const out = run(['du', 'awk', 'zstd']);
    // auto without zstd: plain tar, which the runner compresses
    const header = 'LIFEBOAT-STREAM/1 none nodu\n';
    expect(out.subarray(0, header.length).toString('latin1')).toBe(header);
    const d = await decode(out);
    expect([d.compression, d.sourceHasNoDu, d.sourceUsedBytes, d.trailer?.err]).toEqual([
      'none',
      true,
      0,
      '',
    ]);
  });

  it('du without awk: the KiB are still read (the shell cuts them out)', async () => {
    const d = await decode(run(['awk']));
    expect(d.sourceHasNoDu).toBe(false);
    expect(d.sourceUsedBytes).toBeGreaterThan(0);
  });

  it('a damaged stop line fails as a bad header', async () => {
    await expect(decode(Buffer.from('LIFEBOAT-STOP/1 err=notar\n'))).rejects.toThrow(
      /did not start with lifeboat's stream header/,
    );
  });
});

describe('judging what a machine without a tool reported', () => {
  const ok = { code: 0, signal: null, stderrTail: [] };
  const t = (err: string) => ({ pre: 0, tar: 0, zip: 0, err });
  it('a missing tool is the environment (EnvironmentError); an input the machine cannot honour is configuration', () => {
    for (const err of ['notar', 'nogzip', 'nocat'])
      expect(() => judgeSourceRun('flyctl', '/data', t(err), ok, undefined)).toThrow(EnvironmentError);
    for (const err of ['nozstd', 'noexclude'])
      expect(() => judgeSourceRun('flyctl', '/data', t(err), ok, undefined)).toThrow(ConfigurationError);
    expect(() => judgeSourceRun('ssh', '/data', t('notar'), ok, undefined)).toThrow(
      /^tar is not installed on the SSH host: .*`RUN apk add --no-cache tar` \(Alpine\)\. Nothing was read or sent\.$/,
    );
  });

  it('no gzip: only compression gzip needs it on a runner with zstd; auto needs it only where the runner has none', () => {
    expect(() => judgeSourceRun('flyctl', '/data', t('nogzip'), ok, undefined)).toThrow(
      /^gzip is not installed on the Fly machine: compression gzip runs gzip on the machine \(and so does auto on a machine without zstd when the runner's Node\.js has no zstd\)\. To fix it, .*`RUN apk add --no-cache gzip` \(Alpine\)\. With compression auto, zstd on the machine does as well\. Nothing was read or sent\.$/,
    );
  });

  it('no output at all and status 127 (flyctl prints it, ssh returns it): the machine has no sh', () => {
    const none = new NoOutputError('the remote command produced no output at all');
    const fly = { code: 1, signal: null, stderrTail: ['Error: ssh shell: Process exited with status 127'] };
    expect(() => judgeSourceRun('flyctl', '/data', undefined, fly, none)).toThrow(
      /^the Fly machine has no sh: .*RUN \["\/bin\/busybox", "--install", "-s", "\/bin"\]/,
    );
    const ssh = { code: 127, signal: null, stderrTail: ['sh: 1: sh: not found'] };
    expect(() => judgeSourceRun('ssh', '/data', undefined, ssh, none)).toThrow(EnvironmentError);
    // status 127 after some output is not a missing shell: the stream was cut
    expect(() => judgeSourceRun('flyctl', '/data', undefined, fly, new Error('no end marker'))).toThrow(
      OperationFailedError,
    );
  });
});

describe("the README's Machines section", () => {
  it('quotes every Dockerfile line that the messages give, in the row of its tool', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('\n### Machines\n');
    expect(start).toBeGreaterThan(0);
    const section = readme.slice(start, readme.indexOf('\n## ', start));
    for (const [tool, install] of Object.entries(MACHINE_TOOLS)) {
      const row = section.split('\n').find((l) => l.startsWith(`| \`${tool}\``));
      expect(row, tool).toBeDefined();
      for (const line of install.lines) expect(row, tool).toContain(`\`${line}\``);
    }
  });
});
