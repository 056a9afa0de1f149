import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tarStream from 'tar-stream';

/** Extracts archive bytes with the real tools (zstd/gzip and GNU tar) into a new directory. */
export function extractWithTar(bytes: Buffer, compression: 'zstd' | 'gzip' | 'none'): string {
  const dir = mkdtempSync(join(tmpdir(), 'lifeboat-extract-'));
  const file = join(dir, '..', `${dir.split('/').pop()}.archive`);
  writeFileSync(file, bytes);
  const decompress = compression === 'zstd' ? 'zstd -dc' : compression === 'gzip' ? 'gzip -dc' : 'cat';
  execFileSync('sh', ['-c', `${decompress} "$1" | tar -x -p -f - -C "$2"`, 'extract', file, dir]);
  return dir;
}

/** A tar member made by hand: any header tar-stream can write, and a body for files. */
export interface HandMember {
  header: Partial<tarStream.Header> & { name: string };
  body?: string;
}

/** A tar of `members` as tar-stream packs them (for archives no real tar would write). */
export async function packTar(members: HandMember[]): Promise<Buffer> {
  const pack = tarStream.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => {
    chunks.push(c as Buffer);
  });
  const done = new Promise<void>((resolve) => pack.on('end', () => resolve()));
  for (const m of members) {
    await new Promise<void>((resolve, reject) =>
      pack.entry(m.header as tarStream.Header, m.body ?? '', (err) => (err ? reject(err) : resolve())),
    );
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}
