import { snapshotFolderIn } from '../catalog/layout.js';
import { ConfigurationError } from '../util/errors.js';
import type { S3Location, ServerSideEncryption } from '../storage/s3-client.js';
import {
  checkLength,
  parseChoice,
  validateBucket,
  validateEndpoint,
  validatePrefix,
  validateRegion,
} from '../util/validate.js';
import { orDefault } from './defaults.js';
import type { OptionReader } from './option-reader.js';
import { words } from '../util/vocabulary.js';

/** bucket, prefix, endpoint, region, force-path-style: the storage options every command shares. */
export function readStorage(r: OptionReader): { location: S3Location; prefix: string } {
  const sse = readServerSideEncryption(r);
  return {
    location: {
      ...(sse ? { serverSideEncryption: sse } : {}),
      bucket: validateBucket('bucket', r.text('bucket')),
      endpoint: validateEndpoint('endpoint', r.text('endpoint')),
      region: validateRegion('region', orDefault(r, 'region')),
      forcePathStyle: r.flag('force-path-style'),
    },
    prefix: readPrefix('prefix', r.text('prefix')),
  };
}

/**
 * A prefix (validatePrefix), and not inside another target's snapshot folder: that target's
 * retention deletes the folder with everything in it, this target's snapshots too (attacker,
 * 2026-12-03: `--prefix lifeboat/nest/snapshots/<id>`, then `prune --target nest`).
 */
export function readPrefix(input: string, value: string): string {
  const prefix = validatePrefix(input, value);
  const inside = snapshotFolderIn(prefix);
  if (!inside) return prefix;
  throw new ConfigurationError(
    `${words().subject(input)} is ${JSON.stringify(prefix)}: it runs through ${inside.folder}/, the folder of snapshot ${inside.snapshotId} of target ${inside.target}, ` +
      `which that target's retention deletes with everything in it. Give a prefix of its own (for example ${inside.parent || 'lifeboat'}).`,
  );
}

/** sse (AES256 | aws:kms) and sse-kms-key-id, for providers that support them (AWS S3, Ceph RGW). */
export function readServerSideEncryption(r: OptionReader): ServerSideEncryption | undefined {
  const sse = r.text('sse');
  const keyId = r.text('sse-kms-key-id');
  if (!sse) {
    if (keyId)
      throw new ConfigurationError(
        `${words().subject('sse-kms-key-id')} needs ${words().setting('sse', 'aws:kms')}.`,
      );
    return undefined;
  }
  const mode = parseChoice<ServerSideEncryption['sse']>('sse', sse, ['AES256', 'aws:kms']);
  if (keyId && mode !== 'aws:kms') {
    throw new ConfigurationError(
      `${words().subject('sse-kms-key-id')} needs ${words().setting('sse', 'aws:kms')}, not ${mode}.`,
    );
  }
  if (keyId) {
    checkLength('sse-kms-key-id', keyId, 2048);
    if (!/^[A-Za-z0-9:/_.-]+$/.test(keyId)) {
      throw new ConfigurationError(
        `${words().subject('sse-kms-key-id')} is not a KMS key id, alias or ARN (letters, digits and : / _ . - only).`,
      );
    }
  }
  return { sse: mode, ...(keyId ? { kmsKeyId: keyId } : {}) };
}
