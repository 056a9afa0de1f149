import type { ArchiveSource, StartOptions } from '../../src/sources/archive-source.js';
import { spawnStreaming, type RunningProcess } from '../../src/util/process.js';

/**
 * The archive script run for real under dash with PATH = `bin`: a Fly machine with exactly the
 * tools in that folder (real ones or wrappers), and a stack limit (`ulimit -s`, KiB) when given,
 * which bounds what one exec carries. Every stderr line is kept in `stderr`, as the runner logs it.
 */
export class MachineSource implements ArchiveSource {
  readonly label = 'flyctl';
  readonly description = { kind: 'fly' as const, app: 'my-app' };
  stderr = '';
  constructor(
    private readonly bin: string,
    private readonly stackKib?: number,
  ) {}
  async preflight(): Promise<Record<string, string>> {
    return {};
  }
  start(script: string, options: StartOptions): RunningProcess {
    const args =
      this.stackKib === undefined
        ? ['-c', script]
        : ['-c', `ulimit -s ${this.stackKib} && exec /bin/dash -c "$1"`, 'sh', script];
    const proc = spawnStreaming('/bin/dash', args, {
      ...options,
      onStderrLine: (l) => {
        this.stderr += `${l}\n`;
        options.onStderrLine?.(l);
      },
      env: { PATH: this.bin },
    });
    proc.stdin.end();
    return proc;
  }
}
