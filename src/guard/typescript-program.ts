import ts from 'typescript';
import { finding, type Finding } from './findings.js';
import {
  ConstBindings,
  decideForStages,
  evaluate,
  unwrap,
  UNKNOWN,
  type StageDecision,
} from './stage-eval.js';
import { canonicalType, type StatefulTypes } from './stateful.js';

export interface ProgramContext {
  stateful: StatefulTypes;
  protectedStages: readonly string[];
}

export interface SourceInput {
  /** Relative to the workspace (used in findings). */
  file: string;
  text: string;
}

/**
 * Analyses one TypeScript file of a Pulumi program or an SST app with the TypeScript compiler's
 * parser. Every `new X(...)` anywhere in the file (top level, helper functions, loops, callbacks)
 * whose constructor resolves to a stateful type is checked:
 *  - Pulumi resources: `protect` and `retainOnDelete` in the options object, the 3rd argument
 *    (an object literal, or a const bound to one, spreads of such objects included);
 *  - SST components: the same 3rd argument, or a `transform` in the 2nd argument whose functions
 *    assign `opts.protect = ...` / `opts.retainOnDelete = ...`.
 * In sst.config.ts, `$config({ app() { return { removal, protect } } })` is checked too (LB003).
 */
export function analyzeTypeScript(src: SourceInput, ctx: ProgramContext): Finding[] {
  const kind = src.file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(src.file, src.text, ts.ScriptTarget.ES2022, true, kind);
  const consts = new ConstBindings(sf);
  const aliases = importAliases(sf);
  const findings: Finding[] = [];
  const lineAt = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;

  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node)) {
      const name = qualifiedName(node.expression, aliases);
      if (name && ctx.stateful.has(name)) findings.push(...checkResource(node, name));
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === '$config') {
      findings.push(...checkSstConfig(node));
    }
    ts.forEachChild(node, visit);
  };

  const checkResource = (node: ts.NewExpression, name: string): Finding[] => {
    const args = node.arguments ?? [];
    const first = args[0];
    const resName = first
      ? ts.isStringLiteralLike(first)
        ? first.text
        : first.getText(sf).slice(0, 80)
      : '(unnamed)';
    const resource = `${resName} (${name})`;
    const place = { file: src.file, line: lineAt(node) };
    const isSst = canonicalType(name).startsWith('sst.');
    const opts = args[2] ? resolveObject(args[2], consts) : null;
    const transformOpts =
      isSst && args[1] ? transformAssignments(args[1], consts) : new Map<string, ts.Expression>();
    const out: Finding[] = [];
    for (const [rule, option] of [
      ['LB001', 'protect'],
      ['LB002', 'retainOnDelete'],
    ] as const) {
      let expr: ts.Expression | undefined;
      let unreadable = false;
      if (args[2] && opts === UNKNOWN) unreadable = true;
      else if (opts && opts !== UNKNOWN) {
        const p = getProperty(opts, option, consts);
        if (p === UNKNOWN) unreadable = true;
        else expr = p;
      }
      expr ??= transformOpts.get(option);
      if (!expr) {
        if (unreadable) {
          out.push(
            finding(
              rule,
              'warning',
              resource,
              `${resource}: cannot decide \`${option}\` because the resource options are not an object literal the guard can read; make \`${option}: true\` explicit in the 3rd argument.`,
              place,
            ),
          );
        } else {
          out.push(
            finding(
              rule,
              'error',
              resource,
              `${resource} is stateful and has no \`${option}: true\` in its resource options.`,
              place,
            ),
          );
        }
        continue;
      }
      const d = decideForStages(expr, ctx.protectedStages, consts);
      const problem = describeDecision(d, option, expr.getText(sf));
      if (problem) out.push(finding(rule, problem.severity, resource, `${resource}: ${problem.text}`, place));
    }
    return out;
  };

  const checkSstConfig = (call: ts.CallExpression): Finding[] => {
    const arg = call.arguments[0];
    const cfg = arg ? resolveObject(arg, consts) : null;
    if (!cfg || cfg === UNKNOWN) return [];
    const app = cfg.properties.find((p) => propertyName(p) === 'app');
    if (!app) return [];
    const fn = ts.isMethodDeclaration(app)
      ? app
      : ts.isPropertyAssignment(app) &&
          (ts.isArrowFunction(unwrap(app.initializer)) || ts.isFunctionExpression(unwrap(app.initializer)))
        ? (unwrap(app.initializer) as ts.ArrowFunction | ts.FunctionExpression)
        : undefined;
    const resource = 'app() (sst.config.ts)';
    const appPlace = { file: src.file, line: lineAt(app) };
    if (!fn) {
      return [
        finding(
          'LB003',
          'warning',
          resource,
          'cannot read the SST app() config: write it as `app(input) { return { ... } }`.',
          appPlace,
        ),
      ];
    }
    const returned = returnedObjects(fn);
    if (returned.length === 0) {
      return [
        finding('LB003', 'warning', resource, 'cannot read the object that SST app() returns.', appPlace),
      ];
    }
    const out: Finding[] = [];
    for (const obj of returned) {
      const removal = getProperty(obj, 'removal', consts);
      if (removal === UNKNOWN) {
        out.push(
          finding('LB003', 'warning', resource, 'cannot read `removal` in the SST app config.', appPlace),
        );
      } else if (removal) {
        const place = { file: src.file, line: lineAt(removal) };
        for (const stage of ctx.protectedStages) {
          const v = evaluate(removal, stage, consts);
          if (v === UNKNOWN) {
            out.push(
              finding(
                'LB003',
                'warning',
                resource,
                `cannot decide \`removal: ${removal.getText(sf)}\` for stage "${stage}".`,
                place,
              ),
            );
          } else if (v !== 'retain' && v !== 'retain-all') {
            out.push(
              finding(
                'LB003',
                'error',
                resource,
                `SST app removal is ${JSON.stringify(v)} for protected stage "${stage}": \`sst remove\` or a stage rename deletes its data (use "retain" or "retain-all").`,
                place,
              ),
            );
          }
        }
      }
      // removal absent: SST's default is "retain"
      const protect = getProperty(obj, 'protect', consts);
      if (protect === UNKNOWN) {
        out.push(
          finding('LB003', 'warning', resource, 'cannot read `protect` in the SST app config.', appPlace),
        );
      } else if (!protect) {
        out.push(
          finding('LB003', 'error', resource, 'SST app config has no `protect` for the protected stages.', {
            file: src.file,
            line: lineAt(obj),
          }),
        );
      } else {
        const problem = describeDecision(
          decideForStages(protect, ctx.protectedStages, consts),
          'protect',
          protect.getText(sf),
        );
        if (problem) {
          out.push(
            finding('LB003', problem.severity, resource, `SST app config: ${problem.text}`, {
              file: src.file,
              line: lineAt(protect),
            }),
          );
        }
      }
    }
    return out;
  };

  visit(sf);
  return findings;
}

