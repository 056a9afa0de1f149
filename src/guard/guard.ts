import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ObjectStore } from '../storage/object-store.js';
import { discover, type DiscoveredFile } from './discover.js';
import type { Finding } from './findings.js';
import { checkFreshness, type TargetFreshness } from './freshness.js';
import { analyzeFlyToml } from './fly-toml.js';
import { analyzePreview } from './preview.js';
import { analyzePulumiYaml } from './pulumi-yaml.js';
import type { StatefulTypes } from './stateful.js';
import { analyzeTypeScript } from './typescript-program.js';

export interface GuardOptions {
  workspace: string;
  paths: readonly string[];
  stateful: StatefulTypes;
  protectedStages: readonly string[];
  minSnapshotRetention: number;
  /** Preview / plan files, relative to the workspace or absolute. */
  previews: readonly string[];
  freshness?: { store: ObjectStore; prefix: string; targets: readonly string[]; maxAgeSeconds: number };
  now: Date;
}

export interface GuardResult {
  files: DiscoveredFile[];
  findings: Finding[];
  freshness?: TargetFreshness[];
  notes: string[];
}

/** Runs every rule over plain files (and, for LB006, the backup bucket). Findings are sorted by place. */
export async function runGuard(o: GuardOptions): Promise<GuardResult> {
  const { files, notes } = discover(o.workspace, o.paths);
  const findings: Finding[] = [];
  for (const f of files) {
    const text = readFileSync(join(o.workspace, f.file), 'utf8');
    const src = { file: f.file, text };
    if (f.kind === 'typescript') {
      findings.push(...analyzeTypeScript(src, { stateful: o.stateful, protectedStages: o.protectedStages }));
    } else if (f.kind === 'pulumi-yaml') findings.push(...analyzePulumiYaml(src, o.stateful));
    else findings.push(...analyzeFlyToml(src, o.minSnapshotRetention));
  }
  if (files.length === 0 && o.previews.length === 0) {
    notes.push(`no file matched paths (${o.paths.join(', ')}): nothing was checked`);
  }
  for (const p of o.previews) {
    const abs = isAbsolute(p) ? p : resolve(o.workspace, p);
    const rel = relative(o.workspace, abs);
    const shown = rel.startsWith('..') || isAbsolute(rel) ? abs : rel.split(sep).join('/');
    const text = existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
    findings.push(...analyzePreview(shown, text, o.stateful));
  }
  let freshness: TargetFreshness[] | undefined;
  if (o.freshness) {
    const r = await checkFreshness({ ...o.freshness, now: o.now });
    findings.push(...r.findings);
    freshness = r.targets;
  }
  return { files, findings: sortFindings(findings), ...(freshness ? { freshness } : {}), notes };
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.file ?? '\uffff').localeCompare(b.file ?? '\uffff') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
