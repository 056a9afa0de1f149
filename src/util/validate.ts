import { ConfigurationError } from './errors.js';
import { redactSecrets } from './redact.js';
import { words } from './vocabulary.js';

/**
 * Checks of the values a user gives. Each failure is one ConfigurationError that names the
 * input, shows the value (cut short and with control characters escaped) and says how to fix it.
 * Values that reach a remote shell are additionally passed as octal escapes (see shell.ts), so
 * these rules are the first of two locks, not the only one.
 */

/** The value as a message echoes it: secrets redacted (util/redact.ts), then cut at 60 characters. */
export function describeValue(raw: string): string {
  const value = redactSecrets(raw);
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  return JSON.stringify(shown);
}

function checkPattern(input: string, value: string, pattern: RegExp, rule: string): string {
  if (!pattern.test(value)) {
    throw new ConfigurationError(`${words().subject(input)} is ${describeValue(value)}: ${rule}`);
  }
  return value;
}

export function checkNoControlCharacters(input: string, value: string, allowNewlines = false): string {
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    const isNewline = ch === '\n' || ch === '\r' || ch === '\t';
    if ((code < 0x20 && !(allowNewlines && isNewline)) || code === 0x7f) {
      throw new ConfigurationError(
        `${words().subject(input)} contains a control character (code ${code}): remove it; ` +
          `only printable text is accepted.`,
      );
    }
  }
  return value;
}

export function checkLength(input: string, value: string, max: number): string {
  if (value.length > max) {
    throw new ConfigurationError(
      `${words().subject(input)} is ${value.length} characters long; the limit is ${max}. Shorten it.`,
    );
  }
  return value;
}

export function validateAppName(input: string, value: string): string {
  checkLength(input, value, 63);
  return checkPattern(
    input,
    value,
    /^[a-z0-9][a-z0-9-]*$/,
    'a Fly app name has only lowercase letters, digits and hyphens (as shown by `fly apps list`).',
  );
}

export function validateMachineId(input: string, value: string): string {
  checkLength(input, value, 32);
  return checkPattern(
    input,
    value,
    /^[a-z0-9]+$/,
    'a Fly machine id has only lowercase letters and digits (as shown by `fly machine list`).',
  );
}

export function validateTarget(input: string, value: string): string {
  checkLength(input, value, 100);
  return checkPattern(
    input,
    value,
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'a target names one folder in the bucket: letters, digits, ".", "_" and "-", starting with a letter or digit.',
  );
}

export function validateLabel(input: string, value: string): string {
  checkLength(input, value, 40);
  return checkPattern(
    input,
    value,
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'a label is appended to the snapshot id: letters, digits, ".", "_" and "-", starting with a letter or digit.',
  );
}

export function validatePrefix(input: string, value: string): string {
  if (value === '') return value;
  checkLength(input, value, 200);
  if (value.split('/').some((s) => s === '.' || s === '..')) {
    throw new ConfigurationError(
      `${words().subject(input)} is ${describeValue(value)}: "." and ".." are not folder names; give the folder path itself (for example lifeboat or backups/prod).`,
    );
  }
  return checkPattern(
    input,
    value,
    /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/,
    'a prefix is one or more folder names separated by "/", each of letters, digits, ".", "_" and "-", with no leading or trailing "/".',
  );
}

/**
 * A mount point or directory: any absolute path (names inside a volume may hold anything, and so may
 * the volume's own: "/srv/vol with space", "/srv/données"), without control characters. It reaches
 * a shell only as shWord's octal escapes (util/shell.ts) and a suggested command only through
 * shellArg, so a space, a quote or a $ in it is data.
 */
