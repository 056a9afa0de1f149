import { braceExpand, Minimatch, type MinimatchOptions } from 'minimatch';
import { ConfigurationError } from './errors.js';
import { words } from './vocabulary.js';

/**
 * The globs a person gives (restore --include/--exclude, required-paths, sqlite, find's PATTERN),
 * checked once when they are read and compiled once when they are matched.
 *
 * Invariants: a glob whose {a,b} braces expand to more than MAX_GLOB_ALTERNATIVES patterns is one
 * ConfigurationError when it is read, before anything is downloaded (minimatch would expand it to
 * up to 100,000 patterns, silently drop the rest, and spend seconds of CPU a member, deaf to
 * signals); every glob is compiled once per process, never once per member.
 */

export const MAX_GLOB_ALTERNATIVES = 256;

/** `pattern`, or one ConfigurationError naming the option when its braces expand too far. */
export function checkGlob(option: string, pattern: string): string {
  const alternatives = braceExpand(pattern, { braceExpandMax: MAX_GLOB_ALTERNATIVES + 1 }).length;
  if (alternatives > MAX_GLOB_ALTERNATIVES) {
    throw new ConfigurationError(
      `${words().subject(option)} ${JSON.stringify(pattern.slice(0, 80))} expands to more than ` +
        `${MAX_GLOB_ALTERNATIVES} patterns ({a,b} braces); the limit is ${MAX_GLOB_ALTERNATIVES}. ` +
        `Give fewer alternatives, or use wildcards (*, **).`,
    );
  }
  return pattern;
}

const compiled = new Map<string, Minimatch>();
/** Few globs reach one process; a bound keeps a long-lived caller's map small anyway. */
const MAX_COMPILED = 1024;

/** Whether `path` matches `pattern` (minimatch), the pattern compiled once. */
export function globMatch(path: string, pattern: string, options: MinimatchOptions = {}): boolean {
  const key = `${JSON.stringify(options)}\0${pattern}`;
  let m = compiled.get(key);
  if (!m) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    checkGlob('pattern', pattern);
    m = new Minimatch(pattern, options);
    compiled.set(key, m);
  }
  return m.match(path);
}
