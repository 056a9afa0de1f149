import { parse } from 'smol-toml';
import { finding, type Finding } from './findings.js';
import type { SourceInput } from './typescript-program.js';

/** Fly's default snapshot_retention (days) when fly.toml does not set one. */
export const FLY_DEFAULT_SNAPSHOT_RETENTION = 5;

/**
 * fly.toml `[mounts]` (one table) or `[[mounts]]` (an array of tables), and flyctl's alias
 * `[mount]` / `[[mount]]`, read with smol-toml (a retention written as a string of digits is that number):
 * snapshot_retention missing (Fly keeps 5 days) or below the minimum, or scheduled_snapshots = false.
 */
export function analyzeFlyToml(src: SourceInput, minRetention: number): Finding[] {
  let doc: Record<string, unknown>;
  try {
    doc = parse(src.text) as Record<string, unknown>;
  } catch (err) {
    const e = err as { message?: string; line?: number };
    return [
      finding(
        'LB004',
        'error',
        src.file,
        `cannot parse ${src.file} as TOML: ${String(e.message ?? err).split('\n')[0]}`,
        {
          file: src.file,
          line: e.line ?? 1,
        },
      ),
    ];
  }
  // flyctl reads `[mount]` as an alias of `[mounts]`: both are lists of mounts, `mount` first
  const tables = (['mount', 'mounts'] as const).flatMap((key) => {
    const raw = doc[key];
    if (raw === undefined) return [];
    return (Array.isArray(raw) ? raw : [raw]).map((m, index) => ({
      key,
      index,
      m: m as Record<string, unknown>,
    }));
  });
  if (tables.length === 0) return [];
  const app = typeof doc.app === 'string' ? doc.app : src.file;
  const locate = mountLocator(src.text);
  const out: Finding[] = [];
  tables.forEach(({ key, index, m }, i) => {
    const at = (option?: string) => ({ file: src.file, line: locate(key, index, option) });
    if (typeof m !== 'object' || m === null) return;
    const resource = `${app} mount ${typeof m.source === 'string' ? m.source : `#${i + 1}`}${typeof m.destination === 'string' ? ` -> ${m.destination}` : ''}`;
    const raw = m.snapshot_retention;
    // a number written as a string ("14") is read as that number
    const retention = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
    if (retention === undefined) {
      out.push(
        finding(
          'LB004',
          'error',
          resource,
          `${resource} has no snapshot_retention: Fly keeps volume snapshots ${FLY_DEFAULT_SNAPSHOT_RETENTION} days; the minimum is ${minRetention}.`,
          at(),
        ),
      );
    } else if (typeof retention !== 'number' || !Number.isFinite(retention)) {
      out.push(
        finding(
          'LB004',
          'error',
          resource,
          `${resource} has snapshot_retention = ${JSON.stringify(raw)}, which is not a number of days.`,
          at('snapshot_retention'),
        ),
      );
    } else if (retention < minRetention) {
      out.push(
        finding(
          'LB004',
          'error',
          resource,
          `${resource} has snapshot_retention = ${String(raw)}, below the minimum of ${minRetention} days.`,
          at('snapshot_retention'),
        ),
      );
    }
    if (m.scheduled_snapshots === false) {
      out.push(
        finding(
          'LB004',
          'error',
          resource,
          `${resource} has scheduled_snapshots = false: Fly takes no daily snapshot of the volume.`,
          at('scheduled_snapshots'),
        ),
      );
    }
  });
  return out;
}

/**
 * The line of the index-th `[mount]` / `[mounts]` table (or of a key inside it), for annotations
 * only: the values come from the TOML parser above; this scan only finds where to point. Lines
 * inside multi-line strings are skipped.
 */
function mountLocator(text: string): (table: 'mount' | 'mounts', index: number, key?: string) => number {
  const lines = text.split(/\r?\n/);
  const sections: Record<'mount' | 'mounts', { start: number; end: number }[]> = { mount: [], mounts: [] };
  const inline: Partial<Record<'mount' | 'mounts', number>> = {};
  let current: { start: number; end: number } | undefined;
  let inMultiline: string | undefined;
  lines.forEach((line, n) => {
    if (inMultiline) {
      if (line.includes(inMultiline)) inMultiline = undefined;
      return;
    }
    const trimmed = line.trim();
    for (const q of ['"""', "'''"]) {
      const count = trimmed.split(q).length - 1;
      if (count % 2 === 1) inMultiline = q;
    }
    if (trimmed.startsWith('[')) {
      if (current) current.end = n;
      const m = /^\[\[?\s*(mounts?)\s*\]\]?\s*(#.*)?$/.exec(trimmed);
      current = m ? { start: n, end: lines.length } : undefined;
      if (m && current) sections[m[1] as 'mount' | 'mounts'].push(current);
    } else if (!current) {
      const m = /^(mounts?)\s*=/.exec(trimmed);
      if (m) inline[m[1] as 'mount' | 'mounts'] ??= n;
    }
  });
  return (table, index, key) => {
    const section = sections[table][index];
    if (!section) return (inline[table] ?? 0) + 1;
    if (key) {
      for (let n = section.start + 1; n < section.end; n++) {
        if (new RegExp(`^\\s*${key}\\s*=`).test(lines[n]!)) return n + 1;
      }
    }
    return section.start + 1;
  };
}
