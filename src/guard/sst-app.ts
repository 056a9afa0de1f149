import ts from 'typescript';
import { finding, type Finding } from './findings.js';
import { conditionsHold, conditionsOf } from './ts-conditions.js';
import { getOption, propertyName, resolveObject } from './ts-options.js';
import type { ProgramFile } from './ts-modules.js';
import { evaluate, unwrap, UNKNOWN, type Value } from './stage-eval.js';

/** SST's default `removal` when app() does not set one. */
export const SST_DEFAULT_REMOVAL = 'retain';

/** One object app() returns, and the protected stages it is returned for. */
interface AppReturn {
  obj: ts.ObjectLiteralExpression;
  /** Returned for these stages whatever else holds. */
  certain: string[];
  /** Returned for these stages only if a condition the guard cannot decide holds. */
  maybe: string[];
}

export interface SstApp {
  file: string;
  /** `removal` for a stage: "retain", "retain-all", "remove", or UNKNOWN. */
  removal(stage: string): Value;
  /** LB003: removal and protect of the app config for every protected stage. */
  findings: Finding[];
}

type AppFunction = ts.MethodDeclaration | ts.ArrowFunction | ts.FunctionExpression;

/**
 * The `$config({ app(input) { ... } })` of an sst.config.ts, judged per stage: each protected
 * stage is given the object that app() returns for it, following its early returns
 * (`if (input.stage === "production") return { ... }`). Invariant: an object returned for a
 * stage only under a condition the guard cannot decide yields warnings, never errors, and never
 * counts as protection.
 */
