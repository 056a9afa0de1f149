import { randomUUID } from 'node:crypto';
import type { Logger } from '../util/logger.js';
import { errorMessage } from '../util/errors.js';
import { PreconditionFailedError, type ObjectStore, type PutConditions } from './object-store.js';

/**
 * Whether a store honours conditional PutObject, found out once per run on a probe key of the
 * run's own (three writes and a delete, before any claim): the probe is written, written again
 * with If-None-Match: * (an honouring store refuses: the key exists), then with If-Match on the
 * first write's ETag (an honouring store accepts: it is the current one). AWS S3, R2, MinIO and
 * newer Ceph pass; Ceph Pacific fails both ways (it accepts the first and refuses the second).
 * Only a store that passes both is trusted with them: claims then use If-None-Match and the move
 * of latest.json If-Match (key-claim.ts, move-latest.ts); any other store gets the claims ordered
 * by versions. A store that answers a conditional write with any other error (a 400 or 501 for an
 * unknown header) is taken to have none: the claims by versions are safe on every store.
 */
export async function detectConditionalWrites(
  store: ObjectStore,
  probeKey: string,
  logger: Logger,
): Promise<boolean> {
  const probe = (step: string) => ({ probe: 'lifeboat conditional-write probe', step, nonce: randomUUID() });
  try {
    const first = await store.putJson(probeKey, probe('written'));
    const attempt = async (
      conditions: PutConditions,
      step: string,
    ): Promise<'written' | 'refused' | 'failed'> => {
      try {
        await store.putJson(probeKey, probe(step), conditions);
        return 'written';
      } catch (err) {
        if (err instanceof PreconditionFailedError) return 'refused';
        logger.debug(`conditional write probe (${step}) failed: ${errorMessage(err)}`);
        return 'failed';
      }
    };
    const supported =
      (await attempt({ ifNoneMatch: '*' }, 'if-none-match')) === 'refused' &&
      first.etag !== undefined &&
      (await attempt({ ifMatch: first.etag }, 'if-match')) === 'written';
    logger.debug(
      `${store.description} ${supported ? 'honours' : 'does not honour'} conditional writes: claims use ${supported ? 'If-None-Match and If-Match' : 'the order of versions'}`,
    );
    return supported;
  } finally {
    await store.deleteKeys([probeKey]).catch((err: unknown) => {
      logger.warning(`could not remove ${probeKey}: ${errorMessage(err)}`);
    });
  }
}
