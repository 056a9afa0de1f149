import { ConfigurationError } from '../../errors.js';
import type { CreateSnapshotOptions } from '../../lightsail/check.js';
import type { CheckPolicy, ResourceRef } from '../../lightsail/judge.js';
import { validateLightsailName, validateSnapshotLabel } from '../../lightsail/names.js';
import { formatDuration, parseDuration, parseNonNegativeInteger, validateRegion } from '../../validate.js';
import { booleanInput, input, multilineInput } from '../common/action-io.js';

/** Outputs, declared once; every one is set on every path. */
export const OUTPUTS = [
  'status',
  'auto-snapshot-enabled',
  'snapshot-time-of-day',
  'latest-snapshot',
  'latest-age-hours',
  'snapshot-count',
  'created-snapshot',
  'report',
] as const;

export type Output = (typeof OUTPUTS)[number];

/** Default poll interval while waiting for a new snapshot; LIFEBOAT_POLL_INTERVAL_MS overrides it (tests). */
const POLL_INTERVAL_MS = 15_000;

export interface SnapshotCheckInputs {
  region: string;
  resources: ResourceRef[];
  policy: CheckPolicy;
  create?: CreateSnapshotOptions;
}

function pollIntervalMs(): number {
  const raw = process.env.LIFEBOAT_POLL_INTERVAL_MS;
  if (!raw) return POLL_INTERVAL_MS;
  return Math.max(1, parseNonNegativeInteger('LIFEBOAT_POLL_INTERVAL_MS', raw));
}

/** Reads and checks every input before any call to AWS; the first problem is the one error. */
export function getInputs(): SnapshotCheckInputs {
  const region = validateRegion(
    'region',
    input('region') ||
      process.env.AWS_REGION?.trim() ||
      process.env.AWS_DEFAULT_REGION?.trim() ||
      'us-east-1',
  );
  const resources: ResourceRef[] = [
    ...multilineInput('instance').map((n) => ({
      kind: 'instance' as const,
      name: validateLightsailName('instance', n, 'instance'),
    })),
    ...multilineInput('disk').map((n) => ({
      kind: 'disk' as const,
      name: validateLightsailName('disk', n, 'disk'),
    })),
  ];
  if (resources.length === 0) {
    throw new ConfigurationError(
      `Inputs 'instance' and 'disk' are both empty: name at least one Lightsail instance (or block storage disk) to check, one per line.`,
    );
  }
  const seen = new Set<string>();
  for (const r of resources) {
    const key = `${r.kind}/${r.name}`;
    if (seen.has(key)) {
      throw new ConfigurationError(`Input '${r.kind}' lists "${r.name}" twice: list each ${r.kind} once.`);
    }
    seen.add(key);
  }

  const warnAgeSeconds = parseDuration('warn-age', input('warn-age') || '25h');
  const maxAgeSeconds = parseDuration('max-age', input('max-age') || '26h');
  if (warnAgeSeconds > maxAgeSeconds) {
    throw new ConfigurationError(
      `Input 'warn-age' (${formatDuration(warnAgeSeconds)}) is longer than 'max-age' (${formatDuration(maxAgeSeconds)}): ` +
        `warn-age is the earlier limit; make it shorter than max-age (defaults: 25h and 26h).`,
    );
  }
  if (maxAgeSeconds <= 0) {
    throw new ConfigurationError(
      `Input 'max-age' is 0: give the age after which a snapshot is too old, such as 26h.`,
    );
  }
  const policy: CheckPolicy = {
    warnAgeSeconds,
    maxAgeSeconds,
    minCount: parseNonNegativeInteger('min-count', input('min-count') || '7'),
    requireAutoSnapshot: booleanInput('require-auto-snapshot'),
    region,
  };

  const createSnapshot = booleanInput('create-snapshot');
  const label = input('label');
  const wait = booleanInput('wait');
  const waitTimeoutSeconds = parseDuration('wait-timeout', input('wait-timeout') || '15m');
  if (!createSnapshot && (label !== '' || wait)) {
    throw new ConfigurationError(
      `Input '${label !== '' ? 'label' : 'wait'}' only applies to a new snapshot: set create-snapshot: true, or remove it.`,
    );
  }
  const create: CreateSnapshotOptions | undefined = createSnapshot
    ? {
        ...(label ? { label: validateSnapshotLabel('label', label) } : {}),
        wait,
        waitTimeoutSeconds,
        pollIntervalMs: pollIntervalMs(),
      }
    : undefined;

  return { region, resources, policy, ...(create ? { create } : {}) };
}
