import type { RemoteRestore } from './verify-options.js';
import type { ArchiveSource } from '../sources/archive-source.js';
import { FlySource } from '../sources/fly-source.js';
import { SshSource } from '../sources/ssh-source.js';
import type { S3Location } from '../storage/s3-client.js';

/** The machine a restore goes to, and the CLI flags that name it (for the swap instructions). */
export function remoteRestoreSource(rr: RemoteRestore): { source: ArchiveSource; cliFlags: string } {
  if ('fly' in rr) return { source: new FlySource(rr.fly), cliFlags: `--app ${rr.fly.app}` };
  const o = rr.ssh;
  return {
    source: new SshSource(o),
    cliFlags: `--host ${o.host} --port ${o.port} --user ${o.user} --ssh-key-file <key> --known-hosts-file <known_hosts>${o.sudo ? ' --sudo' : ''}`,
  };
}

/** The CLI flags that name a bucket location and prefix. */
export function storageCliFlags(location: S3Location, prefix: string): string {
  return [
    `--bucket ${location.bucket}`,
    `--prefix ${prefix || '""'}`,
    location.endpoint ? `--endpoint ${location.endpoint}` : '',
    location.region !== 'us-east-1' ? `--region ${location.region}` : '',
    location.forcePathStyle ? '--force-path-style' : '',
  ]
    .filter(Boolean)
    .join(' ');
}
