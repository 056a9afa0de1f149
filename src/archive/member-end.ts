import type { Readable } from 'node:stream';

/**
 * Settles at a tar member's end, or with its error; a member destroyed without an error (the walk
 * stopped) is not whole and rejects too.
 */
export function memberEnd(stream: Readable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let ended = false;
    stream.once('end', () => {
      ended = true;
      resolve();
    });
    stream.once('error', reject);
    stream.once('close', () => {
      if (!ended) reject(new Error('the member was closed before its end'));
    });
  });
}
