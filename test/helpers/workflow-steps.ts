import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isScalar, LineCounter, parse, parseDocument, visit } from 'yaml';
import { KNOWN_PINS } from './third-party-pins.js';

const root = new URL('../..', import.meta.url).pathname;

export interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
export interface ActionDoc {
  inputs?: Record<string, { required?: boolean; default?: unknown } | null>;
  outputs?: Record<string, unknown>;
  runs?: { using?: string; steps?: Step[] };
}
interface WorkflowOrAction {
  jobs?: Record<string, { steps?: Step[] } | null>;
  runs?: { steps?: Step[] };
}

/** A repository file, parsed. */
export const loadYaml = <T>(file: string) => parse(readFileSync(join(root, file), 'utf8')) as T;

/** Every step of a workflow (all jobs) or a composite action. */
export function stepsOf(doc: WorkflowOrAction): Step[] {
  if (doc.runs) return doc.runs.steps ?? [];
  return Object.values(doc.jobs ?? {}).flatMap((j) => j?.steps ?? []);
}

/**
 * The action.yml (repository-relative) that a `uses:` of one of lifeboat's own actions runs, or
 * undefined for any other action. Lifeboat's are `./` and `./actions/<name>` (this repository) and
 * `<owner>/lifeboat@<ref>` / `<owner>/lifeboat/actions/<name>@<ref>` (a copy of the docs in a
 * user's repository; the owner is whatever fork they use).
 */
export function lifeboatActionFile(uses: string): string | undefined {
  if (uses.startsWith('./')) return join(uses, 'action.yml');
  const at = uses.lastIndexOf('@');
  if (at < 0) return undefined;
  const [, repo, ...path] = uses.slice(0, at).split('/');
  if (repo !== 'lifeboat') return undefined;
  return join(...path, 'action.yml');
}

/**
 * What is wrong with the `with:` of a step that runs one of lifeboat's actions: a key that is no
 * input of the action, or a required input (without default) that is not given. Empty for other
 * steps.
 */
export function inputProblems(step: Step): string[] {
  const target = step.uses && lifeboatActionFile(step.uses);
  if (!target) return [];
  if (!existsSync(join(root, target))) return [`${step.uses}: no ${target}`];
  const inputs = loadYaml<ActionDoc>(target).inputs ?? {};
  const given = step.with ?? {};
  return [
    ...Object.keys(given)
      .filter((key) => !(key in inputs))
      .map((key) => `${step.uses}: no input '${key}' in ${target}`),
    ...Object.entries(inputs)
      .filter(([name, spec]) => spec?.required && spec.default === undefined && !(name in given))
      .map(([name]) => `${step.uses}: required input '${name}' is not given`),
  ];
}

/** One `uses:` of a YAML text with the comment on its line and the line number (1-based). */
export interface UsesRef {
  uses: string;
  comment: string;
  line: number;
}

/** Every `uses:` value of a YAML text (at any depth), with its trailing comment. */
export function usesRefs(text: string): UsesRef[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const refs: UsesRef[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== 'uses' || !isScalar(pair.value)) return;
      refs.push({
        uses: String(pair.value.value),
        comment: (pair.value.comment ?? '').trim(),
        line: lineCounter.linePos(pair.value.range?.[0] ?? 0).line,
      });
    },
  });
  return refs;
}

/**
 * What is wrong with the third-party `uses:` of a YAML text: each must be `<action>@<sha> # <tag>`
 * exactly as a row of KNOWN_PINS records it (so that a new pin is checked before it is written),
 * the comment starting with the tag that update tools (Dependabot, Renovate) recognise. Problems
 * name `file:line`, the text being the part of `file` that starts at line `firstLine`.
 */
export function pinProblems(text: string, file: string, firstLine = 1): string[] {
  return usesRefs(text)
    .filter((r) => lifeboatActionFile(r.uses) === undefined)
    .flatMap((r) => {
      const where = `${file}:${firstLine + r.line - 1}`;
      const [action, sha] = r.uses.split('@');
      const row = KNOWN_PINS.find((p) => p.action === action && p.sha === sha);
      if (!row)
        return [
          `${where}: ${r.uses} is not a known pin (add it to test/helpers/third-party-pins.ts once its action.yml at that commit is checked)`,
        ];
      const tag = r.comment.split(/[\s:]/)[0];
      return tag === row.version ? [] : [`${where}: ${r.uses} needs the comment '# ${row.version}'`];
    });
}
