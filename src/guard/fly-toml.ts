import { parse } from 'smol-toml';
import { finding, type Finding } from './findings.js';
import type { SourceInput } from './typescript-program.js';

/** Fly's default snapshot_retention (days) when fly.toml does not set one. */
export const FLY_DEFAULT_SNAPSHOT_RETENTION = 5;

/**
 * fly.toml `[mounts]` (one table) or `[[mounts]]` (an array of tables), read with smol-toml:
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
  const raw = doc.mounts;
  if (raw === undefined) return [];
  const mounts = (Array.isArray(raw) ? raw : [raw]) as Record<string, unknown>[];
  const app = typeof doc.app === 'string' ? doc.app : src.file;
  const locate = mountLocator(src.text);
  const out: Finding[] = [];
  mounts.forEach((m, i) => {
    if (typeof m !== 'object' || m === null) return;
    const resource = `${app} mount ${typeof m.source === 'string' ? m.source : `#${i + 1}`}${typeof m.destination === 'string' ? ` -> ${m.destination}` : ''}`;
    const retention = m.snapshot_retention;
    if (retention === undefined) {
      out.push(
        finding(
          'LB004',
          'error',
          resource,
          `${resource} has no snapshot_retention: Fly keeps volume snapshots ${FLY_DEFAULT_SNAPSHOT_RETENTION} days; the minimum is ${minRetention}.`,
          { file: src.file, line: locate(i) },
        ),
      );
    } else if (typeof retention !== 'number' || retention < minRetention) {
      out.push(
        finding(
          'LB004',
          'error',
          resource,
          `${resource} has snapshot_retention = ${String(retention)}, below the minimum of ${minRetention} days.`,
          { file: src.file, line: locate(i, 'snapshot_retention') },
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
          { file: src.file, line: locate(i, 'scheduled_snapshots') },
        ),
      );
    }
  });
  return out;
}

/**
 * The line of the i-th mounts table (or of a key inside it), for annotations only: the values
 * come from the TOML parser above; this scan only finds where to point. Lines inside multi-line
 * strings are skipped.
 */
function mountLocator(text: string): (index: number, key?: string) => number {
  const lines = text.split(/\r?\n/);
  const sections: { start: number; end: number }[] = [];
  let current: { start: number; end: number } | undefined;
  let inMultiline: string | undefined;
  let inlineMounts: number | undefined;
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
      current = /^\[\[?\s*mounts\s*\]\]?\s*(#.*)?$/.test(trimmed)
        ? { start: n, end: lines.length }
        : undefined;
      if (current) sections.push(current);
    } else if (!current && /^mounts\s*=/.test(trimmed) && inlineMounts === undefined) {
      inlineMounts = n;
    }
  });
  return (index, key) => {
    const section = sections[index];
    if (!section) return (inlineMounts ?? 0) + 1;
    if (key) {
      for (let n = section.start + 1; n < section.end; n++) {
        if (new RegExp(`^\\s*${key}\\s*=`).test(lines[n]!)) return n + 1;
      }
    }
    return section.start + 1;
  };
}
