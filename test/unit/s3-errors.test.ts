import { describe, expect, it } from 'vitest';
import { explainS3Error, isStall } from '../../src/storage/s3-errors.js';
import { EnvironmentError } from '../../src/util/errors.js';

// the shapes @smithy/node-http-handler 4.x gives its errors (dist-cjs/index.js): its own timeouts
// are plain Errors named TimeoutError; a socket error with code ECONNRESET, EPIPE or ETIMEDOUT is
// renamed TimeoutError too, keeping its code
const smithy = (message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { name: 'TimeoutError', ...extra });
const idle = smithy(
  '@smithy/node-http-handler - the request socket timed out after 30000 ms of inactivity (configured by client requestHandler).',
);
const noConnection = smithy(
  '@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 10000 ms.',
);
const reset = smithy('read ECONNRESET', { code: 'ECONNRESET' });
const where = 's3://b at http://127.0.0.1:9';

describe('a stalled store is told apart from a cut connection', () => {
  it.each([
    ['idle timeout', idle, true],
    ['connection timeout', noConnection, true],
    ['TCP timeout (ETIMEDOUT)', smithy('connect ETIMEDOUT', { code: 'ETIMEDOUT' }), true],
    ['reset connection (ECONNRESET, renamed TimeoutError by the SDK)', reset, false],
    ['EPIPE', smithy('write EPIPE', { code: 'EPIPE' }), false],
  ])('%s', (_what, err, stall) => {
    expect(isStall(err)).toBe(stall);
  });

  it('says which: no byte moved, no connection, or cut', () => {
    const stalled = explainS3Error(idle, 'GetObject k', where);
    expect(stalled).toBeInstanceOf(EnvironmentError);
    expect(stalled.message).toBe(
      `${where} stopped answering during GetObject k: it moved no byte for 30 s, on each of 4 attempts. ` +
        `The store is unreachable or overloaded: check the 'endpoint' input, the provider's status page and the network, then run again.`,
    );
    expect(explainS3Error(noConnection, 'HeadBucket', where).message).toMatch(
      /stopped answering during HeadBucket: it accepted no connection within 10 s, on each of 4 attempts/,
    );
    const cut = explainS3Error(reset, 'upload of k', where);
    expect(cut).toBeInstanceOf(EnvironmentError);
    expect(cut.message).toBe(
      `Cannot reach ${where} during upload of k (ECONNRESET): check the 'endpoint' input and the network.`,
    );
  });
});

describe('a store certificate the runner does not trust', () => {
  // the shape of Node's refusal (tls.connect verification): code set, name Error
  const selfSigned = Object.assign(new Error('self-signed certificate'), {
    code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
  });
  it('is the environment, naming NODE_EXTRA_CA_CERTS', () => {
    const e = explainS3Error(selfSigned, 'HeadBucket', 's3://b at https://127.0.0.1:9');
    expect(e).toBeInstanceOf(EnvironmentError);
    expect(e.message).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(e.message).toContain('NODE_EXTRA_CA_CERTS');
  });
});

describe('a bucket that does not exist', () => {
  // a newcomer's typo in --bucket, or the right name at another endpoint or region: all three named
  it('is named as it was given, with the three settings that find it', () => {
    const e = explainS3Error(
      Object.assign(new Error('The specified bucket does not exist'), {
        name: 'NoSuchBucket',
        $metadata: { httpStatusCode: 404 },
      }),
      'ListObjectsV2 lifeboat/app/snapshots/',
      where,
    );
    expect(e.message).toBe(
      `The bucket ${where} does not exist (ListObjectsV2 lifeboat/app/snapshots/): create it with versioning enabled, ` +
        `or fix 'bucket', 'endpoint' and 'region'.`,
    );
  });
});
