import { basename } from 'node:path';
import ts from 'typescript';
import { finding, type Finding } from './findings.js';
import { readSstApp, type SstApp } from './sst-app.js';
import { canonicalType, type StatefulTypes } from './stateful.js';
import { asTri, conditionsHold, conditionsOf, type Condition, type Tri } from './ts-conditions.js';
import { TsProgram, type ProgramFile, type ProgramHost } from './ts-modules.js';
import {
  destructuredName,
  functionOf,
  getOption,
  optionObjects,
  transformWrites,
  type TransformWrite,
} from './ts-options.js';
import { evaluate, UNKNOWN, unwrap, type Known } from './stage-eval.js';

export interface ProgramContext {
  stateful: StatefulTypes;
  protectedStages: readonly string[];
}

export interface SourceInput {
  /** Relative to the workspace (used in findings). */
  file: string;
  text: string;
}

type Option = 'protect' | 'retainOnDelete';
const OPTIONS: readonly [Finding['rule'], Option][] = [
  ['LB001', 'protect'],
  ['LB002', 'retainOnDelete'],
];

/** What SST's `removal: "retain"` retains (platform/src/auto/run.ts): buckets and tables. */
const SST_RETAINED = ['aws:s3/bucket:Bucket', 'aws:s3/bucketV2:BucketV2', 'aws:dynamodb/table:Table'];

/** A `new X(...)` of the program with what X resolves to. */
interface Site {
  pf: ProgramFile;
  node: ts.NewExpression;
  /** `aws.rds.Instance`, `sst.aws.Bucket`; undefined for a class of the program. */
  path?: string;
  decl?: ts.ClassLikeDeclaration;
}

/**
 * One way an option gets its value for a stage, in the order Pulumi applies them: the resource's
 * own options, its component's `transform`, its `transformations`/`transforms`, the program's
 * global transforms (`$transform`, `registerStackTransformation`), and SST's removal policy.
 */
interface Write {
  /** Whether it runs for the stage. */
  applies(stage: string): Tri;
  value(stage: string): Tri;
  /** How it reads in a message: `protect: $app.stage === "dev"`. */
  text: string;
  /** The options could not be read at all (a call, a parameter). */
  unreadable?: boolean;
}

/** A global transform: `$transform(Type, fn)` (target set) or a stack transformation (every resource). */
interface GlobalTransform {
  pf: ProgramFile;
  target?: string;
  writes: TransformWrite[];
  conditions: Condition[];
  /** 0: Pulumi's `args` (type, name, opts); SST passes (args, opts, name). */
  sst: boolean;
}

interface StageResult {
  value: Tri;
  last?: Write;
}

/**
 * Analyses one TypeScript file on its own (no imports followed): the rules of analyzeProgram.
 */
export function analyzeTypeScript(src: SourceInput, ctx: ProgramContext): Finding[] {
  const host: ProgramHost = {
    files: new Set([src.file]),
    read: (f) =>
      f === src.file ? { ok: true, text: src.text } : { ok: false, missing: true, reason: 'not loaded' },
  };
  return analyzeProgram(host, [src.file], ctx).findings;
}

export interface ProgramAnalysis {
  findings: Finding[];
  notes: string[];
  /** Every file read, the roots and what they import. */
  files: string[];
}

/**
 * Analyses the TypeScript programs rooted at `roots` with the TypeScript compiler's parser: each
 * sst.config.ts is one SST app (it and what it imports); the other roots and what they import
 * are one Pulumi program. Every `new X(...)` whose X resolves to a stateful type is checked for
 * `protect` (LB001) and `retainOnDelete` (LB002), per protected stage, through every way the
 * program gives them (see Write); resources created only outside the protected stages (an early
 * `return` in `run()`) are not judged. The SST app config is checked too (LB003); an app with no
 * stateful resource at all gets notes instead of LB003 violations.
 */
export function analyzeProgram(
  host: ProgramHost,
  roots: readonly string[],
  ctx: ProgramContext,
): ProgramAnalysis {
  const sstRoots = roots.filter((r) => basename(r) === 'sst.config.ts');
  const others = roots.filter((r) => !sstRoots.includes(r));
  const findings: Finding[] = [];
  const notes: string[] = [];
  const files = new Set<string>();
  const claimed = new Set<string>();
  const units: { program: TsProgram; root?: string }[] = sstRoots.map((root) => ({
    program: new TsProgram(host, [root]),
    root,
  }));
  for (const u of units) for (const f of u.program.files.keys()) claimed.add(f);
  const rest = others.filter((f) => !claimed.has(f));
  if (rest.length) units.push({ program: new TsProgram(host, rest) });
  for (const { program, root } of units) {
    for (const f of program.files.keys()) files.add(f);
    const r = analyzeUnit(program, root, ctx);
    findings.push(...program.findings, ...r.findings);
    notes.push(...r.notes);
  }
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.rule}|${f.file}|${f.line}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { findings: unique, notes, files: [...files].sort() };
}

