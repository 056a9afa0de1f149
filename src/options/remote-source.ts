import type { RemoteRestore } from './verify-options.js';
import type { ArchiveSource } from '../sources/archive-source.js';
import { FlySource } from '../sources/fly-source.js';
import { SshSource } from '../sources/ssh-source.js';
import type { S3Location } from '../storage/s3-client.js';
import { shellArg } from '../util/shell.js';
import { DEFAULTS } from './defaults.js';

/**
 * A flag of the lifeboat CLI and its value (true: a boolean flag that is on). The name is the
 * option's name, which is the CLI's flag name (src/cli/specs.ts).
 */
export type CliFlag = readonly [name: string, value: string | true];

/**
 * The text of CLI flags, for the commands lifeboat tells a person to run (verify-restore prints
 * the swap command, and an action cannot import src/cli/). Invariant: the CLI's own parser reads
 * the text back as the same options (test/unit/cli-flag-text.test.ts); values are checked
 * identifiers and URLs; a path with a space or a quote is quoted for sh (shellArg), and '' is written "".
 */
export function formatCliFlags(flags: readonly CliFlag[]): string {
  return flags
    .map(([name, value]) => (value === true ? `--${name}` : `--${name} ${cliValue(value)}`))
    .join(' ');
}

/** A value as a shell word: "" when empty, a <placeholder> as it is, anything else through shellArg. */
function cliValue(value: string): string {
  if (value === '') return '""';
  return /^<[a-z_]+>$/.test(value) ? value : shellArg(value);
}

/** The machine a restore goes to, and the CLI flags that name it (for the swap instructions). */
export function remoteRestoreSource(rr: RemoteRestore): { source: ArchiveSource; cliFlags: string } {
  if ('fly' in rr) return { source: new FlySource(rr.fly), cliFlags: formatCliFlags([['app', rr.fly.app]]) };
  const o = rr.ssh;
  return {
    source: new SshSource(o),
    cliFlags: formatCliFlags([
      ['host', o.host],
      ['port', String(o.port)],
      ['user', o.user],
      // the person's own copies of the key and known_hosts: the action had them as secrets
      ['ssh-key-file', '<key>'],
      ['known-hosts-file', '<known_hosts>'],
      ...(o.sudo ? [['sudo', true] as const] : []),
    ]),
  };
}

/** The CLI flags that name a bucket location and prefix (the prefix always, the rest when not the default). */
export function storageCliFlags(location: S3Location, prefix: string): string {
  return formatCliFlags([
    ['bucket', location.bucket],
    ['prefix', prefix],
    ...(location.endpoint ? [['endpoint', location.endpoint] as const] : []),
    ...(location.region !== DEFAULTS.region ? [['region', location.region] as const] : []),
    ...(location.forcePathStyle ? [['force-path-style', true] as const] : []),
  ]);
}