function describeDecision(
  d: StageDecision,
  option: string,
  text: string,
): { severity: 'error' | 'warning'; text: string } | undefined {
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  if (d.kind === 'true') return undefined;
  if (d.kind === 'false') {
    return {
      severity: 'error',
      text: `\`${option}: ${shown}\` is not true for protected stage(s) ${d.stages.map((s) => `"${s}"`).join(', ')}.`,
    };
  }
  return {
    severity: 'warning',
    text: `cannot decide whether \`${option}: ${shown}\` is true for protected stage(s) ${d.stages.map((s) => `"${s}"`).join(', ')}; write it as \`true\` or a comparison with the stage.`,
  };
}

/** Local names bound by imports of @pulumi/<pkg>[/<module>] -> their qualified prefix. */
function importAliases(sf: ts.SourceFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier) || !stmt.importClause)
      continue;
    const m = /^@pulumi\/([a-z0-9-]+)((?:\/[A-Za-z0-9]+)*)$/.exec(stmt.moduleSpecifier.text);
    if (!m) continue;
    const base = [m[1]!.replace(/-/g, ''), ...m[2]!.split('/').filter(Boolean)].join('.');
    const clause = stmt.importClause;
    if (clause.name) out.set(clause.name.text, base);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) out.set(bindings.name.text, base);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) {
        out.set(el.name.text, `${base}.${(el.propertyName ?? el.name).text}`);
      }
    }
  }
  return out;
}

