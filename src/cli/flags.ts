import { parseArgs } from 'node:util';
import { ConfigurationError } from '../util/errors.js';
import { closestFlag } from './closest-flag.js';
import { parseBoolean, splitLines, type OptionReader } from '../options/option-reader.js';

export type FlagKind = 'text' | 'list' | 'flag';

export interface FlagSpec {
  name: string;
  kind: FlagKind;
  help: string;
  /** The same default as the action input of that name (src/options/defaults.ts). */
  default?: string;
  /**
   * false: only the command line gives it, never a LIFEBOAT_* variable. For choices made once at a
   * terminal that share a name with a setting cron keeps in its environment (restore's --exclude is
   * not the backup's LIFEBOAT_EXCLUDE).
   */
  fromEnv?: boolean;
}

/** LIFEBOAT_KEEP_DAILY for --keep-daily: every flag can come from the environment (cron). */
export function envName(flag: string): string {
  return `LIFEBOAT_${flag.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * Parses argv against the command's flags (node:util parseArgs, strict) and returns an
 * OptionReader with the precedence flag > LIFEBOAT_* environment variable > default.
 */
export function readFlags(
  argv: string[],
  specs: readonly FlagSpec[],
  env: NodeJS.ProcessEnv = process.env,
): { reader: OptionReader; positionals: string[]; given: Set<string> } {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const s of specs) {
    if (s.kind === 'flag') {
      options[s.name] = { type: 'boolean' };
      options[`no-${s.name}`] = { type: 'boolean' };
    } else {
      options[s.name] = { type: 'string', ...(s.kind === 'list' ? { multiple: true } : {}) };
    }
  }
  // an unknown flag is named with the closest known one (parseArgs would only say it is unknown)
  for (const arg of argv) {
    if (arg === '--') break;
    if (!arg.startsWith('--')) continue;
    const typed = arg.slice(2).split('=')[0]!;
    if (typed in options) continue;
    const guess = closestFlag(typed, Object.keys(options));
    throw new ConfigurationError(
      `unknown option --${typed}${guess ? ` (did you mean --${guess}?)` : ''}. See --help.`,
    );
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw new ConfigurationError(`${(err as Error).message}. See --help.`);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const byName = new Map(specs.map((s) => [s.name, s]));
  const given = new Set(Object.keys(values).map((k) => k.replace(/^no-/, '')));
  const raw = (name: string): string | string[] | boolean | undefined => {
    const spec = byName.get(name);
    // an option this command does not offer reads as not given (the shared readers ask for all)
    if (!spec) return undefined;
    if (values[name] !== undefined) return values[name];
    if (values[`no-${name}`]) return false;
    const fromEnv = spec.fromEnv === false ? undefined : env[envName(name)];
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    return spec.default;
  };
  const reader: OptionReader = {
    text: (name) => {
      const v = raw(name);
      return Array.isArray(v) ? (v[v.length - 1] ?? '').trim() : typeof v === 'string' ? v.trim() : '';
    },
    lines: (name) => {
      const v = raw(name);
      if (Array.isArray(v)) return v.flatMap(splitLines);
      return typeof v === 'string' ? splitLines(v) : [];
    },
    flag: (name) => {
      const v = raw(name);
      if (typeof v === 'boolean') return v;
      return parseBoolean(name, typeof v === 'string' ? v : 'false');
    },
  };
  return { reader, positionals: parsed.positionals, given };
}

export function helpText(
  command: string,
  summary: string,
  specs: readonly FlagSpec[],
  usage: string,
): string {
  const rows = specs.map((s) => {
    const left = `--${s.name}${s.kind === 'flag' ? '' : s.kind === 'list' ? ' <value> (repeatable)' : ' <value>'}`;
    const shown = s.kind === 'list' ? splitLines(s.default ?? '').join(', ') : (s.default ?? '');
    const def = shown !== '' ? ` [default: ${shown}]` : '';
    return `  ${left.padEnd(38)} ${s.help}${def}`;
  });
  return [
    `lifeboat ${command}: ${summary}`,
    '',
    `usage: ${usage}`,
    '',
    'options (each can also be set as the environment variable LIFEBOAT_<NAME>, e.g. LIFEBOAT_BUCKET):',
    ...rows,
    '',
  ].join('\n');
}
