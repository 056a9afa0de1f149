/**
 * Secret material a message must never show, whatever input it echoes: age secret keys (and age
 * plugin identities) and PEM/OpenSSH private keys, whole or cut short. Applied where inputs are
 * echoed (describeValue) and where every message leaves a face (the CLI's error and log lines,
 * an action's failure and summary), so a secret given in the wrong place is named, never shown.
 */
const SECRET_SHAPES: readonly [RegExp, string][] = [
  [/AGE-(?:SECRET-KEY|PLUGIN)[0-9A-Z-]*/gi, '[an age secret key, not shown]'],
  [
    /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g,
    '[a private key, not shown]',
  ],
];

/** `text` with every secret of a known shape replaced by a note that names its kind. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [shape, note] of SECRET_SHAPES) out = out.replace(shape, note);
  return out;
}

/** Whether `text` holds secret material of a known shape. */
export function holdsSecret(text: string): boolean {
  return redactSecrets(text) !== text;
}
