import { words } from '../util/vocabulary.js';
import { ConfigurationError } from '../util/errors.js';
import { runCaptured, spawnStreaming, lastLine, type RunningProcess } from '../util/process.js';
import { shDashC } from '../util/shell.js';
import type { ArchiveSource, SourceIdentity, StartOptions } from './archive-source.js';

/** flyctl before 0.4.80 could exit before draining stdout and cut the tail off a stream (flyctl PR #5045). */
export const MIN_FLYCTL_VERSION = '0.4.80';

export interface FlySourceOptions {
  app: string;
  machine?: string;
  flyctl: string;
  env?: NodeJS.ProcessEnv;
}

export function parseFlyctlVersion(output: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+)\b/.exec(output)?.[1];
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function flyToken(env: NodeJS.ProcessEnv): string | undefined {
  return env.FLY_API_TOKEN || env.FLY_ACCESS_TOKEN || undefined;
}

/**
 * Runs `flyctl version` and returns the version; a missing, unreadable or too old flyctl is a
 * ConfigurationError that says how to install or update it (the one flyctl gate of lifeboat).
 */
export async function checkFlyctlVersion(
  flyctl: string,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<string> {
  const out = await runCaptured(flyctl, ['version'], {
    env,
    signal,
    installHint: `install it with superfly/flyctl-actions/setup-flyctl (or from https://fly.io/docs/flyctl/install/), or set ${words().option('flyctl')} to its path`,
  });
  if (out.code !== 0) {
    throw new ConfigurationError(`'${flyctl} version' failed: ${lastLine(out)}`);
  }
  const version = parseFlyctlVersion(out.stdout);
  if (!version) {
    throw new ConfigurationError(
      `Could not read flyctl's version from ${JSON.stringify(out.stdout.trim().slice(0, 80))}: is '${flyctl}' flyctl?`,
    );
  }
  if (compareVersions(version, MIN_FLYCTL_VERSION) < 0) {
    throw new ConfigurationError(
      `flyctl ${version} is too old: lifeboat needs >= ${MIN_FLYCTL_VERSION}, because older versions can end a ` +
        `stream before all of it was delivered. Update it (setup-flyctl with version: 0.4.87 or newer, or \`fly version upgrade\`).`,
    );
  }
  return version;
}

/** A Fly machine reached with `flyctl ssh console -C`, which gives byte-exact stdout (no PTY). */
export class FlySource implements ArchiveSource {
  readonly label = 'flyctl';
  readonly description: SourceIdentity;

  constructor(private readonly options: FlySourceOptions) {
    this.description = { kind: 'fly', app: options.app, machine: options.machine ?? null };
  }

  private get env(): NodeJS.ProcessEnv {
    return this.options.env ?? process.env;
  }

  async preflight(signal?: AbortSignal): Promise<Record<string, string>> {
    if (!flyToken(this.env)) {
      throw new ConfigurationError(
        'FLY_API_TOKEN is not set: create a token with `fly tokens create deploy -a <app>` (or an org token), ' +
          `${words().environment('FLY_API_TOKEN')}.`,
      );
    }
    return { flyctl: await checkFlyctlVersion(this.options.flyctl, this.env, signal) };
  }

  start(script: string, options: StartOptions): RunningProcess {
    const args = ['ssh', 'console', '-a', this.options.app, '-q'];
    if (this.options.machine) args.push('--machine', this.options.machine);
    args.push('-C', shDashC(script));
    const proc = spawnStreaming(this.options.flyctl, args, { env: this.env, ...options });
    if (!options.keepStdin) proc.stdin.end();
    return proc;
  }
}
