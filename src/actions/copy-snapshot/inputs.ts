import { readPrefix } from '../../options/storage-options.js';
import type { CopyOptions } from '../../jobs/copy-snapshot.js';
import { ConfigurationError } from '../../util/errors.js';
import { parseSnapshotSelector } from '../../catalog/select-snapshot.js';
import type { S3Location } from '../../storage/s3-client.js';
import {
  checkLength,
  checkNoControlCharacters,
  validateBucket,
  validateEndpoint,
  validateRegion,
  validateTarget,
} from '../../util/validate.js';
import { readRetention } from '../../options/retention-options.js';
import { orDefault } from '../../options/defaults.js';
import { actionReader, booleanInput, input, requiredInput } from '../common/action-io.js';
import { getStorageInputs } from '../common/storage-inputs.js';

export const OUTPUTS = ['snapshot-id', 'copied', 'bytes', 'sha256', 'duration-seconds'] as const;

export interface CopyInputs {
  copy: CopyOptions;
  source: S3Location;
  destination: S3Location;
  /** Whether a server-side CopyObject can work: one endpoint and one set of keys for both. */
  sameAccount: boolean;
}

/** The destination keys, read raw so that they can be masked before anything is validated. */
export function destinationSecrets(): string[] {
  return [input('to-access-key-id'), input('to-secret-access-key')].filter((v) => v !== '');
}

function key(name: string, value: string): string {
  return checkNoControlCharacters(name, checkLength(name, value, 256));
}

export function getInputs(env: NodeJS.ProcessEnv = process.env): CopyInputs {
  const target = validateTarget(
    'target',
    requiredInput('target', 'the backup target whose snapshot to copy'),
  );
  const storage = getStorageInputs();
  const accessKeyId = input('to-access-key-id');
  const secretAccessKey = input('to-secret-access-key');
  if ((accessKeyId === '') !== (secretAccessKey === '')) {
    throw new ConfigurationError(
      `Inputs 'to-access-key-id' and 'to-secret-access-key' go together: set both (the destination's own keys) or neither (the destination uses the same credentials as the source).`,
    );
  }
  const destination: S3Location = {
    bucket: validateBucket('to-bucket', requiredInput('to-bucket', 'the bucket that receives the copy')),
    endpoint: validateEndpoint('to-endpoint', input('to-endpoint')),
    region: validateRegion('to-region', orDefault(actionReader, 'to-region')),
    forcePathStyle: booleanInput('to-force-path-style'),
    ...(accessKeyId
      ? {
          credentials: {
            accessKeyId: key('to-access-key-id', accessKeyId),
            secretAccessKey: key('to-secret-access-key', secretAccessKey),
          },
        }
      : {}),
  };
  const destinationPrefix = readPrefix('to-prefix', input('to-prefix'));
  if (
    destination.bucket === storage.location.bucket &&
    sameEndpoint(destination.endpoint, storage.location.endpoint) &&
    destinationPrefix === storage.prefix
  ) {
    throw new ConfigurationError(
      `The destination (to-bucket, to-endpoint, to-prefix) is the source itself: name a second bucket, region or provider.`,
    );
  }
  const sameKeys =
    !accessKeyId ||
    (accessKeyId === (env.AWS_ACCESS_KEY_ID ?? '') && secretAccessKey === (env.AWS_SECRET_ACCESS_KEY ?? ''));
  return {
    source: storage.location,
    destination,
    sameAccount: sameKeys && sameEndpoint(destination.endpoint, storage.location.endpoint),
    copy: {
      target,
      sourcePrefix: storage.prefix,
      destinationPrefix,
      snapshot: parseSnapshotSelector('snapshot', orDefault(actionReader, 'snapshot')),
      requireVerified: booleanInput('require-verified'),
      requireVersioning: booleanInput('require-versioning'),
      retention: readRetention(actionReader),
    },
  };
}

function sameEndpoint(a: string, b: string): boolean {
  if (a === '' || b === '') return a === b;
  try {
    const x = new URL(a);
    const y = new URL(b);
    return (
      x.protocol === y.protocol && x.host.toLowerCase() === y.host.toLowerCase() && x.pathname === y.pathname
    );
  } catch {
    return a === b;
  }
}
