import { ConfigurationError } from '../util/errors.js';
import { words } from '../util/vocabulary.js';

/**
 * Where option values come from: action inputs (the runner applies action.yml defaults) or CLI
 * flags (the CLI applies the same defaults). The readers of src/options turn them into the
 * engine's typed options, so the actions and the CLI share one set of rules and messages.
 */
export interface OptionReader {
  /** The value, trimmed; '' when not given. */
  text(name: string): string;
  /** One value per line (or per repeated flag); blank lines and # comments dropped. */
  lines(name: string): string[];
  flag(name: string): boolean;
}

export function splitLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export function parseBoolean(name: string, raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (value === '')
    throw new ConfigurationError(`${words().subject(name)} is empty: set it to true or false.`);
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new ConfigurationError(
    `${words().subject(name)} is "${value.slice(0, 40)}": set it to true or false.`,
  );
}

/** The error for a required option that is empty: `what` says what to give. */
export function missing(name: string, what: string): ConfigurationError {
  return new ConfigurationError(`${words().subject(name)} is required: ${what}.`);
}

export function required(r: OptionReader, name: string, what: string): string {
  const value = r.text(name);
  if (value === '') throw missing(name, what);
  return value;
}
