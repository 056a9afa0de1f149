import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Extracts archive bytes with the real tools (zstd/gzip and GNU tar) into a new directory. */
export function extractWithTar(bytes: Buffer, compression: 'zstd' | 'gzip' | 'none'): string {
  const dir = mkdtempSync(join(tmpdir(), 'lifeboat-extract-'));
  const file = join(dir, '..', `${dir.split('/').pop()}.archive`);
  writeFileSync(file, bytes);
  const decompress = compression === 'zstd' ? 'zstd -dc' : compression === 'gzip' ? 'gzip -dc' : 'cat';
  execFileSync('sh', ['-c', `${decompress} "$1" | tar -x -p -f - -C "$2"`, 'extract', file, dir]);
  return dir;
}
