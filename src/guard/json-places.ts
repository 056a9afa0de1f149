import ts from 'typescript';

/**
 * Where the elements of a JSON document's top-level arrays start, for annotations only: the
 * values come from JSON.parse; this finds the line to point at. The text is parsed once, with
 * the TypeScript compiler's JSON parser, and only when a place is asked for (a clean preview of
 * any size costs nothing more than JSON.parse). Invariant: one linear parse per document, and
 * each lookup is a binary search over line starts, so N findings in a text of size S cost
 * O(S + N log S) — never a re-scan of the text from its start per finding.
 */
export class JsonPlaces {
  private sf?: ts.JsonSourceFile;
  private root?: ts.ObjectLiteralExpression | null;

  constructor(
    private readonly text: string,
    private readonly fileName: string,
  ) {}

  private top(): ts.ObjectLiteralExpression | null {
    if (this.root === undefined) {
      this.sf = ts.parseJsonText(this.fileName, this.text);
      const first = this.sf.statements[0]?.expression;
      this.root = first && ts.isObjectLiteralExpression(first) ? first : null;
    }
    return this.root;
  }

  private lineAt(node: ts.Node): number {
    return this.sf!.getLineAndCharacterOfPosition(node.getStart(this.sf)).line + 1;
  }

  private property(obj: ts.ObjectLiteralExpression, key: string): ts.PropertyAssignment | undefined {
    for (const p of obj.properties) {
      if (ts.isPropertyAssignment(p) && ts.isStringLiteral(p.name) && p.name.text === key) return p;
    }
    return undefined;
  }

  /** The line of a top-level property, or 1. */
  topLevel(key: string): number {
    const root = this.top();
    const p = root ? this.property(root, key) : undefined;
    return p ? this.lineAt(p) : 1;
  }

  /**
   * The line of `key` inside element `index` of the top-level array `array` (the element's own
   * line when it has no such key), or 1 when the document has no such element.
   */
  element(array: string, index: number, key: string): number {
    const root = this.top();
    const p = root ? this.property(root, array) : undefined;
    if (!p || !ts.isArrayLiteralExpression(p.initializer)) return 1;
    const el = p.initializer.elements[index];
    if (!el) return 1;
    const inner = ts.isObjectLiteralExpression(el) ? this.property(el, key) : undefined;
    return this.lineAt(inner ?? el);
  }
}
