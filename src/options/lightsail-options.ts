import { ConfigurationError } from '../util/errors.js';
import type { CreateSnapshotOptions } from '../lightsail/check.js';
import type { CheckPolicy, ResourceRef } from '../lightsail/judge.js';
import { validateLightsailName, validateSnapshotLabel } from '../lightsail/names.js';
import { parseDuration, parseNonNegativeInteger, validateRegion } from '../util/validate.js';
import { readAgeLimits } from './age-limits.js';
import { AWS_DEFAULT_REGION, LIGHTSAIL_DEFAULTS, orDefault } from './defaults.js';
import type { OptionReader } from './option-reader.js';
import { words } from '../util/vocabulary.js';

/** Default poll interval while waiting for a new snapshot (Lightsail or Fly); LIFEBOAT_POLL_INTERVAL_MS overrides it (tests). */
const POLL_INTERVAL_MS = 15_000;

export interface SnapshotCheckInputs {
  region: string;
  resources: ResourceRef[];
  policy: CheckPolicy;
  create?: CreateSnapshotOptions;
}

export function pollIntervalMs(): number {
  const raw = process.env.LIFEBOAT_POLL_INTERVAL_MS;
  if (!raw) return POLL_INTERVAL_MS;
  return Math.max(1, parseNonNegativeInteger('LIFEBOAT_POLL_INTERVAL_MS', raw));
}

/** Reads and checks every input before any call to AWS; the first problem is the one error. */
export function readLightsail(r: OptionReader): SnapshotCheckInputs {
  const region = validateRegion(
    'region',
    r.text('region') ||
      process.env.AWS_REGION?.trim() ||
      process.env.AWS_DEFAULT_REGION?.trim() ||
      AWS_DEFAULT_REGION,
  );
  const resources: ResourceRef[] = [
    ...r.lines('instance').map((n) => ({
      kind: 'instance' as const,
      name: validateLightsailName('instance', n, 'instance'),
    })),
    ...r.lines('disk').map((n) => ({
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
      throw new ConfigurationError(
        `${words().subject(r.kind)} lists "${r.name}" twice: list each ${r.kind} once.`,
      );
    }
    seen.add(key);
  }

  const { warnAgeSeconds, maxAgeSeconds } = readAgeLimits(r, {
    warnAge: LIGHTSAIL_DEFAULTS['warn-age'],
    maxAge: LIGHTSAIL_DEFAULTS['max-age'],
  });
  const policy: CheckPolicy = {
    warnAgeSeconds,
    maxAgeSeconds,
    minCount: parseNonNegativeInteger('min-count', orDefault(r, 'min-count', LIGHTSAIL_DEFAULTS)),
    requireAutoSnapshot: r.flag('require-auto-snapshot'),
    region,
  };

  const createSnapshot = r.flag('create-snapshot');
  const label = r.text('label');
  const wait = r.flag('wait');
  const waitTimeoutSeconds = parseDuration('wait-timeout', orDefault(r, 'wait-timeout', LIGHTSAIL_DEFAULTS));
  if (!createSnapshot && (label !== '' || wait)) {
    throw new ConfigurationError(
      `${words().subject(label !== '' ? 'label' : 'wait')} only applies to a new snapshot: ${words().set('create-snapshot', true)}, or remove it.`,
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
