import * as core from '@actions/core';
import { ConfigurationError } from '../../util/errors.js';
import type { Logger } from '../../util/logger.js';
import { parseBoolean, splitLines, type OptionReader } from '../../options/option-reader.js';

/** Reads an input; surrounding whitespace is trimmed, an empty value is ''. */
export function input(name: string): string {
  return core.getInput(name).trim();
}

export function requiredInput(name: string, what: string): string {
  const value = input(name);
  if (value === '') throw new ConfigurationError(`Input '${name}' is required: ${what}.`);
  return value;
}

/** One value per line; blank lines and lines starting with # are ignored. */
export function multilineInput(name: string): string[] {
  return splitLines(core.getInput(name));
}

export function booleanInput(name: string): boolean {
  return parseBoolean(name, core.getInput(name));
}

/** Action inputs as an OptionReader (the runner has applied action.yml's defaults). */
export const actionReader: OptionReader = { text: input, lines: multilineInput, flag: booleanInput };

export type OutputValue = string | number | boolean;

/** Sets every output, always as a string, so that no path leaves one empty by accident. */
export function setOutputs<K extends string>(
  names: readonly K[],
  values: Partial<Record<K, OutputValue>>,
): void {
  for (const name of names) {
    const v = values[name];
    core.setOutput(name, v === undefined ? '' : String(v));
  }
}

/** Masks the secrets lifeboat may hold so that no log line, summary or output can show them. */
export function maskKnownSecrets(extra: string[] = []): void {
  const names = [
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_ACCESS_KEY_ID',
    'FLY_API_TOKEN',
    'FLY_ACCESS_TOKEN',
    'GITHUB_TOKEN',
    'LIFEBOAT_DECRYPTION_IDENTITY',
    'LIFEBOAT_SSH_KEY',
  ];
  for (const n of names) {
    const v = process.env[n];
    if (v) core.setSecret(v);
  }
  for (const v of extra) if (v) core.setSecret(v);
}

export const actionsLogger: Logger = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  group: (title, fn) => core.group(title, fn),
};
