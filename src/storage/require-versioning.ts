import { ConfigurationError } from '../util/errors.js';
import { words } from '../util/vocabulary.js';
import type { ObjectStore } from './object-store.js';

/**
 * Refuses a bucket without versioning (the protection against a deleted or overwritten backup),
 * with a message for each case: not enabled, suspended, or not supported by the provider.
 * `what` names the thing at risk ("backup", "copy") and `bucketInput` the option that names the
 * bucket, shown in the suggested command when the store does not know its bucket's name.
 */
export async function requireVersioning(
  store: ObjectStore,
  what: string,
  bucketInput: string,
): Promise<void> {
  const status = await store.versioning();
  if (status === 'Enabled') return;
  const w = words();
  if (status === 'Unsupported') {
    throw new ConfigurationError(
      `${store.description} does not support bucket versioning (Cloudflare R2, for one, has none): ` +
        `${w.set('require-versioning', false)} to go on without it, and protect the bucket with the provider's ` +
        `own retention or lock settings (for R2: bucket locks) so that a leaked key cannot delete every ${what}.`,
    );
  }
  throw new ConfigurationError(
    `Versioning is ${status === 'Disabled' ? 'not enabled' : 'suspended'} on ${store.description}: ` +
      `without it a deleted or overwritten ${what} cannot be recovered. Enable it ` +
      `(aws s3api put-bucket-versioning --bucket ${store.bucket ?? `<${bucketInput}>`} --versioning-configuration Status=Enabled, ` +
      `or the provider's console), or ${w.set('require-versioning', false)} to accept the risk.`,
  );
}