function analyzeUnit(
  program: TsProgram,
  root: string | undefined,
  ctx: ProgramContext,
): { findings: Finding[]; notes: string[] } {
  const stages = ctx.protectedStages;
  const sites: Site[] = [];
  const globals: GlobalTransform[] = [];
  for (const pf of program.files.values()) {
    const visit = (n: ts.Node): void => {
      if (ts.isNewExpression(n)) {
        const r = program.resolve(pf, n.expression);
        if (r?.kind === 'path') sites.push({ pf, node: n, path: r.path });
        else if (r?.kind === 'class') sites.push({ pf, node: n, decl: r.decl });
      }
      if (ts.isCallExpression(n)) {
        const g = globalTransform(program, pf, n);
        if (g) globals.push(g);
      }
      ts.forEachChild(n, visit);
    };
    visit(pf.sf);
  }
  const rootFile = root ? program.files.get(root) : undefined;
  const app = rootFile ? readSstApp(rootFile, stages) : undefined;
  const lineAt = (s: Site) => s.pf.sf.getLineAndCharacterOfPosition(s.node.getStart(s.pf.sf)).line + 1;
  const findings: Finding[] = [];
  let statefulCount = 0;
  for (const site of sites) {
    if (!site.path || !ctx.stateful.has(site.path)) continue;
    // a resource made only outside the protected stages (an early return, an `if` on the stage) is not judged
    const created = conditionsOf(site.node);
    const judged = stages.filter((s) => conditionsHold(created, s, site.pf.consts) !== false);
    if (judged.length === 0) continue;
    statefulCount++;
    const resource = `${resourceName(site)} (${site.path})`;
    const place = { file: site.pf.file, line: lineAt(site) };
    for (const [rule, option] of OPTIONS) {
      const results = judged.map((stage) => ({
        stage,
        ...decide(site, option, stage, { program, sites, globals, app, ctx }, 0),
      }));
      const problem = describe(results, option, resource);
      if (problem) findings.push(finding(rule, problem.severity, resource, problem.text, place));
    }
  }
  const notes: string[] = [];
  if (app) {
    // an app that holds no data is not blocked for lacking protect or retain: a note says so
    const blocking = app.findings.filter((f) => f.severity === 'error');
    if (statefulCount === 0 && program.findings.length === 0 && blocking.length > 0) {
      for (const f of blocking) {
        notes.push(
          `${f.file}:${f.line}: ${f.message} The app has no stateful resource the guard knows of, so this does not block.`,
        );
      }
      findings.push(...app.findings.filter((f) => f.severity !== 'error'));
    } else findings.push(...app.findings);
  }
  return { findings, notes };
}

interface Scope {
  program: TsProgram;
  sites: Site[];
  globals: GlobalTransform[];
  app?: SstApp;
  ctx: ProgramContext;
}

/** The value of an option for one stage, folding every write over the value inherited from the parent. */
function decide(site: Site, option: Option, stage: string, scope: Scope, depth: number): StageResult {
  let value: Tri = depth < 5 ? inherited(site, option, stage, scope, depth) : UNKNOWN;
  let last: Write | undefined;
  for (const w of writes(site, option, scope)) {
    const applies = w.applies(stage);
    if (applies === false) continue;
    const v = w.value(stage);
    if (applies === true) value = v;
    else if (v !== value) value = UNKNOWN;
    last = w;
  }
  return { value, ...(last ? { last } : {}) };
}

/**
 * `parent: this` inside a ComponentResource, or `parent: x` with x a const bound to a `new`:
 * children inherit `protect` and `retainOnDelete` from their parent (Pulumi's default). For
 * `this`, every place the program creates the component decides: all must protect.
 */
