/**
 * Snapshot ids sort by time: a UTC timestamp like 20261123T020000Z, optionally followed by
 * "-{label}". The timestamp is when the backup started, by the storage's clock
 * (storage/server-clock.ts). An id is part of every key of its snapshot, so every id read from the
 * bucket (latest.json's snapshotId, folder names, a manifest's) is checked against this grammar
 * before a key is built from it (TargetLayout refuses any other): `../../x` never becomes a key.
 */
const ID_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z(?:-([A-Za-z0-9][A-Za-z0-9._-]*))?$/;

export function makeSnapshotId(time: Date, label?: string): string {
  const iso = time.toISOString(); // 2026-11-23T02:00:00.000Z
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return label ? `${stamp}-${label}` : stamp;
}

export function isSnapshotId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** An id read from the bucket is not one: the document naming it is not trusted. */
export class NotASnapshotIdError extends Error {
  override readonly name = 'NotASnapshotIdError';
}

/** The value when it is a snapshot id; otherwise one error naming where it was read. */
export function requireSnapshotId(value: unknown, where: string): string {
  if (typeof value === 'string' && isSnapshotId(value)) return value;
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : String(value);
  throw new NotASnapshotIdError(
    `${where} names snapshot ${shown}, which is not a snapshot id (such as 20261123T020000Z): it is not trusted and no key was built from it.`,
  );
}

/** The start time encoded in a snapshot id, or undefined when the text is not an id. */
export function snapshotIdTime(id: string): Date | undefined {
  const m = ID_PATTERN.exec(id);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
}