/** `aws.lightsail.Instance` with the root identifier replaced by what its import names. */
function qualifiedName(expr: ts.Expression, aliases: Map<string, string>): string | undefined {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return aliases.get(e.text) ?? e.text;
  if (ts.isPropertyAccessExpression(e)) {
    const left = qualifiedName(e.expression, aliases);
    return left ? `${left}.${e.name.text}` : undefined;
  }
  return undefined;
}

function propertyName(p: ts.ObjectLiteralElementLike): string | undefined {
  const n = p.name;
  if (!n) return undefined;
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n)) return n.text;
  return undefined;
}

/** An object literal, or a const bound to one; UNKNOWN for anything else (a call, a parameter). */
function resolveObject(
  expr: ts.Expression,
  consts: ConstBindings,
  depth = 0,
): ts.ObjectLiteralExpression | typeof UNKNOWN {
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (ts.isIdentifier(e) && depth < 10) {
    const init = consts.get(e.text);
    if (init) return resolveObject(init, consts, depth + 1);
  }
  return UNKNOWN;
}

/**
 * The expression of a property of an object literal (the last one wins, spreads of resolvable
 * objects included); undefined when it is certainly absent, UNKNOWN when a spread hides it.
 */
function getProperty(
  obj: ts.ObjectLiteralExpression,
  name: string,
  consts: ConstBindings,
  depth = 0,
): ts.Expression | undefined | typeof UNKNOWN {
  let result: ts.Expression | undefined | typeof UNKNOWN;
  for (const p of obj.properties) {
    if (ts.isSpreadAssignment(p)) {
      const inner = depth < 10 ? resolveObject(p.expression, consts) : UNKNOWN;
      if (inner === UNKNOWN) result = result ?? UNKNOWN;
      else {
        const v = getProperty(inner, name, consts, depth + 1);
        if (v !== undefined) result = v;
      }
      continue;
    }
    if (propertyName(p) !== name) continue;
    if (ts.isPropertyAssignment(p)) result = p.initializer;
    else if (ts.isShorthandPropertyAssignment(p)) result = p.name;
    else result = UNKNOWN; // a getter or method named like the option
  }
  return result;
}

/** The object literals a function returns (its own return statements, not nested functions'). */
function returnedObjects(
  fn: ts.SignatureDeclaration & { body?: ts.ConciseBody },
): ts.ObjectLiteralExpression[] {
  const out: ts.ObjectLiteralExpression[] = [];
  const body = fn.body;
  if (!body) return out;
  if (!ts.isBlock(body)) {
    const e = unwrap(body);
    if (ts.isObjectLiteralExpression(e)) out.push(e);
    return out;
  }
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) {
      const e = unwrap(n.expression);
      if (ts.isObjectLiteralExpression(e)) out.push(e);
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return out;
}

/**
 * SST `transform: { <name>: (args, opts) => { opts.protect = true; ... } }` in a component's args:
 * the option expressions assigned to the 2nd parameter of any transform function.
 */
function transformAssignments(argsExpr: ts.Expression, consts: ConstBindings): Map<string, ts.Expression> {
  const out = new Map<string, ts.Expression>();
  const args = resolveObject(argsExpr, consts);
  if (args === UNKNOWN) return out;
  const transform = getProperty(args, 'transform', consts);
  if (!transform || transform === UNKNOWN) return out;
  const obj = resolveObject(transform, consts);
  if (obj === UNKNOWN) return out;
  for (const p of obj.properties) {
    let fn: ts.Node | undefined;
    if (ts.isPropertyAssignment(p)) fn = unwrap(p.initializer);
    else if (ts.isMethodDeclaration(p)) fn = p;
    if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)))
      continue;
    const optsParam = fn.parameters[1];
    if (!optsParam || !ts.isIdentifier(optsParam.name)) continue;
    const optsName = optsParam.name.text;
    const visit = (n: ts.Node): void => {
      if (
        ts.isBinaryExpression(n) &&
        n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(n.left) &&
        ts.isIdentifier(n.left.expression) &&
        n.left.expression.text === optsName
      ) {
        out.set(n.left.name.text, n.right);
      }
      ts.forEachChild(n, visit);
    };
    if (fn.body) visit(fn.body);
  }
  return out;
}
