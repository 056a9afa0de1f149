import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { recipientOf, validateIdentity } from '../../src/crypto/age-stream.js';
import { ConfigurationError } from '../../src/util/errors.js';

/** A key file as the real age-keygen writes it: two comment lines, then the secret key. */
const keyFile = () => execFileSync('age-keygen', { stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8');

describe('an age identity is its secret key line or the whole key file (as `age -i` reads it)', () => {
  it('LIFEBOAT_DECRYPTION_IDENTITY="$(cat key.txt)": the comments are not the identity', async () => {
    const file = keyFile();
    const secret = file.split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;
    const publicKey = /# public key: (age1\S+)/.exec(file)![1];
    expect(validateIdentity('decryption-identity', file)).toBe(secret);
    expect(validateIdentity('decryption-identity', `${file}\r\n`)).toBe(secret);
    expect(validateIdentity('decryption-identity', `  ${secret}  `)).toBe(secret);
    expect(await recipientOf(validateIdentity('decryption-identity', file))).toBe(publicKey);
  });

  it('two identities, or none, are refused without echoing either', () => {
    const a = keyFile();
    const b = keyFile();
    for (const value of [`${a}\n${b}`, '# only a comment\n']) {
      const err = (() => {
        try {
          validateIdentity('decryption-identity', value);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(ConfigurationError);
      for (const key of `${a}\n${b}`.match(/AGE-SECRET-KEY-1\w+/g)!) {
        expect(String(err)).not.toContain(key.slice('AGE-SECRET-KEY-1'.length, 24));
      }
    }
  });
});
