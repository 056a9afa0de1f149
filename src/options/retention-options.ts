import type { RetentionPolicy } from '../catalog/retention.js';
import { parseNonNegativeInteger } from '../util/validate.js';
import { orDefault } from './defaults.js';
import type { OptionReader } from './option-reader.js';

/** keep-last, keep-daily, keep-weekly, keep-monthly: the retention after a backup or a copy, and of prune. */
export function readRetention(r: OptionReader): RetentionPolicy {
  return {
    last: parseNonNegativeInteger('keep-last', orDefault(r, 'keep-last')),
    daily: parseNonNegativeInteger('keep-daily', orDefault(r, 'keep-daily')),
    weekly: parseNonNegativeInteger('keep-weekly', orDefault(r, 'keep-weekly')),
    monthly: parseNonNegativeInteger('keep-monthly', orDefault(r, 'keep-monthly')),
  };
}