function inherited(site: Site, option: Option, stage: string, scope: Scope, depth: number): Tri {
  const opts = site.node.arguments?.[2];
  if (!opts) return false;
  const objs = optionObjects(opts, site.pf.consts);
  const parent = getOption(objs, 'parent', site.pf.consts);
  if (!parent || parent === UNKNOWN) return false;
  const p = unwrap(parent);
  if (p.kind === ts.SyntaxKind.ThisKeyword) {
    let cls: ts.Node | undefined = site.node.parent;
    while (cls && !ts.isClassLike(cls)) cls = cls.parent;
    if (!cls) return false;
    const creators = scope.sites.filter((s) => s.decl === cls);
    if (creators.length === 0) return false;
    let out: Tri = true;
    for (const c of creators) {
      const v = decide(c, option, stage, scope, depth + 1).value;
      if (v === false) return false;
      if (v === UNKNOWN) out = UNKNOWN;
    }
    return out;
  }
  if (ts.isIdentifier(p)) {
    const init = site.pf.consts.get(p.text);
    const n = init ? unwrap(init) : undefined;
    if (n && ts.isNewExpression(n)) {
      const parentSite = scope.sites.find((s) => s.node === n);
      if (parentSite) return decide(parentSite, option, stage, scope, depth + 1).value;
    }
  }
  return UNKNOWN;
}

/** Every write of an option that reaches a site, in the order Pulumi applies them. */
function writes(site: Site, option: Option, scope: Scope): Write[] {
  const { pf, node } = site;
  const out: Write[] = [];
  const args = node.arguments ?? [];
  const always = () => true as const;
  const ev = (e: ts.Expression, known?: Known) => (stage: string) =>
    asTri(evaluate(e, stage, pf.consts, 0, known));
  const shown = (e: ts.Expression) => {
    const t = e.getText(pf.sf);
    return t.length > 80 ? `${t.slice(0, 77)}...` : t;
  };
  // 1. the resource's own options (the 3rd argument)
  if (args[2]) {
    const objs = optionObjects(args[2], pf.consts);
    const v = getOption(objs, option, pf.consts);
    if (v === UNKNOWN) {
      out.push({ applies: always, value: () => UNKNOWN, text: option, unreadable: true });
    } else if (v) out.push({ applies: always, value: ev(v), text: `${option}: ${shown(v)}` });
    // 3. per-resource transformations / transforms
    for (const key of ['transformations', 'transforms']) {
      const list = getOption(objs, key, pf.consts);
      if (!list || list === UNKNOWN || !ts.isArrayLiteralExpression(unwrap(list))) continue;
      for (const el of (unwrap(list) as ts.ArrayLiteralExpression).elements) {
        const fn = functionOf(el, pf.consts, pf.sf);
        const inPlace = key === 'transforms' ? 'needs-return' : 'kept';
        if (fn)
          out.push(
            ...fromTransform(transformWrites(fn, undefined, pf.consts, inPlace), option, site, pf, [], false),
          );
      }
    }
  }
  // 2. an SST component's `transform: { <part>: (args, opts) => ... }` in its 2nd argument
  if (site.path?.startsWith('sst.') && args[1]) {
    const objs = optionObjects(args[1], pf.consts);
    const transform = getOption(objs, 'transform', pf.consts);
    if (transform && transform !== UNKNOWN) {
      for (const obj of optionObjects(transform, pf.consts)) {
        if (obj === UNKNOWN) continue;
        for (const p of obj.properties) {
          const fn = ts.isMethodDeclaration(p)
            ? p
            : ts.isPropertyAssignment(p)
              ? functionOf(p.initializer, pf.consts, pf.sf)
              : undefined;
          if (fn) out.push(...fromTransform(transformWrites(fn, 1, pf.consts), option, site, pf, [], true));
        }
      }
    }
  }
  // 4. the program's global transforms
  const types = site.path ? scope.ctx.stateful.withInner(site.path) : [];
  for (const g of scope.globals) {
    if (g.target !== undefined && !types.includes(canonicalType(g.target))) continue;
    out.push(...fromTransform(g.writes, option, site, g.pf, g.conditions, g.sst));
  }
  // 5. SST's removal policy, applied last (a stack transformation of SST itself)
  if (option === 'retainOnDelete' && scope.app && site.path) {
    const app = scope.app;
    const retained = types.some((t) => SST_RETAINED.includes(t));
    out.push({
      applies: (stage) => {
        const r = app.removal(stage);
        if (r === UNKNOWN) return UNKNOWN;
        return r === 'retain-all' || (r === 'retain' && retained);
      },
      value: () => true,
      text: `removal of the SST app (${app.file})`,
    });
  }
  return out;
}

