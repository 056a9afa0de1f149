// The CLI once its signal handler exists (cli.ts loads this module after installing it): the
// TypeScript compiler (used by `guard`) reads __filename while it loads, so that comes first.
import '../util/cjs-globals.js';
import { EXIT } from './commands.js';
import { main } from './main.js';
import { startMemoryPolicy } from '../util/memory-policy.js';

export function start(argv: string[]): void {
  // dead Buffers are freed as they die, not 64 MiB later (util/memory-policy.ts)
  const memory = startMemoryPolicy();
  void main(argv).then((code) => {
    memory.stop();
    process.exitCode = code;
    // interrupted: the command has ended; an aborted request still open must not keep the process
    if (code === EXIT.interrupted) process.exit(code);
  });
}
