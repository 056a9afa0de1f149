import { readPrefix } from './storage-options.js';
import type { GuardOptions } from '../guard/guard.js';
import { StatefulTypes } from '../guard/stateful.js';
import { S3ObjectStore } from '../storage/object-store.js';
import { ConfigurationError } from '../util/errors.js';
import type { SkipRule } from '../guard/discover.js';
import type { S3Location } from '../storage/s3-client.js';
import {
  describeValue,
  parseDuration,
  parseNonNegativeInteger,
  validateBucket,
  validateEndpoint,
  validateRegion,
  validateTarget,
} from '../util/validate.js';
import { DEFAULTS, orDefault } from './defaults.js';
import { splitLines, type OptionReader } from './option-reader.js';
import { words } from '../util/vocabulary.js';

export interface GuardInputs {
  paths: string[];
  skip: SkipRule[];
  unsupported: 'fail' | 'warn';
  statefulTypes: string[];
  ignoreTypes: string[];
  protectedStages: string[];
  minSnapshotRetention: number;
  previews: string[];
  allowLabel: string;
  githubToken: string;
  freshness?: { location: S3Location; prefix: string; targets: string[]; maxAgeSeconds: number };
}

/** One value per line or comma-separated. */
function listInput(r: OptionReader, name: string): string[] {
  return r
    .lines(name)
    .flatMap((l) => l.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** `skip` lines: `GLOB: reason`; a line without a reason is refused (a skip must say why). */
function skipInput(r: OptionReader): SkipRule[] {
  return r.lines('skip').map((line) => {
    const at = line.indexOf(': ');
    const glob = at > 0 ? line.slice(0, at).trim() : '';
    const reason = at > 0 ? line.slice(at + 2).trim() : '';
    if (!glob || !reason) {
      throw new ConfigurationError(
        `${words().subject('skip')} has the line ${describeValue(line)} without a reason: write one \`GLOB: why it needs no check\` per line (for example \`legacy/**: checked by its pulumi preview\`).`,
      );
    }
    return { glob, reason };
  });
}

/** Reads and checks every input before anything runs; the first problem is the one error. */
export function readGuard(r: OptionReader): GuardInputs {
  const paths = r.lines('paths');
  const skip = skipInput(r);
  const unsupported = r.text('unsupported') || 'fail';
  if (unsupported !== 'fail' && unsupported !== 'warn') {
    throw new ConfigurationError(
      `${words().subject('unsupported')} is ${describeValue(unsupported)}: set it to fail (an input the guard cannot read blocks) or warn (it is reported as a warning).`,
    );
  }
  const protectedStages = listInput(r, 'protected-stages');
  if (protectedStages.length === 0) {
    throw new ConfigurationError(
      `${words().subject('protected-stages')} is empty: name the stages whose data must be protected (for example production).`,
    );
  }
  const minSnapshotRetention = parseNonNegativeInteger(
    'min-snapshot-retention',
    orDefault(r, 'min-snapshot-retention'),
  );
  if (minSnapshotRetention < 1 || minSnapshotRetention > 60) {
    throw new ConfigurationError(
      `${words().subject('min-snapshot-retention')} is ${describeValue(String(minSnapshotRetention))}: Fly keeps volume snapshots 1 to 60 days; give a number in that range.`,
    );
  }
  // the freshness gate's settings are checked whether or not backup-bucket is set
  const endpoint = validateEndpoint('backup-endpoint', r.text('backup-endpoint'));
  const region = validateRegion('backup-region', orDefault(r, 'backup-region'));
  const prefix = readPrefix('backup-prefix', r.text('backup-prefix'));
  const maxAgeSeconds = parseDuration('backup-max-age', orDefault(r, 'backup-max-age'));
  const targets = listInput(r, 'backup-targets').map((t) => validateTarget('backup-targets', t));
  const bucket = r.text('backup-bucket');
  let freshness: GuardInputs['freshness'];
  if (bucket) {
    if (targets.length === 0) {
      throw new ConfigurationError(
        `${words().subject('backup-targets')} is empty while ${words().name('backup-bucket')} is set: name the backup targets (one per line) whose freshness to check.`,
      );
    }
    freshness = {
      location: {
        bucket: validateBucket('backup-bucket', bucket),
        endpoint,
        region,
        // R2, Spaces, B2, MinIO and Ceph all accept path-style addressing on a custom endpoint
        forcePathStyle: endpoint !== '',
      },
      prefix,
      targets,
      maxAgeSeconds,
    };
  }
  return {
    paths: paths.length ? paths : splitLines(DEFAULTS.paths),
    skip,
    unsupported,
    statefulTypes: listInput(r, 'stateful-types'),
    ignoreTypes: listInput(r, 'ignore-types'),
    protectedStages,
    minSnapshotRetention,
    previews: r.lines('preview'),
    allowLabel: r.text('allow-label'),
    githubToken: r.text('github-token'),
    ...(freshness ? { freshness } : {}),
  };
}

/** The engine's options for a checked set of inputs: the files of `workspace`, the bucket of the freshness gate. */
export function guardOptions(inputs: GuardInputs, workspace: string, now: Date): GuardOptions {
  return {
    workspace,
    paths: inputs.paths,
    skip: inputs.skip,
    unsupported: inputs.unsupported,
    stateful: new StatefulTypes(inputs.statefulTypes, inputs.ignoreTypes),
    protectedStages: inputs.protectedStages,
    minSnapshotRetention: inputs.minSnapshotRetention,
    previews: inputs.previews,
    ...(inputs.freshness
      ? {
          freshness: {
            store: new S3ObjectStore(inputs.freshness.location),
            prefix: inputs.freshness.prefix,
            targets: inputs.freshness.targets,
            maxAgeSeconds: inputs.freshness.maxAgeSeconds,
          },
        }
      : {}),
    now,
  };
}
