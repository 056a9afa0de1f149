import { MemberSelection } from '../restore/member-selection.js';
import { ConfigurationError } from '../util/errors.js';
import { checkGlob } from '../util/glob.js';
import { checkLength, checkNoControlCharacters } from '../util/validate.js';
import type { OptionReader } from './option-reader.js';

/**
 * restore --include / --exclude (repeatable globs on the path inside the volume): the members a
 * restore writes (restore/member-selection.ts). Undefined when neither is given: the whole snapshot.
 */
export function readMemberSelection(r: OptionReader): MemberSelection | undefined {
  const include = patterns(r, 'include');
  const exclude = patterns(r, 'exclude');
  if (include.length === 0 && exclude.length === 0) return undefined;
  return new MemberSelection(include, exclude);
}

function patterns(r: OptionReader, name: string): string[] {
  return r.lines(name).map((g) => {
    checkGlob(name, checkNoControlCharacters(name, checkLength(name, g, 1024)));
    const bare = g.replace(/^(\.?\/)+/, '');
    if (bare === '' || bare === '.') {
      throw new ConfigurationError(
        `--${name} ${JSON.stringify(g)} names the whole volume: leave --${name} out to restore everything.`,
      );
    }
    return g;
  });
}
