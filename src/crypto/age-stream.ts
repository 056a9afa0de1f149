import { Duplex, PassThrough, Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ConfigurationError } from '../util/errors.js';
import { words } from '../util/vocabulary.js';
import { holdsSecret } from '../util/redact.js';
import { describeValue } from '../util/validate.js';

/**
 * age-encryption (with its post-quantum and curve code) is loaded on first use only: a backup or
 * verify without encryption does not pay for it in start-up time and memory.
 */
const loadAge = () => import('age-encryption');

/**
 * Client-side encryption with age (age-encryption.org/v1), streaming, so that an encrypted backup
 * is still one pass. The stored object is a standard age file: `age -d -i key.txt` decrypts it.
 */

const RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;
const IDENTITY = /^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/;

export function validateRecipient(input: string, value: string): string {
  const v = value.trim();
  if (v.startsWith('ssh-')) {
    throw new ConfigurationError(
      `${words().subject(input)} holds an SSH public key: lifeboat's age library takes X25519 recipients only. ` +
        'Generate one with `age-keygen -o key.txt` and give the "age1..." public key it prints.',
    );
  }
  if (holdsSecret(v)) {
    // never echoed, not even in part: the message names what it is and what to give instead
    throw new ConfigurationError(
      `${words().subject(input)} holds an age secret key (an identity), not a recipient: give its public key, ` +
        'the "age1..." line that `age-keygen -y key.txt` prints. The secret key decrypts every backup: ' +
        'if it was typed into a shell or a workflow file, treat it as exposed and make a new one.',
    );
  }
  if (!RECIPIENT.test(v)) {
    throw new ConfigurationError(
      `${words().subject(input)} has ${describeValue(v.slice(0, 20))}…, which is not an age X25519 recipient: ` +
        'give the "age1..." public key printed by `age-keygen` (never its secret key).',
    );
  }
  return v;
}

/**
 * An identity given as its "AGE-SECRET-KEY-1..." line or as the whole key file age-keygen wrote
 * (`"$(cat key.txt)"`): as age reads an identity file, lines starting with "#" and empty lines are
 * not identities. One identity is expected.
 */
export function validateIdentity(input: string, value: string): string {
  const lines = value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const v = lines.length === 1 ? lines[0]! : value.trim();
  if (!IDENTITY.test(v)) {
    throw new ConfigurationError(
      `${words().subject(input)} is not an age identity: give the secret key line of the key file made by age-keygen (or the whole file).`,
    );
  }
  return v;
}

/** The recipient (public key) of an identity, to name it in messages without showing the secret. */
export async function recipientOf(identity: string): Promise<string> {
  return (await loadAge()).identityToRecipient(identity);
}

/**
 * The one refusal of an identity whose public key (`mine`) is not among the recipients `what` was
 * encrypted for (as its manifest records them): verify, restore, index, ls, find and diff say the
 * same, before anything is downloaded where the recipients are known.
 */
export function notARecipient(mine: string, what: string, recipients: readonly string[]): ConfigurationError {
  const made = recipients.length > 0 ? ` (${recipients.join(', ')})` : '';
  return new ConfigurationError(
    `The identity given (public key ${mine}) is not one ${what} was encrypted for${made}: pass the identity of one of ${recipients.length > 0 ? 'those' : 'its'} recipients.`,
  );
}

/** A duplex stream: plaintext in, age ciphertext out. */
export async function encryptingStream(recipients: string[]): Promise<Duplex> {
  const age = await loadAge();
  const encrypter = new age.Encrypter();
  for (const r of recipients) encrypter.addRecipient(r);
  const input = new PassThrough({ highWaterMark: 1 << 20 });
  const out = await encrypter.encrypt(Readable.toWeb(input) as unknown as ReadableStream<Uint8Array>);
  return Duplex.from({ writable: input, readable: Readable.fromWeb(out as unknown as WebReadableStream) });
}

/** Ciphertext goes into `input`; `output` resolves once the header names a matching identity. */
export async function decryptingStream(
  identity: string,
): Promise<{ input: PassThrough; output: Promise<Readable> }> {
  const age = await loadAge();
  const decrypter = new age.Decrypter();
  decrypter.addIdentity(identity);
  const input = new PassThrough({ highWaterMark: 1 << 20 });
  const output = decrypter
    .decrypt(Readable.toWeb(input) as unknown as ReadableStream<Uint8Array>)
    .then((web) => Readable.fromWeb(web as unknown as WebReadableStream));
  output.catch(() => undefined);
  return { input, output };
}
