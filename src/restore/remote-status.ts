import { OperationFailedError } from '../util/errors.js';
import { lastLine } from '../util/process.js';
import type { ArchiveSource } from '../sources/archive-source.js';

/**
 * The scripts lifeboat runs on a machine say how they ended in one stdout line, `<prefix><status>`,
 * because flyctl does not pass a remote exit status on. The status is the text after the prefix
 * of the first such line; undefined when the script printed none (it never ran, or was cut off).
 */
export function statusLine(stdout: string, prefix: string): string | undefined {
  return stdout
    .split('\n')
    .find((l) => l.startsWith(prefix))
    ?.slice(prefix.length);
}

/** Runs a script that reads nothing and prints its status line; a script that printed none fails. */
export async function runStatusScript(
  source: ArchiveSource,
  script: string,
  prefix: string,
): Promise<string> {
  const proc = source.start(script, {});
  let out = '';
  proc.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const outcome = await proc.done;
  const status = statusLine(out, prefix);
  if (!status) throw new OperationFailedError(`${source.label} gave no status (${lastLine(outcome)})`);
  return status;
}
