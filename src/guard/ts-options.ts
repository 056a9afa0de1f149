import ts from 'typescript';
import { conditionsOf, type Condition } from './ts-conditions.js';
import { UNKNOWN, unwrap, type ConstBindings } from './stage-eval.js';

/** The objects a resource-options expression is made of, in order; UNKNOWN where one cannot be read. */
export type OptionObjects = (ts.ObjectLiteralExpression | typeof UNKNOWN)[];

export function propertyName(p: ts.ObjectLiteralElementLike): string | undefined {
  const n = p.name;
  if (!n) return undefined;
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n)) return n.text;
  return undefined;
}

function calleeName(call: ts.CallExpression): string {
  const c = unwrap(call.expression);
  if (ts.isIdentifier(c)) return c.text;
  if (ts.isPropertyAccessExpression(c)) return c.name.text;
  return '';
}

/**
 * An options expression as objects: an object literal, a const bound to one, or
 * `pulumi.mergeOptions(a, b)` (a's objects, then b's). Anything else (a call, a parameter) is one
 * UNKNOWN object.
 */
export function optionObjects(expr: ts.Expression, consts: ConstBindings, depth = 0): OptionObjects {
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) return [e];
  if (depth < 10 && ts.isIdentifier(e)) {
    const init = consts.get(e.text);
    if (init) return optionObjects(init, consts, depth + 1);
  }
  if (depth < 10 && ts.isCallExpression(e) && calleeName(e) === 'mergeOptions') {
    return e.arguments.flatMap((a) => optionObjects(a, consts, depth + 1));
  }
  return [UNKNOWN];
}

/** An object literal, or a const bound to one; UNKNOWN for anything else. */
export function resolveObject(
  expr: ts.Expression,
  consts: ConstBindings,
): ts.ObjectLiteralExpression | typeof UNKNOWN {
  const objs = optionObjects(expr, consts);
  return objs.length === 1 ? objs[0]! : UNKNOWN;
}

/**
 * The expression of a property across objects (the last one wins, spreads of resolvable objects
 * included); undefined when it is certainly absent, UNKNOWN when an unreadable object or spread
 * before any value hides it.
 */
export function getOption(
  objs: OptionObjects,
  name: string,
  consts: ConstBindings,
  depth = 0,
): ts.Expression | undefined | typeof UNKNOWN {
  let result: ts.Expression | undefined | typeof UNKNOWN;
  for (const obj of objs) {
    if (obj === UNKNOWN) {
      result = result ?? UNKNOWN;
      continue;
    }
    for (const p of obj.properties) {
      if (ts.isSpreadAssignment(p)) {
        const inner: OptionObjects = depth < 10 ? optionObjects(p.expression, consts) : [UNKNOWN];
        const v = getOption(inner, name, consts, depth + 1);
        if (v === UNKNOWN) result = result ?? UNKNOWN;
        else if (v !== undefined) result = v;
        continue;
      }
      if (propertyName(p) !== name) continue;
      if (ts.isPropertyAssignment(p)) result = p.initializer;
      else if (ts.isShorthandPropertyAssignment(p)) result = p.name;
      else result = UNKNOWN; // a getter or method named like the option
    }
  }
  return result;
}

/** A function written inline, or a const / function declaration it names. */
export function functionOf(
  expr: ts.Expression | undefined,
  consts: ConstBindings,
  sf: ts.SourceFile,
): ts.FunctionLikeDeclaration | undefined {
  if (!expr) return undefined;
  const e = unwrap(expr);
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return e;
  if (ts.isIdentifier(e)) {
    const init = consts.get(e.text);
    if (init) return functionOf(init, consts, sf);
    for (const s of sf.statements) {
      if (ts.isFunctionDeclaration(s) && s.name?.text === e.text && s.body) return s;
    }
  }
  return undefined;
}

/**
 * What becomes of `opts.protect = v` written in place when the callback returns `undefined`: kept
 * (SST's `$transform` and components, Pulumi's `registerStackTransformation` and `transformations`,
 * which hand the callback the options object itself) or lost (Pulumi's `transforms`,
 * `registerStackTransform`, `registerResourceTransform`: the engine takes only the returned value,
 * sdk/nodejs/runtime/callbacks.ts).
 */
export type InPlaceWrites = 'kept' | 'needs-return';

/** One assignment of a resource option inside a transform, and the control flow it runs under. */
export interface TransformWrite {
  option: string;
  value: ts.Expression | typeof UNKNOWN;
  conditions: Condition[];
  fn: ts.FunctionLikeDeclaration;
  node: ts.Node;
}