export function readSstApp(pf: ProgramFile, stages: readonly string[]): SstApp | undefined {
  let call: ts.CallExpression | undefined;
  const find = (n: ts.Node): void => {
    if (!call && ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === '$config')
      call = n;
    else ts.forEachChild(n, find);
  };
  find(pf.sf);
  if (!call) return undefined;
  const { consts, file } = pf;
  const lineAt = (node: ts.Node) => pf.sf.getLineAndCharacterOfPosition(node.getStart(pf.sf)).line + 1;
  const resource = 'app() (sst.config.ts)';
  const findings: Finding[] = [];
  const arg = call.arguments[0];
  const cfg = arg ? resolveObject(arg, consts) : UNKNOWN;
  const app = cfg === UNKNOWN ? undefined : cfg.properties.find((p) => propertyName(p) === 'app');
  const fn: AppFunction | undefined = !app
    ? undefined
    : ts.isMethodDeclaration(app)
      ? app
      : ts.isPropertyAssignment(app) &&
          (ts.isArrowFunction(unwrap(app.initializer)) || ts.isFunctionExpression(unwrap(app.initializer)))
        ? (unwrap(app.initializer) as ts.ArrowFunction | ts.FunctionExpression)
        : undefined;
  if (app && !fn) {
    findings.push(
      finding(
        'LB003',
        'warning',
        resource,
        'cannot read the SST app() config: write it as `app(input) { return { ... } }`.',
        { file, line: lineAt(app) },
      ),
    );
  }
  const returns = fn ? appReturns(fn, stages, pf) : [];
  if (fn && returns.length === 0) {
    findings.push(
      finding('LB003', 'warning', resource, 'cannot read the object that SST app() returns.', {
        file,
        line: lineAt(app!),
      }),
    );
  }
  for (const r of returns) {
    const judged = [...r.certain, ...r.maybe];
    const severityFor = (stage: string) => (r.certain.includes(stage) ? 'error' : 'warning');
    const removal = getOption([r.obj], 'removal', consts);
    const unreadable = (option: string) =>
      findings.push(
        finding('LB003', 'warning', resource, `cannot read \`${option}\` in the SST app config.`, {
          file,
          line: lineAt(r.obj),
        }),
      );
    if (removal === UNKNOWN) unreadable('removal');
    else if (removal) {
      for (const stage of judged) {
        const v = evaluate(removal, stage, consts);
        const place = { file, line: lineAt(removal) };
        if (v === UNKNOWN) {
          findings.push(
            finding(
              'LB003',
              'warning',
              resource,
              `cannot decide \`removal: ${removal.getText(pf.sf)}\` for stage "${stage}".`,
              place,
            ),
          );
        } else if (v !== 'retain' && v !== 'retain-all') {
          findings.push(
            finding(
              'LB003',
              severityFor(stage),
              resource,
              `SST app removal is ${JSON.stringify(v)} for protected stage "${stage}": \`sst remove\` or a stage rename deletes its data (use "retain" or "retain-all").`,
              place,
            ),
          );
        }
      }
    }
    const protect = getOption([r.obj], 'protect', consts);
    if (protect === UNKNOWN) unreadable('protect');
    else if (!protect) {
      const severity = r.certain.length > 0 ? 'error' : 'warning';
      findings.push(
        finding('LB003', severity, resource, 'SST app config has no `protect` for the protected stages.', {
          file,
          line: lineAt(r.obj),
        }),
      );
    } else {
      const falseFor = judged.filter(
        (s) => evaluate(protect, s, consts) !== true && evaluate(protect, s, consts) !== UNKNOWN,
      );
      const unknownFor = judged.filter((s) => evaluate(protect, s, consts) === UNKNOWN);
      const shown = protect.getText(pf.sf);
      const place = { file, line: lineAt(protect) };
      if (falseFor.length) {
        const severity = falseFor.some((s) => r.certain.includes(s)) ? 'error' : 'warning';
        findings.push(
          finding(
            'LB003',
            severity,
            resource,
            `SST app config: \`protect: ${shown}\` is not true for protected stage(s) ${falseFor.map((s) => `"${s}"`).join(', ')}.`,
            place,
          ),
        );
      } else if (unknownFor.length) {
        findings.push(
          finding(
            'LB003',
            'warning',
            resource,
            `SST app config: cannot decide whether \`protect: ${shown}\` is true for protected stage(s) ${unknownFor.map((s) => `"${s}"`).join(', ')}; write it as \`true\` or a comparison with the stage.`,
            place,
          ),
        );
      }
    }
  }
  const removal = (stage: string): Value => {
    if (!fn || returns.length === 0) return app ? UNKNOWN : SST_DEFAULT_REMOVAL;
    const mine = returns.filter((r) => r.certain.includes(stage) || r.maybe.includes(stage));
    const values = mine.map((r) => {
      const e = getOption([r.obj], 'removal', consts);
      return e === UNKNOWN ? UNKNOWN : e ? evaluate(e, stage, consts) : SST_DEFAULT_REMOVAL;
    });
    if (values.length === 0) return UNKNOWN;
    const certain = mine.length === 1 && mine[0]!.certain.includes(stage);
    return certain || values.every((v) => v === values[0]) ? values[0]! : UNKNOWN;
  };
  return { file, removal, findings };
}

/** The objects app() returns, each with the stages it is returned for (its own returns, in order). */
function appReturns(fn: AppFunction, stages: readonly string[], pf: ProgramFile): AppReturn[] {
  const body = fn.body;
  if (!body) return [];
  const returns: { obj: ts.ObjectLiteralExpression; node: ts.Node }[] = [];
  let unreadable = false;
  if (!ts.isBlock(body)) {
    const obj = resolveObject(body, pf.consts);
    if (obj === UNKNOWN) return [];
    returns.push({ obj, node: body });
  } else {
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionLike(n)) return;
      if (ts.isReturnStatement(n) && n.expression) {
        const obj = resolveObject(n.expression, pf.consts);
        if (obj === UNKNOWN) unreadable = true;
        else returns.push({ obj, node: n });
      }
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(body, visit);
  }
  if (unreadable && returns.length === 0) return [];
  const out = returns.map((r) => ({
    obj: r.obj,
    node: r.node,
    certain: [] as string[],
    maybe: [] as string[],
  }));
  for (const stage of stages) {
    let decided = false;
    for (const r of out) {
      const holds = conditionsHold(conditionsOf(r.node, body), stage, pf.consts);
      if (holds === false) continue;
      if (holds === true && !decided) {
        r.certain.push(stage);
        break;
      }
      r.maybe.push(stage);
      if (holds === true) break;
      decided = true; // an earlier return may have been taken: later ones are only maybe
    }
  }
  return out.filter((r) => r.certain.length + r.maybe.length > 0);
}
