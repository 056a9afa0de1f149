import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../src/storage/object-store.js';
import { explainS3Error, isStall } from '../../src/storage/s3-errors.js';
import { CLI_WORDS } from '../../src/cli/words.js';
import { ConfigurationError, EnvironmentError } from '../../src/util/errors.js';
import { ACTION_WORDS, speak } from '../../src/util/vocabulary.js';

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

describe('an endpoint that redirects (an http address of an https-only store, a moved host)', () => {
  // a real HTTP server answering every request with a redirect, as a web server in front of a
  // store does for http://; the SDK's own error comes back through S3ObjectStore
  async function redirecting(status: number, headers: Record<string, string>) {
    const server = createServer((req, res) => {
      req.resume();
      res.writeHead(status, {
        ...headers,
        ...(headers.location ? { location: `${headers.location}${req.url}` } : {}),
      });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const store = new S3ObjectStore({
      bucket: 'b',
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });
    return { store, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it.each([301, 302, 307, 308])(
    'HTTP %i: a configuration error naming the address to give',
    async (status) => {
      const r = await redirecting(status, { location: 'https://s3.example.test:8443' });
      try {
        const err = await r.store.head('lifeboat/app/latest.json').then(
          () => undefined,
          (e: unknown) => e as Error,
        );
        expect(err).toBeInstanceOf(ConfigurationError);
        expect(err!.message).toBe(
          `s3://b at http://127.0.0.1:${r.port} answered HeadObject lifeboat/app/latest.json with a redirect ` +
            `(HTTP ${status} to https://s3.example.test:8443), which S3 clients do not follow: nothing was done there. ` +
            `To fix it, set the 'endpoint' input to https://s3.example.test:8443.`,
        );
      } finally {
        await r.close();
      }
    },
  );

  it("AWS S3's answer for a bucket in another region names the region", async () => {
    const r = await redirecting(301, { 'x-amz-bucket-region': 'eu-west-3' });
    try {
      const err = await r.store.head('k').then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(err).toBeInstanceOf(ConfigurationError);
      expect(err!.message).toMatch(
        /with a redirect \(HTTP 301\), which S3 clients do not follow: nothing was done there\. To fix it, set the 'region' input to eu-west-3 \(the bucket's region, which the store named\)\.$/,
      );
    } finally {
      await r.close();
    }
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

describe('access denied', () => {
  // was: "see the IAM policy in the action's README" from the CLI too, which has its own policy file
  const denied = Object.assign(new Error('Access Denied'), {
    name: 'AccessDenied',
    $metadata: { httpStatusCode: 403 },
  });
  it("points each face at its own policy: the action's README, the CLI's docs/iam/cli-policy.json", () => {
    expect(explainS3Error(denied, 'PutObject k', where).message).toBe(
      `Access denied during PutObject k on ${where}: the credentials need permission for it (see the IAM policy in the action's README).`,
    );
    try {
      speak(CLI_WORDS);
      expect(explainS3Error(denied, 'PutObject k', where).message).toBe(
        `Access denied during PutObject k on ${where}: the credentials need permission for it (see docs/iam/cli-policy.json in lifeboat's repository).`,
      );
      const headDenied = Object.assign(new Error('403'), { name: '403', $metadata: { httpStatusCode: 403 } });
      expect(explainS3Error(headDenied, 'HeadObject k', where).message).toContain(
        "(see docs/iam/cli-policy.json in lifeboat's repository)",
      );
    } finally {
      speak(ACTION_WORDS);
    }
  });
});
