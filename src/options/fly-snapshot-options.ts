import { ConfigurationError } from '../util/errors.js';
import type { CreateFlySnapshotOptions } from '../flysnap/check.js';
import { FLY_MAX_SNAPSHOT_RETENTION, type FlyCheckPolicy } from '../flysnap/judge.js';
import { validateVolumeId } from '../flysnap/names.js';
import {
  parseDuration,
  parseNonNegativeInteger,
  validateAppName,
  validateCommandPath,
} from '../util/validate.js';
import { readAgeLimits } from './age-limits.js';
import { FLY_SNAPSHOT_DEFAULTS, orDefault } from './defaults.js';
import { pollIntervalMs } from './lightsail-options.js';
import { required, type OptionReader } from './option-reader.js';
import { words } from '../util/vocabulary.js';

export interface FlySnapshotCheckInputs {
  app: string;
  /** Volume ids to check; empty: every volume of the app. */
  volumes: string[];
  flyctl: string;
  policy: FlyCheckPolicy;
  create?: CreateFlySnapshotOptions;
}

/**
 * Reads and checks every input of fly-snapshot-check (and `lifeboat check-fly-snapshots`) before
 * flyctl runs; the first problem is the one error. Defaults: a daily snapshot is late after 26 h
 * and missing after 50 h (two days, plus slack), and 7 are kept (protected-deploy-guard's
 * min-snapshot-retention).
 */
export function readFlySnapshotCheck(r: OptionReader): FlySnapshotCheckInputs {
  const app = validateAppName('app', required(r, 'app', 'the name of the Fly app whose volumes to check'));
  const volumes = r.lines('volume').map((v) => validateVolumeId('volume', v));
  const twice = volumes.find((v, i) => volumes.indexOf(v) !== i);
  if (twice)
    throw new ConfigurationError(`${words().subject('volume')} lists ${twice} twice: list each volume once.`);

  const { warnAgeSeconds, maxAgeSeconds } = readAgeLimits(r, {
    warnAge: FLY_SNAPSHOT_DEFAULTS['warn-age'],
    maxAge: FLY_SNAPSHOT_DEFAULTS['max-age'],
  });
  const minCount = parseNonNegativeInteger('min-count', orDefault(r, 'min-count', FLY_SNAPSHOT_DEFAULTS));
  if (minCount > FLY_MAX_SNAPSHOT_RETENTION) {
    throw new ConfigurationError(
      `${words().subject('min-count')} is ${minCount}: Fly keeps a daily snapshot at most ${FLY_MAX_SNAPSHOT_RETENTION} days, so at most about ${FLY_MAX_SNAPSHOT_RETENTION} exist; give ${FLY_MAX_SNAPSHOT_RETENTION} or less.`,
    );
  }

  const createSnapshot = r.flag('create-snapshot');
  const wait = r.flag('wait');
  const waitTimeoutSeconds = parseDuration('wait-timeout', r.text('wait-timeout') || '15m');
  if (!createSnapshot && wait) {
    throw new ConfigurationError(
      `${words().subject('wait')} only applies to a new snapshot: ${words().set('create-snapshot', true)}, or remove it.`,
    );
  }
  return {
    app,
    volumes,
    flyctl: validateCommandPath('flyctl', r.text('flyctl') || 'flyctl'),
    policy: { warnAgeSeconds, maxAgeSeconds, minCount, app },
    ...(createSnapshot ? { create: { wait, waitTimeoutSeconds, pollIntervalMs: pollIntervalMs() } } : {}),
  };
}
