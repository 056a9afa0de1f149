import { readFileSync } from 'node:fs';
import { errorMessage } from '../util/errors.js';

export type ReadResult = { ok: true; text: string } | { ok: false; missing: boolean; reason: string };

/**
 * The text of an input file. A byte-order mark is honoured and dropped: UTF-8 with a BOM
 * (PowerShell 7 `Out-File -Encoding utf8BOM`, Windows editors) and UTF-16 with a BOM (Windows
 * PowerShell 5 `Out-File`, `>` redirection) read as the same text as plain UTF-8. Invariant: a
 * file that cannot be read is a result with its reason, never an empty text.
 */
export function readText(abs: string): ReadResult {
  let buf: Buffer;
  try {
    buf = readFileSync(abs);
  } catch (err) {
    return {
      ok: false,
      missing: (err as NodeJS.ErrnoException).code === 'ENOENT',
      reason: errorMessage(err),
    };
  }
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { ok: true, text: buf.toString('utf8', 3) };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { ok: true, text: buf.toString('utf16le', 2) };
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1)));
    swapped.swap16();
    return { ok: true, text: swapped.toString('utf16le') };
  }
  return { ok: true, text: buf.toString('utf8') };
}
