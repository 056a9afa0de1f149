import { readStorage } from '../../options/storage-options.js';
import type { S3Location } from '../../storage/s3-client.js';
import { actionReader } from './action-io.js';

/** The storage inputs every action shares: bucket, prefix, endpoint, region, force-path-style. */
export function getStorageInputs(): { location: S3Location; prefix: string } {
  return readStorage(actionReader);
}
