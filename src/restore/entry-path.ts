import { posix } from 'node:path';

/**
 * The safe relative form of a tar member name, or the reason it is refused. Members are stored
 * as "./a/b"; absolute names, ".." segments, NUL and empty names never reach the file system.
 */
export function safeEntryPath(name: string): { path: string } | { refused: string } {
  if (name.includes('\0')) return { refused: 'its name contains a NUL byte' };
  if (name.startsWith('/')) return { refused: 'its name is an absolute path' };
  const segments = name.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return { refused: 'its name contains ".."' };
  return { path: segments.join('/') };
}

/**
 * Where a link target points, relative to the holding directory, or undefined when it leaves it.
 * `from` is the link's own relative path; symlink targets are relative to its folder, hardlink
 * targets to the archive root.
 */
export function resolveInside(target: string, from: string | undefined): string | undefined {
  if (target === '' || target.includes('\0') || target.startsWith('/')) return undefined;
  const base = from === undefined ? '.' : posix.dirname(from);
  const joined = posix.normalize(posix.join(base, target));
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}