export function validateRemotePath(input: string, value: string): string {
  checkLength(input, value, 1024);
  if (value === '')
    throw new ConfigurationError(
      `${words().subject(input)} is required: give an absolute path such as /data.`,
    );
  checkNoControlCharacters(input, value);
  checkPattern(input, value, /^\//, 'give an absolute path (starting with /), such as /data.');
  const segments = value.split('/').filter((s) => s !== '');
  if (segments.length === 0) {
    throw new ConfigurationError(
      `${words().subject(input)} is "/": back up the volume's mount point (for example /data), not the whole machine.`,
    );
  }
  if (segments.some((s) => s === '..' || s === '.')) {
    throw new ConfigurationError(
      `${words().subject(input)} is ${describeValue(value)}: "." and ".." segments are not allowed; give the mount point itself.`,
    );
  }
  return value.length > 1 ? value.replace(/\/+$/, '') : value;
}

export function validateExcludePattern(input: string, value: string): string {
  checkLength(input, value, 256);
  checkNoControlCharacters(input, value);
  return checkPattern(
    input,
    value,
    /^[^'"`$\\;|&<>]+$/,
    'an exclude pattern is a tar --exclude glob (for example "cache/*" or "*.tmp"); quotes, $, `, \\, ;, |, &, < and > are not allowed.',
  );
}

export function validateCommandInput(input: string, value: string): string {
  checkLength(input, value, 4096);
  if (value.includes('\0')) {
    throw new ConfigurationError(`${words().subject(input)} contains a NUL byte: remove it.`);
  }
  return value;
}

export function validateBucket(input: string, value: string): string {
  if (value === '') {
    throw new ConfigurationError(
      `${words().subject(input)} is required: give the name of the bucket that holds the backups.`,
    );
  }
  checkLength(input, value, 63);
  return checkPattern(
    input,
    value,
    /^[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]$/,
    'a bucket name has 3-63 letters, digits, ".", "_" or "-", and starts and ends with a letter or digit.',
  );
}

export function validateRegion(input: string, value: string): string {
  checkLength(input, value, 40);
  return checkPattern(
    input,
    value,
    /^[a-z0-9-]+$/,
    'a region looks like "us-east-1" (or "auto" for Cloudflare R2).',
  );
}

export function validateEndpoint(input: string, value: string): string {
  if (value === '') return value;
  checkLength(input, value, 512);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(
      `${words().subject(input)} is ${describeValue(value)}, which is not a URL: give the S3 endpoint such as https://<account>.r2.cloudflarestorage.com.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError(
      `${words().subject(input)} must be an http:// or https:// URL, not ${url.protocol}.`,
    );
  }
  if (url.username || url.password) {
    throw new ConfigurationError(
      `${words().subject(input)} contains credentials: remove them and pass keys through AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`,
    );
  }
  return value.replace(/\/+$/, '');
}

export function validateCommandPath(input: string, value: string): string {
  checkLength(input, value, 512);
  return checkPattern(
    input,
    value,
    /^[A-Za-z0-9._/+-]+$/,
    'give a command name found on PATH (such as "flyctl") or an absolute path to it.',
  );
}

export function parseNonNegativeInteger(input: string, value: string): number {
  if (!/^\d{1,9}$/.test(value.trim())) {
    throw new ConfigurationError(
      `${words().subject(input)} is ${describeValue(value)}: give a whole number, 0 or more.`,
    );
  }
  return Number(value.trim());
}

export function parseRatio(input: string, value: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new ConfigurationError(
      `${words().subject(input)} is ${describeValue(value)}: give a number from 0 to 1 (for example 0.5; 0 turns the check off).`,
    );
  }
  return n;
}

export function parseChoice<T extends string>(input: string, value: string, choices: readonly T[]): T {
  const v = value.trim();
  if (!(choices as readonly string[]).includes(v)) {
    throw new ConfigurationError(
      `${words().subject(input)} is ${describeValue(value)}: choose one of ${choices.map((c) => `"${c}"`).join(', ')}.`,
    );
  }
  return v as T;
}

/** Durations like 90s, 30m, 26h, 7d, 2w (and combinations such as 1d12h). */
export function parseDuration(input: string, value: string): number {
  const v = value.trim();
  const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  const parts = v.match(/^(\d+(?:\.\d+)?[smhdw])+$/) ? v.match(/\d+(?:\.\d+)?[smhdw]/g) : null;
  if (!parts) {
    throw new ConfigurationError(
      `${words().subject(input)} is ${describeValue(value)}: give a duration such as 90m, 26h, 7d or 1d12h (units s, m, h, d, w).`,
    );
  }
  let seconds = 0;
  for (const part of parts) {
    const unit = part.slice(-1);
    seconds += Number(part.slice(0, -1)) * (units[unit] ?? 0);
  }
  return seconds;
}