/** The writes of one transform function as Writes for a site, with its `args.type` / `name` known. */
function fromTransform(
  tw: TransformWrite[],
  option: Option,
  site: Site,
  at: ProgramFile,
  outer: Condition[],
  sst: boolean,
): Write[] {
  const token = site.path
    ? site.path.startsWith('sst.')
      ? site.path.replace(/\./g, ':')
      : canonicalType(site.path)
    : UNKNOWN;
  const name = resourceLiteral(site);
  const out: Write[] = [];
  for (const w of tw) {
    if (w.option !== option) continue;
    const params = w.fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
    // Pulumi's argument destructured, `({ type, name, opts }) => ...`: the bound names are known too
    const typeName = sst ? undefined : destructuredName(w.fn.parameters[0], 'type');
    const nameName = sst ? undefined : destructuredName(w.fn.parameters[0], 'name');
    const known: Known = (e) => {
      if (ts.isIdentifier(e) && typeName && e.text === typeName) return token;
      if (ts.isIdentifier(e) && nameName && e.text === nameName) return name;
      if (
        ts.isPropertyAccessExpression(e) &&
        ts.isIdentifier(e.expression) &&
        e.expression.text === params[0]
      ) {
        if (e.name.text === 'type' && !sst) return token;
        if (e.name.text === 'name' && !sst) return name;
      }
      if (sst && ts.isIdentifier(e) && params[2] && e.text === params[2]) return name;
      return undefined;
    };
    const conditions = [...outer, ...w.conditions];
    const value = w.value;
    const line = at.sf.getLineAndCharacterOfPosition(w.node.getStart(at.sf)).line + 1;
    out.push({
      applies: (stage) => conditionsHold(conditions, stage, at.consts, known),
      value: (stage) => (value === UNKNOWN ? UNKNOWN : asTri(evaluate(value, stage, at.consts, 0, known))),
      text: `${option} = ${value === UNKNOWN ? '...' : value.getText(at.sf)} (transform at ${at.file}:${line})`,
    });
  }
  return out;
}

/** `$transform(Type, fn)` and Pulumi's registerStackTransformation / registerResourceTransform. */
function globalTransform(
  program: TsProgram,
  pf: ProgramFile,
  call: ts.CallExpression,
): GlobalTransform | undefined {
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee)
    ? callee.text
    : ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : '';
  const conditions = conditionsOf(call);
  if (name === '$transform' && call.arguments.length >= 2) {
    const target = program.resolve(pf, call.arguments[0]!);
    const fn = functionOf(call.arguments[1], pf.consts, pf.sf);
    if (target?.kind !== 'path' || !fn) return undefined;
    return { pf, target: target.path, writes: transformWrites(fn, 1, pf.consts), conditions, sst: true };
  }
  if (
    [
      'registerStackTransformation',
      'registerStackTransform',
      'registerResourceTransform',
      'registerResourceTransformation',
    ].includes(name) &&
    call.arguments.length >= 1
  ) {
    const fn = functionOf(call.arguments[0], pf.consts, pf.sf);
    if (!fn) return undefined;
    // the older *Transformation API mutates the options object itself; the newer *Transform API
    // keeps only what the callback returns
    const inPlace = name.endsWith('Transformation') ? 'kept' : 'needs-return';
    return { pf, writes: transformWrites(fn, undefined, pf.consts, inPlace), conditions, sst: false };
  }
  return undefined;
}

function resourceLiteral(site: Site): string | typeof UNKNOWN {
  const first = site.node.arguments?.[0];
  return first && ts.isStringLiteralLike(first) ? first.text : UNKNOWN;
}

function resourceName(site: Site): string {
  const first = site.node.arguments?.[0];
  if (!first) return '(unnamed)';
  return ts.isStringLiteralLike(first) ? first.text : first.getText(site.pf.sf).slice(0, 80);
}

/** The finding for an option over the protected stages, or undefined when it is true for every one. */
function describe(
  results: (StageResult & { stage: string })[],
  option: Option,
  resource: string,
): { severity: 'error' | 'warning'; text: string } | undefined {
  const falseFor = results.filter((r) => r.value === false);
  const unknownFor = results.filter((r) => r.value === UNKNOWN);
  const list = (rs: { stage: string }[]) => rs.map((r) => `"${r.stage}"`).join(', ');
  if (falseFor.length) {
    const set = falseFor.find((r) => r.last)?.last;
    if (!set)
      return {
        severity: 'error',
        text: `${resource} is stateful and has no \`${option}: true\` in its resource options.`,
      };
    return {
      severity: 'error',
      text: `${resource}: \`${set.text}\` is not true for protected stage(s) ${list(falseFor)}.`,
    };
  }
  if (unknownFor.length) {
    const last = unknownFor.find((r) => r.last)?.last;
    if (last?.unreadable) {
      return {
        severity: 'warning',
        text: `${resource}: cannot decide \`${option}\` because the resource options are not an object literal the guard can read; make \`${option}: true\` explicit in the 3rd argument.`,
      };
    }
    return {
      severity: 'warning',
      text: `${resource}: cannot decide whether \`${last?.text ?? option}\` is true for protected stage(s) ${list(unknownFor)}; write it as \`true\` or a comparison with the stage.`,
    };
  }
  return undefined;
}
