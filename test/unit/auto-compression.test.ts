import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArchiveScript, type RequestedCompression } from '../../src/archive/remote-script.js';

/**
 * What `auto` chooses is decided by the archive script on the machine, from the tools it has: the
 * script runs here with sh and a PATH of real tools (GNU tar, gzip, zstd), less the ones a machine
 * lacks. gzip writes the level it ran at into its header: XFL (byte 8) is 4 for the fastest level
 * (-1) and 0 for the default one (-6).
 */

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

const TOOLS = ['sh', 'tar', 'gzip', 'zstd', 'cat', 'du', 'awk'];
const hasZstd = ['/usr/bin/zstd', '/bin/zstd'].some((p) => existsSync(p));

/** Runs the archive script for `compression` on a "machine" whose PATH has `tools` only. */
function runScript(compression: RequestedCompression, tools: string[], extra: Record<string, string> = {}) {
  const base = mkdtempSync(join(tmpdir(), 'lb-auto-'));
  made.push(base);
  const volume = join(base, 'data');
  const bin = join(base, 'bin');
  mkdirSync(volume);
  mkdirSync(bin);
  writeFileSync(join(volume, 'app.log'), 'line of a log\n'.repeat(2000));
  for (const t of tools) {
    const real = ['/usr/bin', '/bin'].map((d) => join(d, t)).find((p) => existsSync(p));
    if (real) symlinkSync(real, join(bin, t));
  }
  for (const [name, script] of Object.entries(extra)) writeFileSync(join(bin, name), script, { mode: 0o755 });
  const out = execFileSync(
    '/bin/sh',
    ['-c', buildArchiveScript({ path: volume, compression, excludes: [] })],
    {
      env: { PATH: bin, LOG: join(base, 'log') },
    },
  );
  const newline = out.indexOf(0x0a);
  return {
    header: out.subarray(0, newline).toString(),
    body: out.subarray(newline + 1),
    log: existsSync(join(base, 'log')) ? readFileSync(join(base, 'log'), 'utf8') : '',
  };
}

describe('compression auto: the fastest path the machine has', () => {
  it.skipIf(!hasZstd)('zstd when the machine has it', () => {
    const r = runScript('auto', TOOLS);
    expect(r.header).toMatch(/^LIFEBOAT-STREAM\/1 zstd \d+$/);
    expect(r.body.subarray(0, 4).toString('hex')).toBe('28b52ffd');
  });

  it('without zstd: plain tar (the runner compresses it), neither gzip nor pigz runs on the machine', () => {
    const pigz = `#!/bin/sh\necho "pigz $*" >> "$LOG"\nexec gzip "$@"\n`;
    const r = runScript(
      'auto',
      TOOLS.filter((t) => t !== 'zstd'),
      { pigz },
    );
    expect(r.header).toMatch(/^LIFEBOAT-STREAM\/1 none \d+$/);
    expect(r.log).toBe('');
    // a tar member header: the first member's name, then ustar magic at offset 257
    expect(r.body.subarray(257, 262).toString('latin1')).toBe('ustar');
  });

  it('an explicit gzip stays gzip -6, with or without zstd or pigz', () => {
    const pigz = `#!/bin/sh\necho "pigz $*" >> "$LOG"\nexec gzip "$@"\n`;
    const r = runScript(
      'gzip',
      TOOLS.filter((t) => t !== 'zstd'),
      { pigz },
    );
    expect(r.header).toMatch(/^LIFEBOAT-STREAM\/1 gzip \d+$/);
    expect(r.log).toBe('');
    expect(r.body[8]).toBe(0); // XFL: the default level
  });
});
