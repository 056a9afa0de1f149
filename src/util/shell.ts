/**
 * Safe construction of POSIX sh text. lifeboat's remote commands travel through layers that split
 * or interpret them (flyctl splits the command into words without a shell; OpenSSH hands it to the
 * login shell), so every user value is embedded as octal escapes decoded by sh's own printf:
 * the generated text contains no quote, no backslash-quote pair and no metacharacter that came
 * from the user, whatever the value holds.
 */

/** `"$(printf "\ooo\ooo...")"`: a double-quoted sh word that expands to exactly `value`. */
export function shWord(value: string): string {
  if (value === '') return '""';
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.includes(0)) throw new Error('a shell value cannot contain a NUL byte');
  if (value.endsWith('\n')) throw new Error('a shell value cannot end in a newline');
  let octal = '';
  for (const b of bytes) octal += `\\${b.toString(8).padStart(3, '0')}`;
  return `"$(printf "${octal}")"`;
}

/**
 * Wraps a script as `sh -c '<script>'` for a command line that is split into words the way a
 * POSIX shell would. The script must not contain a single quote (scripts built with shWord
 * never do); this is checked rather than escaped so that no splitter's quirks matter.
 */
export function shDashC(script: string): string {
  if (script.includes("'")) throw new Error('internal: a remote script must not contain a single quote');
  return `sh -c '${script}'`;
}

/** Characters a shell word may hold unquoted (and that read the same to a person). */
const PLAIN_WORD = /^[A-Za-z0-9._/@+=,:%^-]+$/;

/**
 * One argument of a command lifeboat prints for a person to paste into a POSIX shell: as it is when
 * it holds only plain characters, else single-quoted (a ' inside written '\''). The shell gives
 * the command exactly `value`, whatever it holds: "/srv/vol with space" becomes '/srv/vol with space'.
 */
export function shellArg(value: string): string {
  if (value === '') return "''";
  if (PLAIN_WORD.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
