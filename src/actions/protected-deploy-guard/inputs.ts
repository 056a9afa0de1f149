import { ConfigurationError } from '../../errors.js';
import { DEFAULT_PATHS } from '../../guard/discover.js';
import type { S3Location } from '../../storage/s3-client.js';
import {
  describeValue,
  parseDuration,
  parseNonNegativeInteger,
  validateBucket,
  validateEndpoint,
  validatePrefix,
  validateRegion,
  validateTarget,
} from '../../validate.js';
import { input, multilineInput } from '../common/action-io.js';

export const OUTPUTS = ['violations', 'overridden', 'report-path'] as const;

export interface GuardInputs {
  paths: string[];
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
function listInput(name: string): string[] {
  return multilineInput(name)
    .flatMap((l) => l.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Reads and checks every input before anything runs; the first problem is the one error. */
export function getInputs(): GuardInputs {
  const paths = multilineInput('paths');
  const protectedStages = listInput('protected-stages');
  if (protectedStages.length === 0) {
    throw new ConfigurationError(
      "Input 'protected-stages' is empty: name the stages whose data must be protected (for example production).",
    );
  }
  const minSnapshotRetention = parseNonNegativeInteger(
    'min-snapshot-retention',
    input('min-snapshot-retention') || '7',
  );
  if (minSnapshotRetention < 1 || minSnapshotRetention > 60) {
    throw new ConfigurationError(
      `Input 'min-snapshot-retention' is ${describeValue(String(minSnapshotRetention))}: Fly keeps volume snapshots 1 to 60 days; give a number in that range.`,
    );
  }
  const bucket = input('backup-bucket');
  let freshness: GuardInputs['freshness'];
  if (bucket) {
    const targets = listInput('backup-targets').map((t) => validateTarget('backup-targets', t));
    if (targets.length === 0) {
      throw new ConfigurationError(
        "Input 'backup-targets' is empty while 'backup-bucket' is set: name the backup targets (one per line) whose freshness to check.",
      );
    }
    const endpoint = validateEndpoint('backup-endpoint', input('backup-endpoint'));
    freshness = {
      location: {
        bucket: validateBucket('backup-bucket', bucket),
        endpoint,
        region: validateRegion('backup-region', input('backup-region') || 'us-east-1'),
        // R2, Spaces, B2, MinIO and Ceph all accept path-style addressing on a custom endpoint
        forcePathStyle: endpoint !== '',
      },
      prefix: validatePrefix('backup-prefix', input('backup-prefix')),
      targets,
      maxAgeSeconds: parseDuration('backup-max-age', input('backup-max-age') || '26h'),
    };
  }
  return {
    paths: paths.length ? paths : DEFAULT_PATHS,
    statefulTypes: listInput('stateful-types'),
    ignoreTypes: listInput('ignore-types'),
    protectedStages,
    minSnapshotRetention,
    previews: multilineInput('preview'),
    allowLabel: input('allow-label'),
    githubToken: input('github-token'),
    ...(freshness ? { freshness } : {}),
  };
}
