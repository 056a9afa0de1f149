import type { S3Location } from '../../storage/s3-client.js';
import { validateBucket, validateEndpoint, validatePrefix, validateRegion } from '../../validate.js';
import { booleanInput, input } from './action-io.js';

/** The storage inputs every action shares: bucket, prefix, endpoint, region, force-path-style. */
export function getStorageInputs(): { location: S3Location; prefix: string } {
  return {
    location: {
      bucket: validateBucket('bucket', input('bucket')),
      endpoint: validateEndpoint('endpoint', input('endpoint')),
      region: validateRegion('region', input('region') || 'us-east-1'),
      forcePathStyle: booleanInput('force-path-style'),
    },
    prefix: validatePrefix('prefix', input('prefix')),
  };
}
