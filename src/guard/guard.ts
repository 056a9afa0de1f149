import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ObjectStore } from '../storage/object-store.js';
import { discover, type DiscoveredFile, type SkipRule } from './discover.js';
import { finding, type Finding } from './findings.js';
import { checkFreshness, type TargetFreshness } from './freshness.js';
import { analyzeFlyToml } from './fly-toml.js';
import { analyzePreview } from './preview.js';
import { analyzePulumiYaml } from './pulumi-yaml.js';
import { readText } from './read-input.js';
import type { StatefulTypes } from './stateful.js';
import { analyzeProgram } from './typescript-program.js';

export interface GuardOptions {
  workspace: string;
  paths: readonly string[];
  /** Files the guard does not read, each with the reason a person gave. */
  skip?: readonly SkipRule[];
  /** What an input the guard cannot read (LB007) is: a violation (fail, the default) or a warning. */
  unsupported?: 'fail' | 'warn';
  /** The most files listed below the workspace; tests lower it. */
  maxFiles?: number;
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
  const discovery = discover({
    workspace: o.workspace,
    paths: o.paths,
    ...(o.skip ? { skip: o.skip } : {}),
    ...(o.maxFiles !== undefined ? { maxFiles: o.maxFiles } : {}),
  });
  const { notes } = discovery;
  const findings: Finding[] = [...discovery.findings];
  const program = analyzeProgram(
    { files: discovery.listed, read: (file) => readText(join(o.workspace, file)) },
    discovery.files.filter((f) => f.kind === 'typescript').map((f) => f.file),
    { stateful: o.stateful, protectedStages: o.protectedStages },
  );
  findings.push(...program.findings);
  notes.push(...program.notes);
  const files: DiscoveredFile[] = [
    ...discovery.files.filter((f) => f.kind !== 'typescript'),
    ...program.files.map((file) => ({ file, kind: 'typescript' as const })),
  ].sort((a, b) => (a.file < b.file ? -1 : 1));
  for (const f of files) {
    if (f.kind === 'typescript') continue; // read above, with what it imports
    const read = readText(join(o.workspace, f.file));
    if (!read.ok) {
      findings.push(
        finding('LB007', 'error', f.file, `cannot read ${f.file} (${read.reason}): it was not checked.`, {
          file: f.file,
        }),
      );
      continue;
    }
    const src = { file: f.file, text: read.text };
    if (f.kind === 'pulumi-yaml') findings.push(...analyzePulumiYaml(src, o.stateful));
    else findings.push(...analyzeFlyToml(src, o.minSnapshotRetention));
  }
  if (discovery.files.length === 0 && o.previews.length === 0 && discovery.findings.length === 0) {
    findings.push(
      finding(
        'LB007',
        'error',
        'workspace',
        `no file matched paths (${o.paths.join(', ')}) and no preview was given: nothing was checked.`,
        {},
        'Point `paths` at the infrastructure code (sst.config.ts, Pulumi.yaml, fly.toml) or give a `preview`; if this repository has none, this check is not needed here.',
      ),
    );
  }
  for (const p of o.previews) {
    const abs = isAbsolute(p) ? p : resolve(o.workspace, p);
    const rel = relative(o.workspace, abs);
    const shown = rel.startsWith('..') || isAbsolute(rel) ? abs : rel.split(sep).join('/');
    const read = readText(abs);
    if (!read.ok && !read.missing) {
      findings.push(
        finding(
          'LB005',
          'error',
          shown,
          `cannot read the preview ${shown} (${read.reason}): it was not checked.`,
          {
            file: shown,
          },
        ),
      );
    } else findings.push(...analyzePreview(shown, read.ok ? read.text : undefined, o.stateful));
  }
  let freshness: TargetFreshness[] | undefined;
  if (o.freshness) {
    const r = await checkFreshness({ ...o.freshness, now: o.now });
    findings.push(...r.findings);
    freshness = r.targets;
  }
  const judged = o.unsupported === 'warn' ? findings.map(unsupportedAsWarning) : findings;
  return { files, findings: sortFindings(judged), ...(freshness ? { freshness } : {}), notes };
}

/** `unsupported: warn`: what the guard cannot read is reported, and does not block. */
function unsupportedAsWarning(f: Finding): Finding {
  return f.rule === 'LB007' && f.severity === 'error' ? { ...f, severity: 'warning' } : f;
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
