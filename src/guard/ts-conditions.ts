import ts from 'typescript';
import { evaluate, UNKNOWN, type ConstBindings, type Known, type Value } from './stage-eval.js';

/** Three-valued: certainly true, certainly false, or not decidable statically. */
export type Tri = true | false | typeof UNKNOWN;

/**
 * A condition under which a piece of code runs: `expr` must evaluate to `want` (an `if`, a `?:`,
 * an `&&`, an early `return`/`throw`/`continue` before it), or a `switch` case: `expr === equals`.
 */
export interface Condition {
  expr: ts.Expression;
  want: boolean;
  equals?: ts.Expression;
}

/** A statement after which the code that follows it in the same block does not run. */
function exits(s: ts.Statement): boolean {
  if (
    ts.isReturnStatement(s) ||
    ts.isThrowStatement(s) ||
    ts.isContinueStatement(s) ||
    ts.isBreakStatement(s)
  )
    return true;
  if (ts.isBlock(s)) return s.statements.length > 0 && exits(s.statements[s.statements.length - 1]!);
  if (ts.isIfStatement(s)) return !!s.elseStatement && exits(s.thenStatement) && exits(s.elseStatement);
  return false;
}

/**
 * The conditions under which `node` runs, from its own position up to (not including) `stop`:
 * enclosing `if` branches, `?:` branches, the right side of `&&` / `||`, `switch` cases, and the
 * early exits before it in each enclosing block (`if (c) return;` means what follows runs only
 * when `c` is false). Invariant: only control flow is read; a loop body is assumed to run.
 */
export function conditionsOf(node: ts.Node, stop?: ts.Node): Condition[] {
  const out: Condition[] = [];
  let child: ts.Node = node;
  for (let parent = node.parent; parent && child !== stop; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent)) {
      if (child === parent.thenStatement) out.push({ expr: parent.expression, want: true });
      else if (child === parent.elseStatement) out.push({ expr: parent.expression, want: false });
    } else if (ts.isConditionalExpression(parent)) {
      if (child === parent.whenTrue) out.push({ expr: parent.condition, want: true });
      else if (child === parent.whenFalse) out.push({ expr: parent.condition, want: false });
    } else if (ts.isBinaryExpression(parent) && child === parent.right) {
      const op = parent.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) out.push({ expr: parent.left, want: true });
      else if (op === ts.SyntaxKind.BarBarToken) out.push({ expr: parent.left, want: false });
    } else if (
      ts.isCaseClause(parent) &&
      parent.parent?.parent &&
      ts.isSwitchStatement(parent.parent.parent)
    ) {
      out.push({ expr: parent.parent.parent.expression, want: true, equals: parent.expression });
    }
    if (
      ts.isBlock(parent) ||
      ts.isSourceFile(parent) ||
      ts.isCaseClause(parent) ||
      ts.isDefaultClause(parent)
    ) {
      for (const s of parent.statements) {
        if (s === child) break;
        if (!ts.isIfStatement(s)) continue;
        if (exits(s.thenStatement) && !s.elseStatement) out.push({ expr: s.expression, want: false });
        else if (s.elseStatement && exits(s.elseStatement) && !exits(s.thenStatement)) {
          out.push({ expr: s.expression, want: true });
        }
      }
    }
  }
  return out;
}

function truthy(v: Value): boolean {
  return Array.isArray(v) ? true : Boolean(v);
}

/** Whether all the conditions hold for a stage. */
export function conditionsHold(
  conditions: readonly Condition[],
  stage: string,
  consts: ConstBindings,
  known?: Known,
): Tri {
  let result: Tri = true;
  for (const c of conditions) {
    const v = evaluate(c.expr, stage, consts, 0, known);
    if (v === UNKNOWN) {
      result = UNKNOWN;
      continue;
    }
    let holds: boolean;
    if (c.equals) {
      const w = evaluate(c.equals, stage, consts, 0, known);
      if (w === UNKNOWN || Array.isArray(w) || Array.isArray(v)) {
        result = UNKNOWN;
        continue;
      }
      holds = v === w;
    } else holds = truthy(v) === c.want;
    if (!holds) return false;
  }
  return result;
}

/** An option value read as a boolean: only `true` protects; false, null and undefined do not. */
export function asTri(v: Value): Tri {
  if (v === true) return true;
  if (v === false || v === null || v === undefined) return false;
  return UNKNOWN;
}
