import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The volume state of the flyctl stand-in (test/standins/flyctl.mjs, FLY_STANDIN_STATE): a JSON
 * file the stand-in reads and updates on every invocation, so that a snapshot created by one
 * flyctl process is listed by the next. Fields left out get flyctl's defaults in the stand-in,
 * which also prints every field in fly-go's order.
 */

export interface StandinVolume {
  id: string;
  name?: string;
  state?: string;
  size_gb?: number;
  region?: string;
  attached_machine_id?: string | null;
  created_at?: string;
  snapshot_retention?: number;
  auto_backup_enabled?: boolean;
}

export interface StandinSnapshot {
  id?: string;
  created_at: string;
  status?: string;
  size?: number;
  retention_days?: number | null;
}

export interface FlyStandinState {
  volumes: StandinVolume[];
  snapshots: Record<string, StandinSnapshot[]>;
  /** How `fly volumes snapshots create` behaves (see the stand-in). */
  create?: { pendingLists?: number; finalStatus?: string; error?: string };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const APP = 'my-app';
export const TOKEN = 'fo1_standin_snapshot_check_token';

export function hoursAgo(h: number): string {
  return new Date(Date.now() - h * HOUR).toISOString();
}

/**
 * `count` daily snapshots of `volume`, the newest `newestHours` old, listed newest first here
 * (flyctl sorts them oldest first); `statuses` override the status, newest first.
 */
export function daily(
  volume: string,
  count: number,
  newestHours: number,
  statuses: string[] = [],
): StandinSnapshot[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `vs_${volume.slice(4, 10)}${String(count - i).padStart(3, '0')}x`,
    created_at: hoursAgo(newestHours + 24 * i),
    status: statuses[i] ?? 'created',
    size: 40_000_000 + i * 1_000,
  }));
}

/** A volume attached to a machine, created 30 days ago, retention 7, daily snapshots on. */
export function volume(id: string, extra: Partial<StandinVolume> = {}): StandinVolume {
  return {
    id,
    name: 'data',
    state: 'created',
    size_gb: 3,
    region: 'fra',
    attached_machine_id: '148e123a0b4d89',
    created_at: hoursAgo(30 * 24),
    snapshot_retention: 7,
    auto_backup_enabled: true,
    ...extra,
  };
}

export class FlyStandin {
  readonly dir = mkdtempSync(join(tmpdir(), 'lifeboat-flysnap-'));
  readonly stateFile = join(this.dir, 'state.json');
  readonly logFile = join(this.dir, 'flyctl.log');

  constructor(state: FlyStandinState) {
    writeFileSync(this.stateFile, JSON.stringify(state, null, 2));
  }

  /** The environment a step or the CLI runs flyctl with. */
  env(): Record<string, string> {
    return {
      FLY_API_TOKEN: TOKEN,
      FLY_STANDIN_APP: APP,
      FLY_STANDIN_STATE: this.stateFile,
      FLY_STANDIN_LOG: this.logFile,
    };
  }

  state(): FlyStandinState {
    return JSON.parse(readFileSync(this.stateFile, 'utf8')) as FlyStandinState;
  }

  /** Every flyctl invocation's arguments, in order. */
  calls(): string[][] {
    if (!existsSync(this.logFile)) return [];
    return readFileSync(this.logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { argv: string[] }).argv);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
