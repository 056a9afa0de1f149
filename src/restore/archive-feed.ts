import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HashCounter } from '../archive/hash-counter.js';
import { decryptingStream } from '../crypto/age-stream.js';

/**
 * A stored archive on its way to whatever restores it (the archive walk of a verification, the tar
 * on a machine): the stored bytes are hashed and counted as they arrive, and an age-encrypted
 * archive is decrypted here, its plaintext hashed too, so that `into` always receives the
 * compressed tar the manifest describes. Without a decryption identity the bytes pass as stored.
 */
export class ArchiveFeed {
  /** sha256 and count of the bytes as stored (the ciphertext of an encrypted archive). */
  readonly stored = new HashCounter();
  /** sha256 and count of the decrypted archive; nothing passes through it without encryption. */
  readonly plain = new HashCounter();
  /** Set when the decryption side broke: the ciphertext was altered, damaged or cut short. */
  decryptError: unknown;

  constructor(private readonly decryptionIdentity?: string) {}

  /** Feeds `body` into `into`; settles once every byte got there, or with the first error. */
  feed(body: Readable, into: Writable): Promise<unknown> {
    if (!this.decryptionIdentity) return pipeline(body, this.stored, into);
    return this.feedDecrypted(body, this.decryptionIdentity, into);
  }

  /** ciphertext -> sha256 -> age decryption -> sha256 of the plaintext -> `into`. */
  private async feedDecrypted(body: Readable, identity: string, into: Writable): Promise<unknown> {
    const decryption = await decryptingStream(identity);
    const cipher = pipeline(body, this.stored, decryption.input);
    const plain = decryption.output.then((readable) => pipeline(readable, this.plain, into));
    plain.catch((err: unknown) => {
      this.decryptError = err;
      into.destroy(err as Error);
    });
    return Promise.all([cipher, plain]);
  }
}
