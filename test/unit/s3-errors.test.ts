import { describe, expect, it } from 'vitest';
import { explainS3Error, isStall } from '../../src/storage/s3-errors.js';
import { EnvironmentError } from '../../src/util/errors.js';

// @smithy/node-http-handler renames a request's ECONNRESET, EPIPE and ETIMEDOUT errors to
// "TimeoutError" (NODEJS_TIMEOUT_ERROR_CODES); only a timeout is a stalled store
describe('explainS3Error: a cut connection is not a stalled store', () => {
  const sdkError = (message: string, code: string) =>
    Object.assign(new Error(message), { code, name: 'TimeoutError', $metadata: { attempts: 4 } });

  it('ECONNRESET or EPIPE named TimeoutError: the store cannot be reached, naming the code', () => {
    for (const code of ['ECONNRESET', 'EPIPE']) {
      const err = sdkError(`read ${code}`, code);
      expect(isStall(err)).toBe(false);
      const explained = explainS3Error(err, 'upload of k', 's3://b');
      expect(explained).toBeInstanceOf(EnvironmentError);
      expect(explained.message).toBe(
        `Cannot reach s3://b during upload of k (${code}): check the 'endpoint' input and the network.`,
      );
    }
  });

  it('a socket that timed out (or ETIMEDOUT) is a stall', () => {
    expect(isStall(sdkError('the request socket timed out after 30000 ms of inactivity', 'undefined'))).toBe(
      true,
    );
    expect(isStall(sdkError('connect ETIMEDOUT', 'ETIMEDOUT'))).toBe(true);
    expect(explainS3Error(sdkError('timed out', 'ETIMEDOUT'), 'GetObject k', 's3://b').message).toMatch(
      /^s3:\/\/b stopped answering during GetObject k: /,
    );
  });
});
