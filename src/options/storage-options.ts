import type { S3Location } from '../storage/s3-client.js';
import { validateBucket, validateEndpoint, validatePrefix, validateRegion } from '../validate.js';
import type { OptionReader } from './option-reader.js';

/** bucket, prefix, endpoint, region, force-path-style: the storage options every command shares. */
export function readStorage(r: OptionReader): { location: S3Location; prefix: string } {
  return {
    location: {
      bucket: validateBucket('bucket', r.text('bucket')),
      endpoint: validateEndpoint('endpoint', r.text('endpoint')),
      region: validateRegion('region', r.text('region') || 'us-east-1'),
      forcePathStyle: r.flag('force-path-style'),
    },
    prefix: validatePrefix('prefix', r.text('prefix')),
  };
}
