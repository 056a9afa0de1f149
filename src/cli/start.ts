// The CLI once its signal handler exists (cli.ts loads this module after installing it): the
// TypeScript compiler (used by `guard`) reads __filename while it loads, so that comes first.
import '../util/cjs-globals.js';
import { EXIT } from './commands.js';
import { main } from './main.js';
import { startMemoryPolicy } from '../util/memory-policy.js';

/** Runs the command; the promise (for tests: cli.ts leaves it) settles once it ended and the policy stopped. */
export function start(argv: string[]): Promise<void> {
  // dead Buffers are freed as they die, not 64 MiB later (util/memory-policy.ts); stopped however
  // the command ends, a rejection of main too
  const memory = startMemoryPolicy();
  return main(argv)
    .finally(() => memory.stop())
    .then((code) => {
      process.exitCode = code;
      // interrupted: the command has ended; an aborted request still open must not keep the process
      if (code === EXIT.interrupted) process.exit(code);
    });
}
