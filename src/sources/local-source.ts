import { spawnStreaming, type RunningProcess } from '../util/process.js';
import type { ArchiveSource, SourceIdentity, StartOptions } from './archive-source.js';

/**
 * A directory on this machine (the demo, the CLI on a host, a self-hosted runner that mounts the
 * volume): the same archive script, run by the local sh with the local tar.
 */
export class LocalSource implements ArchiveSource {
  readonly label = 'local tar';
  readonly description: SourceIdentity = { kind: 'local' };

  async preflight(): Promise<Record<string, string>> {
    return {};
  }

  start(script: string, options: StartOptions): RunningProcess {
    const proc = spawnStreaming('sh', ['-c', script], {
      ...options,
      installHint:
        "lifeboat runs its archive script with this machine's sh (sh -c '...'), as it does on a remote one. Nothing was read or sent. " +
        'Put a POSIX shell on PATH (apt-get install dash, apk add busybox) and run the backup again',
    });
    if (!options.keepStdin) proc.stdin.end();
    return proc;
  }
}
