import { words } from '../util/vocabulary.js';
import { ConfigurationError } from '../util/errors.js';
import { lastLine, runCaptured } from '../util/process.js';
import { checkFlyctlVersion, flyToken } from '../sources/fly-source.js';
import { parseSnapshots, parseVolumes } from './flyctl-json.js';
import type { FlySnapshot, FlyVolume } from './judge.js';

/** What the Fly snapshot check needs from Fly, as plain data: the check and its tests depend on this only. */
export interface FlyVolumesApi {
  /** Checks the token and flyctl before anything else; returns flyctl's version. */
  preflight(): Promise<string>;
  /** The app's volumes (destroyed ones left out, as `fly volumes list` does). */
  listVolumes(app: string): Promise<FlyVolume[]>;
  /** The volume's snapshots, oldest first. */
  listSnapshots(app: string, volumeId: string): Promise<FlySnapshot[]>;
  /** Asks Fly for a snapshot now; Fly answers before it exists and names no id. */
  createSnapshot(app: string, volumeId: string): Promise<void>;
}

/** A flyctl command failed; the message is flyctl's own error line with what to do about it. */
export class FlyctlCommandError extends Error {
  override readonly name = 'FlyctlCommandError';
}

/**
 * What to do about a flyctl error line, by pattern (classification is data): the token, the app
 * or the volume. A line that matches none is shown as it is.
 */
const HINTS: { pattern: RegExp; hint: (what: Command) => string }[] = [
  {
    pattern: /could not find app/i,
    hint: (c) => `Check the app input: \`fly apps list\` lists the apps this token sees (app "${c.app}").`,
  },
  {
    pattern: /unauthori[sz]ed|not authori[sz]ed|forbidden|permission denied|access denied/i,
    hint: (c) =>
      c.kind === 'create'
        ? `create-snapshot needs a token that may change the app, such as a deploy token (\`fly tokens create deploy -a ${c.app}\`); a read-only token can only list.`
        : `The token may not read this app: use a read-only token of its organization (\`fly tokens create readonly -o <org>\`) or a deploy token of the app.`,
  },
  {
    pattern: /must be authenticated|token.*(invalid|expired|revoked)|(invalid|expired|revoked).*token/i,
    hint: () => 'FLY_API_TOKEN was refused: create a new token and update the secret.',
  },
];

interface Command {
  kind: 'list' | 'create';
  app: string;
  args: string[];
}

export function explainFlyctlError(command: Command, line: string): string {
  const hint = HINTS.find((h) => h.pattern.test(line))?.hint(command);
  return `\`flyctl ${command.args.join(' ')}\` failed: ${line}${hint ? ` ${hint}` : ''}`;
}

export interface FlyctlVolumesOptions {
  flyctl: string;
  env?: NodeJS.ProcessEnv;
  /** Stops a running flyctl (the job was cancelled). */
  signal?: AbortSignal;
}

/** flyctl behind FlyVolumesApi: each call is one flyctl process, its JSON read by flyctl-json.ts. */
export class FlyctlVolumesApi implements FlyVolumesApi {
  constructor(private readonly options: FlyctlVolumesOptions) {}

  private get env(): NodeJS.ProcessEnv {
    return this.options.env ?? process.env;
  }

  async preflight(): Promise<string> {
    if (!flyToken(this.env)) {
      throw new ConfigurationError(
        'FLY_API_TOKEN is not set: create a read-only token with `fly tokens create readonly -o <org>` ' +
          '(create-snapshot needs a deploy token of the app instead: `fly tokens create deploy -a <app>`), ' +
          `${words().environment('FLY_API_TOKEN')}.`,
      );
    }
    return checkFlyctlVersion(this.options.flyctl, this.env, this.options.signal);
  }

  async listVolumes(app: string): Promise<FlyVolume[]> {
    const args = ['volumes', 'list', '-a', app, '--json'];
    return parseVolumes(await this.run({ kind: 'list', app, args }), `flyctl ${args.join(' ')}`);
  }

  async listSnapshots(app: string, volumeId: string): Promise<FlySnapshot[]> {
    const args = ['volumes', 'snapshots', 'list', volumeId, '-a', app, '--json'];
    return parseSnapshots(await this.run({ kind: 'list', app, args }), `flyctl ${args.join(' ')}`);
  }

  async createSnapshot(app: string, volumeId: string): Promise<void> {
    await this.run({ kind: 'create', app, args: ['volumes', 'snapshots', 'create', volumeId, '-a', app] });
  }

  /** Runs flyctl to completion; stdout when it exits 0, else a FlyctlCommandError. */
  private async run(command: Command): Promise<string> {
    const out = await runCaptured(this.options.flyctl, command.args, {
      env: this.env,
      signal: this.options.signal,
    });
    if (out.code !== 0) throw new FlyctlCommandError(explainFlyctlError(command, lastLine(out)));
    return out.stdout;
  }
}
