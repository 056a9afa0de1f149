import { ConfigurationError } from '../util/errors.js';
import { checkLength, checkNoControlCharacters, describeValue } from '../util/validate.js';
import { words } from '../util/vocabulary.js';

/** A Fly volume id: "vol_" and lowercase letters and digits (vol_9vw681egy1jj5xm4). */
const VOLUME_ID = /^vol_[a-z0-9]+$/;

export function validateVolumeId(input: string, value: string): string {
  checkNoControlCharacters(input, value);
  checkLength(input, value, 64);
  if (!VOLUME_ID.test(value)) {
    throw new ConfigurationError(
      `${words().subject(input)} has ${describeValue(value)}: a Fly volume id is "vol_" followed by lowercase letters and digits, ` +
        'as `fly volumes list -a <app>` shows it (the ID column, not the NAME).',
    );
  }
  return value;
}
