import { snapshotState, type FlySnapshot, type FlyVolume } from './judge.js';

/**
 * What flyctl prints with --json, read into plain data. flyctl (>= 0.4.80) encodes fly-go's
 * structs with Go's encoding/json (internal/render JSON): `fly volumes list --json` an array of
 * `Volume` (id, name, state, size_gb, region, zone, encrypted, attached_machine_id,
 * attached_alloc_id, created_at, host_dedication_id, snapshot_retention, auto_backup_enabled,
 * host_status), `fly volumes snapshots list VOL --json` an array of `VolumeSnapshot` (id, size,
 * volume_size, digest, created_at, status, retention_days), sorted oldest first.
 *
 * Invariant: output that is not such an array is an error naming the command, never an empty
 * list (a volume must not pass the check because its listing could not be read).
 */

export class FlyctlOutputError extends Error {
  override readonly name = 'FlyctlOutputError';
}

type Json = Record<string, unknown>;

function parseArray(text: string, command: string): Json[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new FlyctlOutputError(
      `\`${command}\` printed no JSON (${JSON.stringify(text.trim().slice(0, 80))}): is this flyctl >= 0.4.80?`,
    );
  }
  if (
    !Array.isArray(value) ||
    !value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))
  ) {
    throw new FlyctlOutputError(`\`${command}\` printed JSON that is not a list of objects.`);
  }
  return value as Json[];
}

function str(o: Json, key: string): string {
  const v = o[key];
  return typeof v === 'string' ? v : '';
}

function num(o: Json, key: string): number | undefined {
  const v = o[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Go encodes an unset time.Time as year 1: that is no time. */
function time(o: Json, key: string): Date | undefined {
  const d = new Date(str(o, key));
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() <= 1 ? undefined : d;
}

function requireId(o: Json, command: string): string {
  const id = str(o, 'id');
  if (!id) throw new FlyctlOutputError(`\`${command}\` printed a volume without an id.`);
  return id;
}

export function parseVolumes(text: string, command: string): FlyVolume[] {
  return parseArray(text, command).map((o) => {
    const machine = str(o, 'attached_machine_id') || str(o, 'attached_alloc_id');
    const retention = num(o, 'snapshot_retention');
    const auto = o.auto_backup_enabled;
    return {
      id: requireId(o, command),
      name: str(o, 'name'),
      state: str(o, 'state'),
      region: str(o, 'region'),
      sizeGb: num(o, 'size_gb') ?? 0,
      attachedMachineId: machine || null,
      createdAt: time(o, 'created_at'),
      snapshotRetention: retention && retention > 0 ? retention : undefined,
      scheduledSnapshots: typeof auto === 'boolean' ? auto : undefined,
    };
  });
}

export function parseSnapshots(text: string, command: string): FlySnapshot[] {
  return parseArray(text, command).map((o) => {
    const id = str(o, 'id');
    const status = str(o, 'status');
    return {
      id,
      createdAt: time(o, 'created_at'),
      state: snapshotState(status, id),
      status,
      sizeBytes: num(o, 'size') ?? 0,
      retentionDays: num(o, 'retention_days'),
    };
  });
}
