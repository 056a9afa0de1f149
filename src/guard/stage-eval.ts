import ts from 'typescript';

/** The value of an expression that cannot be decided statically. */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Value = string | number | boolean | null | undefined | Value[] | typeof UNKNOWN;

/** Const bindings of a source file (name -> initializer); a name bound twice is ambiguous. */
export class ConstBindings {
  private readonly map = new Map<string, ts.Expression | null>();

  constructor(sf: ts.SourceFile) {
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclarationList(node) && node.flags & ts.NodeFlags.Const) {
        for (const d of node.declarations) {
          if (ts.isIdentifier(d.name) && d.initializer) {
            const name = d.name.text;
            this.map.set(name, this.map.has(name) ? null : d.initializer);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  /** The initializer of a const; null when the name is bound more than once, undefined when never. */
  get(name: string): ts.Expression | null | undefined {
    return this.map.get(name);
  }
}

export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e))
      e = e.expression;
    else if (ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
    else return e;
  }
}

/**
 * Is this expression "the stage"? `$app.stage`, `input?.stage`, any `<x>.stage`, a free identifier
 * `stage`, and `pulumi.getStack()` / `getStack()`.
 */
function isStageReference(e: ts.Expression, consts: ConstBindings): boolean {
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'stage') return true;
  if (ts.isIdentifier(e) && e.text === 'stage' && consts.get('stage') === undefined) return true;
  if (ts.isCallExpression(e) && e.arguments.length === 0) {
    const callee = unwrap(e.expression);
    if (ts.isIdentifier(callee) && callee.text === 'getStack') return true;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'getStack') return true;
  }
  return false;
}

/**
 * Values the caller knows for some expressions (a transform's `args.type`): consulted first;
 * undefined leaves the expression to the rules below.
 */
export type Known = (e: ts.Expression) => Value | undefined;

/**
 * Evaluates an expression for one stage: literals, template strings, `===`/`!==`/`==`/`!=`, `!`,
 * `&&`, `||`, `??`, `?:`, array literals and strings with `.includes(x)`, `.startsWith(x)`,
 * `.endsWith(x)`, consts bound to such expressions, stage references, and SST's `$dev` (false: a
 * deploy is never `sst dev`). Anything else (a function call, process.env, a parameter) is UNKNOWN.
 */
export function evaluate(
  expr: ts.Expression,
  stage: string,
  consts: ConstBindings,
  depth = 0,
  known?: Known,
): Value {
  if (depth > 20) return UNKNOWN;
  const e = unwrap(expr);
  const ev = (x: ts.Expression) => evaluate(x, stage, consts, depth + 1, known);
  const given = known?.(e);
  if (given !== undefined) return given;
  if (isStageReference(e, consts)) return stage;
  if (ts.isIdentifier(e) && e.text === '$dev' && consts.get('$dev') === undefined) return false;
  if (ts.isTemplateExpression(e)) {
    let out = e.head.text;
    for (const span of e.templateSpans) {
      const v = ev(span.expression);
      if (v === UNKNOWN || Array.isArray(v)) return UNKNOWN;
      out += String(v) + span.literal.text;
    }
    return out;
  }
  switch (e.kind) {
    case ts.SyntaxKind.TrueKeyword:
      return true;
    case ts.SyntaxKind.FalseKeyword:
      return false;
    case ts.SyntaxKind.NullKeyword:
      return null;
  }
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isIdentifier(e)) {
    if (e.text === 'undefined') return undefined;
    const init = consts.get(e.text);
    return init ? ev(init) : UNKNOWN;
  }
  if (ts.isArrayLiteralExpression(e)) {
    const out: Value[] = [];
    for (const el of e.elements) {
      if (ts.isSpreadElement(el)) return UNKNOWN;
      out.push(ev(el));
    }
    return out;
  }
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    const v = ev(e.operand);
    return v === UNKNOWN || Array.isArray(v) ? (Array.isArray(v) ? false : UNKNOWN) : !v;
  }
  if (ts.isConditionalExpression(e)) {
    const c = ev(e.condition);
    if (c === UNKNOWN) return UNKNOWN;
    return truthy(c) ? ev(e.whenTrue) : ev(e.whenFalse);
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    const l = ev(e.left);
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) {
      if (l === UNKNOWN) return ev(e.right) === false ? false : UNKNOWN;
      return truthy(l) ? ev(e.right) : l;
    }
    if (op === ts.SyntaxKind.BarBarToken) {
      if (l === UNKNOWN) return ev(e.right) === true ? true : UNKNOWN;
      return truthy(l) ? l : ev(e.right);
    }
    if (op === ts.SyntaxKind.QuestionQuestionToken) {
      if (l === UNKNOWN) return UNKNOWN;
      return l === null || l === undefined ? ev(e.right) : l;
    }
    const r = ev(e.right);
    if (l === UNKNOWN || r === UNKNOWN || Array.isArray(l) || Array.isArray(r)) return UNKNOWN;
    switch (op) {
      case ts.SyntaxKind.EqualsEqualsEqualsToken:
        return l === r;
      case ts.SyntaxKind.ExclamationEqualsEqualsToken:
        return l !== r;
      case ts.SyntaxKind.EqualsEqualsToken:
        return l == r;
      case ts.SyntaxKind.ExclamationEqualsToken:
        return l != r;
    }
    return UNKNOWN;
  }
  if (ts.isCallExpression(e)) {
    const callee = unwrap(e.expression);
    if (
      ts.isPropertyAccessExpression(callee) &&
      ['includes', 'startsWith', 'endsWith'].includes(callee.name.text) &&
      e.arguments.length === 1
    ) {
      const method = callee.name.text;
      const list = ev(callee.expression);
      const item = ev(e.arguments[0]!);
      if (item === UNKNOWN) return UNKNOWN;
      if (typeof list === 'string' && typeof item === 'string') {
        if (method === 'startsWith') return list.startsWith(item);
        if (method === 'endsWith') return list.endsWith(item);
        return list.includes(item);
      }
      if (method !== 'includes' || !Array.isArray(list) || list.includes(UNKNOWN)) return UNKNOWN;
      return list.includes(item);
    }
  }
  return UNKNOWN;
}

function truthy(v: Value): boolean {
  return Array.isArray(v) ? true : Boolean(v);
}

export type StageDecision =
  { kind: 'true' } | { kind: 'false'; stages: string[] } | { kind: 'unknown'; stages: string[] };

/** Decides whether an option expression is true for every protected stage. */
export function decideForStages(
  expr: ts.Expression,
  stages: readonly string[],
  consts: ConstBindings,
): StageDecision {
  const falseFor: string[] = [];
  const unknownFor: string[] = [];
  for (const stage of stages) {
    const v = evaluate(expr, stage, consts);
    if (v === UNKNOWN) unknownFor.push(stage);
    else if (v !== true) falseFor.push(stage);
  }
  if (falseFor.length) return { kind: 'false', stages: falseFor };
  if (unknownFor.length) return { kind: 'unknown', stages: unknownFor };
  return { kind: 'true' };
}
