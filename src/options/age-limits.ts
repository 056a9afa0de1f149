import { formatDuration } from '../util/format.js';
import { ConfigurationError } from '../util/errors.js';
import { parseDuration } from '../util/validate.js';
import type { OptionReader } from './option-reader.js';
import { words } from '../util/vocabulary.js';

/**
 * The two age limits of a snapshot check (warn-age, max-age), read the same way by the Lightsail
 * and the Fly check: each falls back to its default when empty; warn-age is never the later
 * limit and max-age is never 0.
 */
export function readAgeLimits(
  r: OptionReader,
  defaults: { warnAge: string; maxAge: string },
): { warnAgeSeconds: number; maxAgeSeconds: number } {
  const warnAgeSeconds = parseDuration('warn-age', r.text('warn-age') || defaults.warnAge);
  const maxAgeSeconds = parseDuration('max-age', r.text('max-age') || defaults.maxAge);
  if (warnAgeSeconds > maxAgeSeconds) {
    throw new ConfigurationError(
      `${words().subject('warn-age')} (${formatDuration(warnAgeSeconds)}) is longer than ${words().name('max-age')} (${formatDuration(maxAgeSeconds)}): ` +
        `warn-age is the earlier limit; make it shorter than max-age (defaults: ${defaults.warnAge} and ${defaults.maxAge}).`,
    );
  }
  if (maxAgeSeconds <= 0) {
    throw new ConfigurationError(
      `${words().subject('max-age')} is 0: give the age after which a snapshot is too old, such as ${defaults.maxAge}.`,
    );
  }
  return { warnAgeSeconds, maxAgeSeconds };
}