/**
 * The local name bound to property `key` of a destructured parameter (`({ type, opts }) => ...`,
 * `({ type: t }) => ...`), as Pulumi's own transforms are written; undefined when the parameter
 * is not an object pattern or does not take that property.
 */
export function destructuredName(p: ts.ParameterDeclaration | undefined, key: string): string | undefined {
  if (!p || !ts.isObjectBindingPattern(p.name)) return undefined;
  for (const el of p.name.elements) {
    if (el.dotDotDotToken || !ts.isIdentifier(el.name)) continue;
    const prop = el.propertyName ?? el.name;
    if ((ts.isIdentifier(prop) || ts.isStringLiteral(prop)) && prop.text === key) return el.name.text;
  }
  return undefined;
}

/**
 * What a transform function sets: `opts.protect = v` on its options parameter (SST's
 * `(args, opts) => ...`, `optsParam` 1), `args.opts.protect = v` on Pulumi's transformation
 * argument (or `opts.protect = v` when that argument is destructured, `({ type, props, opts })`),
 * and `return { props, opts: { ...args.opts, protect: v } }` /
 * `opts: pulumi.mergeOptions(args.opts, { protect: v })`. Each write keeps the conditions it runs
 * under inside the function (an `if` on the stage, an early return), so that a transform that
 * protects only outside production does not count for production. Invariant: an assignment in
 * place counts only where it reaches the engine (`inPlace` 'kept', or a callback that returns a
 * value), never a write the engine drops.
 */
export function transformWrites(
  fn: ts.FunctionLikeDeclaration,
  optsParam: number | undefined,
  consts: ConstBindings,
  inPlace: InPlaceWrites = 'kept',
): TransformWrite[] {
  const out: TransformWrite[] = [];
  const assigned: TransformWrite[] = [];
  let returnsValue = false;
  const body = fn.body;
  if (!body) return out;
  const param = (i: number | undefined) => {
    const p = i === undefined ? undefined : fn.parameters[i];
    return p && ts.isIdentifier(p.name) ? p.name.text : undefined;
  };
  // Pulumi's single argument may be destructured: `({ type, props, opts }) => ...`
  const optsName = optsParam === undefined ? destructuredName(fn.parameters[0], 'opts') : param(optsParam);
  const argsName = param(0);
  const isOptsRef = (e: ts.Expression): boolean => {
    const x = unwrap(e);
    if (optsName && ts.isIdentifier(x) && x.text === optsName) return true;
    return (
      !!argsName &&
      ts.isPropertyAccessExpression(x) &&
      x.name.text === 'opts' &&
      ts.isIdentifier(x.expression) &&
      x.expression.text === argsName
    );
  };
  const add = (option: string, value: ts.Expression | typeof UNKNOWN, node: ts.Node) =>
    out.push({ option, value, conditions: conditionsOf(node, body), fn, node });
  const visit = (n: ts.Node): void => {
    if (n !== body && ts.isFunctionLike(n)) return; // a nested function runs elsewhere
    if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(n.left) &&
      isOptsRef(n.left.expression)
    ) {
      assigned.push({
        option: n.left.name.text,
        value: n.right,
        conditions: conditionsOf(n, body),
        fn,
        node: n,
      });
    }
    if (ts.isReturnStatement(n) && n.expression) {
      if (!isUndefined(n.expression)) returnsValue = true;
      returned(n.expression, n);
    }
    ts.forEachChild(n, visit);
  };
  const returned = (expr: ts.Expression, node: ts.Node) => {
    const ret = unwrap(expr);
    if (!ts.isObjectLiteralExpression(ret)) return;
    const opts = getOption([ret], 'opts', consts);
    if (!opts || opts === UNKNOWN) return;
    const objs = optionObjects(opts, consts);
    for (const option of ['protect', 'retainOnDelete']) {
      const v = getOption(objs, option, consts);
      // what comes from `args.opts` (mergeOptions(args.opts, {...}), a spread) passes through: no write
      if (v !== undefined && v !== UNKNOWN) add(option, v, node);
    }
  };
  if (ts.isBlock(body)) ts.forEachChild(body, visit);
  else {
    if (!isUndefined(body)) returnsValue = true;
    returned(body, body);
    visit(body);
  }
  // the engine's transforms send back only what the callback returns: `undefined` keeps the
  // original options, and what was assigned to them in place is lost
  if (inPlace === 'kept' || returnsValue) out.push(...assigned);
  return out;
}

/** `undefined`, `void 0`: a transform's "no change". */
function isUndefined(e: ts.Expression): boolean {
  const x = unwrap(e);
  return (ts.isIdentifier(x) && x.text === 'undefined') || ts.isVoidExpression(x);
}
