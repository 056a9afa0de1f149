import { PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { S3ObjectStore } from '../../src/storage/object-store.js';
import { createBucket, location, testClient } from '../helpers/s3.js';
import { objectStoreContract } from '../ports/store-contract.js';

// the contract the memory store of the unit tests keeps (test/unit/memory-store.test.ts), here
// against S3ObjectStore on the test Ceph RGW: where they disagree, the fake is wrong
objectStoreContract('S3ObjectStore on Ceph RGW', async (versioning) => {
  const bucket = await createBucket({ versioned: versioning === 'Enabled' });
  return {
    store: new S3ObjectStore(location(bucket)),
    setVersioning: async (status) => {
      await testClient().send(
        new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: status } }),
      );
    },
  };
});
