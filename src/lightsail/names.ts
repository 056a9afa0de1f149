import { ConfigurationError } from '../util/errors.js';
import { checkLength, checkNoControlCharacters, describeValue, validateLabel } from '../util/validate.js';
import { words } from '../util/vocabulary.js';

/** Lightsail resource names: letters, digits, "_" and "-", starting and ending with a letter or digit. */
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/;

export function validateLightsailName(input: string, value: string, what: string): string {
  checkNoControlCharacters(input, value);
  checkLength(input, value, 255);
  if (!NAME.test(value)) {
    throw new ConfigurationError(
      `${words().subject(input)} has ${describeValue(value)}: a Lightsail ${what} name has letters, digits, "_" and "-", ` +
        `and starts and ends with a letter or digit (as shown by \`aws lightsail get-${what === 'instance' ? 'instances' : 'disks'}\`).`,
    );
  }
  return value;
}

/** The label becomes part of a snapshot name: the label rule of validate.ts, without "." (Lightsail refuses it). */
export function validateSnapshotLabel(input: string, value: string): string {
  validateLabel(input, value);
  if (value.includes('.')) {
    throw new ConfigurationError(
      `${words().subject(input)} is ${describeValue(value)}: a label becomes part of a Lightsail snapshot name, which cannot contain "."; ` +
        `use "-" instead (for example "pre-deploy").`,
    );
  }
  return value;
}
