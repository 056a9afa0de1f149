import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The body lines of a private key (its base64, without the BEGIN and END lines). */
export function keyBodyLines(privateKey: string): string[] {
  return privateKey
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length >= 20 && !l.startsWith('-----'));
}

/**
 * Every regular file below `dir` (symlinks not followed) that holds any body line of the key:
 * where a copy of the key was left on disk. Folders that vanish or cannot be read while the scan
 * runs are skipped.
 */
export function filesHoldingKey(dir: string, privateKey: string): string[] {
  const lines = keyBodyLines(privateKey);
  const found: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(d, name);
      try {
        const st = lstatSync(path);
        if (st.isDirectory()) walk(path);
        else if (st.isFile() && st.size < 1 << 20) {
          const text = readFileSync(path, 'latin1');
          if (lines.some((l) => text.includes(l))) found.push(path);
        }
      } catch {
        // gone while we looked
      }
    }
  };
  walk(dir);
  return found;
}
