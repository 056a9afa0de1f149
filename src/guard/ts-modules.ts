import { posix } from 'node:path';
import ts from 'typescript';
import { isProgramSource } from './discover.js';
import { finding, type Finding } from './findings.js';
import type { ReadResult } from './read-input.js';
import { ConstBindings, unwrap } from './stage-eval.js';

/** What the program reads files through: the workspace's listing and its texts. */
export interface ProgramHost {
  /** Every readable file of the workspace (relative, posix), skipped ones excluded. */
  files: ReadonlySet<string>;
  read(file: string): ReadResult;
}

export interface ProgramFile {
  file: string;
  sf: ts.SourceFile;
  consts: ConstBindings;
}

/**
 * What a name in the program stands for: a path into a provider package (`aws.s3.Bucket`,
 * `sst.aws.Bucket`), a local module (`import * as infra from './infra'`), or a class declared in
 * the program (a ComponentResource whose children may inherit its options).
 */
export type Resolved =
  | { kind: 'path'; path: string }
  | { kind: 'module'; file: string }
  | { kind: 'class'; file: string; decl: ts.ClassLikeDeclaration };

const CODE_EXT = /\.([cm]?[jt]sx?)$/;
const JS_EXT = /\.(js|mjs|cjs|jsx)$/;

/** `@pulumi/aws` -> aws, `@pulumi/aws/s3` -> aws.s3, `@pulumiverse/x` -> x; undefined for other packages. */
export function providerPath(spec: string): string | undefined {
  const m = /^@(?:pulumi|pulumiverse|sst-provider)\/([a-z0-9-]+)((?:\/[A-Za-z0-9]+)*)$/.exec(spec);
  if (!m) return undefined;
  return [m[1]!, ...m[2]!.split('/').filter(Boolean)].join('.');
}

/**
 * The TypeScript files of one program: its roots and every file they import, followed the way the
 * TypeScript program itself loads them — static imports, re-exports, `import x = require()`,
 * `require()`, and dynamic `import()` (a literal path; a template `./infra/${f}` or a
 * `readdirSync('./infra')` in the same file brings every source of that folder). Invariant: an
 * import the guard cannot follow (a missing file, built JavaScript, a computed path) is an LB007
 * finding at the import, never a silent gap.
 */
export class TsProgram {
  readonly files = new Map<string, ProgramFile>();
  readonly findings: Finding[] = [];
  private readonly exportCache = new Map<string, Resolved | undefined>();
  private readonly destructuredCache = new Map<
    ProgramFile,
    Map<string, { from: ts.Expression; key: string } | null>
  >();

  constructor(
    private readonly host: ProgramHost,
    roots: readonly string[],
  ) {
    const queue = [...roots];
    while (queue.length) {
      const file = queue.shift()!;
      if (this.files.has(file)) continue;
      const pf = this.parse(file);
      if (!pf) continue;
      this.files.set(file, pf);
      for (const next of this.imports(pf)) if (!this.files.has(next)) queue.push(next);
    }
  }

  private parse(file: string): ProgramFile | undefined {
    const read = this.host.read(file);
    if (!read.ok) {
      this.findings.push(
        finding('LB007', 'error', file, `cannot read ${file} (${read.reason}): it was not checked.`, {
          file,
        }),
      );
      return undefined;
    }
    const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const sf = ts.createSourceFile(file, read.text, ts.ScriptTarget.ES2022, true, kind);
    return { file, sf, consts: new ConstBindings(sf) };
  }

  private lineOf(pf: ProgramFile, node: ts.Node): number {
    return pf.sf.getLineAndCharacterOfPosition(node.getStart(pf.sf)).line + 1;
  }

  /**
   * A relative module specifier resolved to a program source, or why it cannot be. `missing`: no
   * such file in the checkout (generated code, or a broken import that fails the deploy itself).
   */
  resolveModule(
    from: string,
    spec: string,
  ): { file: string } | { error: string; missing?: boolean } | undefined {
    if (!spec.startsWith('./') && !spec.startsWith('../')) return undefined; // a package: not the program's own code
    const base = posix.normalize(posix.join(posix.dirname(from), spec));
    if (base.startsWith('../')) return { error: `it is outside the workspace (${base})` };
    if (CODE_EXT.test(base) === false && /\.[a-z0-9]+$/i.test(base) && this.host.files.has(base))
      return undefined; // json, css, sql: data
    const stem = base.replace(/\.(js|mjs|cjs|jsx)$/, '');
    const candidates = [
      ...(JS_EXT.test(base) ? [`${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`] : []),
      base,
      `${base}.ts`,
      `${base}.tsx`,
      `${base}.mts`,
      `${base}.cts`,
      `${base}/index.ts`,
      `${base}/index.tsx`,
    ];
    for (const c of candidates) {
      if (this.host.files.has(c) && /\.[cm]?tsx?$/.test(c) && !/\.d\.[cm]?ts$/.test(c)) return { file: c };
    }
    // declarations only (sst-env.d.ts): types, nothing that runs
    if ([`${stem}.d.ts`, `${base}.d.ts`, `${base}/index.d.ts`].some((c) => this.host.files.has(c)))
      return undefined;
    for (const c of [base, `${base}.js`, `${base}.mjs`, `${base}/index.js`]) {
      if (this.host.files.has(c) && JS_EXT.test(c))
        return { error: `it is JavaScript (${c}), which the guard does not read` };
    }
    return { error: 'no such file in the workspace', missing: true };
  }

  /** The program sources directly in a folder (not below it). */
  private sourcesIn(dir: string): string[] {
    const prefix = dir === '.' || dir === '' ? '' : `${dir.replace(/\/$/, '')}/`;
    return [...this.host.files].filter(
      (f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/') && isProgramSource(f),
    );
  }

  /** The files a file imports, following every form above; LB007 findings for those it cannot follow. */
  private imports(pf: ProgramFile): string[] {
    const out: string[] = [];
    const readDirs: string[] = [];
    const dynamic: ts.Node[] = [];
    const follow = (spec: string, at: ts.Node) => {
      const r = this.resolveModule(pf.file, spec);
      if (!r) return;
      if ('file' in r) {
        if (isProgramSource(r.file)) out.push(r.file);
        return;
      }
      // a missing module fails the deploy itself (a warning); one that exists and cannot be read is a violation
      this.findings.push(
        finding(
          'LB007',
          'missing' in r && r.missing ? 'warning' : 'error',
          `${pf.file} import ${spec}`,
          `${pf.file} imports ${spec}, which the guard cannot read: ${r.error}. The resources made there were not checked.`,
          { file: pf.file, line: this.lineOf(pf, at) },
        ),
      );
    };
    const visit = (n: ts.Node): void => {
      if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier) {
        if (
          ts.isStringLiteral(n.moduleSpecifier) &&
          !(ts.isImportDeclaration(n) && n.importClause?.isTypeOnly)
        )
          follow(n.moduleSpecifier.text, n);
      } else if (
        ts.isImportEqualsDeclaration(n) &&
        ts.isExternalModuleReference(n.moduleReference) &&
        ts.isStringLiteral(n.moduleReference.expression)
      ) {
        follow(n.moduleReference.expression.text, n);
      } else if (ts.isCallExpression(n)) {
        const callee = n.expression;
        const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
        const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
        const arg = n.arguments[0];
        if ((isImport || isRequire) && arg) {
          const a = unwrap(arg);
          // `./infra/${f}` and "./infra/" + f: every source of that folder
          const head = ts.isTemplateExpression(a)
            ? a.head.text
            : ts.isBinaryExpression(a) &&
                a.operatorToken.kind === ts.SyntaxKind.PlusToken &&
                ts.isStringLiteralLike(a.left)
              ? a.left.text
              : undefined;
          if (ts.isStringLiteralLike(a)) follow(a.text, n);
          else if (head?.includes('/')) {
            const dir = posix.normalize(
              posix.join(posix.dirname(pf.file), head.slice(0, head.lastIndexOf('/'))),
            );
            out.push(...this.sourcesIn(dir));
          } else dynamic.push(n);
        }
        const name = ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : ts.isIdentifier(callee)
            ? callee.text
            : '';
        if ((name === 'readdirSync' || name === 'readdir') && arg && ts.isStringLiteralLike(unwrap(arg))) {
          readDirs.push(
            posix.normalize(posix.join(posix.dirname(pf.file), (unwrap(arg) as ts.StringLiteral).text)),
          );
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(pf.sf);
    if (dynamic.length > 0) {
      if (readDirs.length > 0) for (const d of readDirs) out.push(...this.sourcesIn(d));
      else {
        for (const n of dynamic) {
          this.findings.push(
            finding(
              'LB007',
              'error',
              `${pf.file} dynamic import`,
              `${pf.file} imports a module whose path is computed (${n.getText(pf.sf).slice(0, 60)}): the guard cannot follow it, so what it makes was not checked.`,
              { file: pf.file, line: this.lineOf(pf, n) },
              'Import the file by a literal path (`await import("./infra/storage")`), add the folder to `paths` (for example `infra/**/*.ts`), or set `unsupported: warn`.',
            ),
          );
        }
      }
    }
    return out;
  }

  /** What an expression names: `aws.s3.Bucket` through the file's imports and aliases. */
  resolve(pf: ProgramFile, expr: ts.Expression, depth = 0): Resolved | undefined {
    if (depth > 20) return undefined;
    const e = unwrap(expr);
    if (ts.isIdentifier(e)) return this.resolveLocal(pf, e.text, depth + 1);
    if (ts.isPropertyAccessExpression(e)) {
      const left = this.resolve(pf, e.expression, depth + 1);
      if (!left) return undefined;
      if (left.kind === 'path') return { kind: 'path', path: `${left.path}.${e.name.text}` };
      if (left.kind === 'module') return this.resolveExport(left.file, e.name.text, depth + 1);
      return undefined;
    }
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require') {
      const arg = e.arguments[0];
      return arg && ts.isStringLiteralLike(arg) ? this.moduleRef(pf.file, arg.text) : undefined;
    }
    return undefined;
  }

  private moduleRef(from: string, spec: string): Resolved | undefined {
    const provider = providerPath(spec);
    if (provider) return { kind: 'path', path: provider };
    const r = this.resolveModule(from, spec);
    return r && 'file' in r && this.files.has(r.file) ? { kind: 'module', file: r.file } : undefined;
  }

  /** A name as the file binds it; an unbound name is itself (SST's globals `aws`, `sst`, `cloudflare`). */
  private resolveLocal(pf: ProgramFile, name: string, depth: number): Resolved | undefined {
    for (const stmt of pf.sf.statements) {
      if (ts.isImportDeclaration(stmt) && stmt.importClause && ts.isStringLiteral(stmt.moduleSpecifier)) {
        const spec = stmt.moduleSpecifier.text;
        const clause = stmt.importClause;
        const bindings = clause.namedBindings;
        if (
          clause.name?.text === name ||
          (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name)
        ) {
          return this.moduleRef(pf.file, spec);
        }
        if (bindings && ts.isNamedImports(bindings)) {
          for (const el of bindings.elements) {
            if (el.name.text !== name) continue;
            const imported = (el.propertyName ?? el.name).text;
            const mod = this.moduleRef(pf.file, spec);
            if (mod?.kind === 'path') return { kind: 'path', path: `${mod.path}.${imported}` };
            if (mod?.kind === 'module') return this.resolveExport(mod.file, imported, depth + 1);
            return undefined;
          }
        }
      }
      if (ts.isImportEqualsDeclaration(stmt) && stmt.name.text === name) {
        const ref = stmt.moduleReference;
        if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression))
          return this.moduleRef(pf.file, ref.expression.text);
        if (ts.isEntityName(ref)) return this.resolveEntity(pf, ref, depth + 1);
      }
      if (ts.isClassDeclaration(stmt) && stmt.name?.text === name)
        return { kind: 'class', file: pf.file, decl: stmt };
    }
    const init = pf.consts.get(name);
    if (init) return this.resolve(pf, init, depth + 1);
    if (init === null) return undefined; // bound twice: not trusted
    const destructured = this.destructured(pf, name);
    if (destructured) {
      const src = this.resolve(pf, destructured.from, depth + 1);
      if (src?.kind === 'path') return { kind: 'path', path: `${src.path}.${destructured.key}` };
      if (src?.kind === 'module') return this.resolveExport(src.file, destructured.key, depth + 1);
      return undefined;
    }
    return { kind: 'path', path: name };
  }

  private resolveEntity(pf: ProgramFile, n: ts.EntityName, depth: number): Resolved | undefined {
    if (ts.isIdentifier(n)) return this.resolveLocal(pf, n.text, depth);
    const left = this.resolveEntity(pf, n.left, depth + 1);
    if (left?.kind === 'path') return { kind: 'path', path: `${left.path}.${n.right.text}` };
    if (left?.kind === 'module') return this.resolveExport(left.file, n.right.text, depth + 1);
    return undefined;
  }

  /** `const { s3, rds: db } = aws`: the key a destructured const takes from its source (null: bound twice). */
  private destructured(pf: ProgramFile, name: string): { from: ts.Expression; key: string } | undefined {
    let table = this.destructuredCache.get(pf);
    if (!table) {
      const built = new Map<string, { from: ts.Expression; key: string } | null>();
      const visit = (n: ts.Node): void => {
        if (ts.isVariableDeclaration(n) && ts.isObjectBindingPattern(n.name) && n.initializer) {
          for (const el of n.name.elements) {
            if (!ts.isIdentifier(el.name) || el.dotDotDotToken) continue;
            const local = el.name.text;
            const key = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : local;
            built.set(local, built.has(local) ? null : { from: n.initializer, key });
          }
        }
        ts.forEachChild(n, visit);
      };
      visit(pf.sf);
      table = built;
      this.destructuredCache.set(pf, table);
    }
    return table.get(name) ?? undefined;
  }

  /** What a module exports under a name: `export const`, `export { a as b }`, re-exports, `export *`. */
  resolveExport(file: string, name: string, depth = 0): Resolved | undefined {
    const key = `${file}#${name}`;
    if (this.exportCache.has(key)) return this.exportCache.get(key);
    this.exportCache.set(key, undefined); // a cycle resolves to nothing
    const result = depth > 20 ? undefined : this.findExport(file, name, depth);
    this.exportCache.set(key, result);
    return result;
  }

  private findExport(file: string, name: string, depth: number): Resolved | undefined {
    const pf = this.files.get(file);
    if (!pf) return undefined;
    const starFrom: string[] = [];
    for (const stmt of pf.sf.statements) {
      if (ts.isExportDeclaration(stmt)) {
        const spec =
          stmt.moduleSpecifier && ts.isStringLiteral(stmt.moduleSpecifier)
            ? stmt.moduleSpecifier.text
            : undefined;
        const clause = stmt.exportClause;
        if (!clause) {
          if (spec) starFrom.push(spec);
          continue;
        }
        if (ts.isNamespaceExport(clause)) {
          if (clause.name.text === name && spec) return this.moduleRef(file, spec);
          continue;
        }
        for (const el of clause.elements) {
          if (el.name.text !== name) continue;
          const local = (el.propertyName ?? el.name).text;
          if (!spec) return this.resolveLocal(pf, local, depth + 1);
          const mod = this.moduleRef(file, spec);
          if (mod?.kind === 'path') return { kind: 'path', path: `${mod.path}.${local}` };
          if (mod?.kind === 'module') return this.resolveExport(mod.file, local, depth + 1);
          return undefined;
        }
      }
      const exported =
        ts.canHaveModifiers(stmt) &&
        ts.getModifiers(stmt)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      if (ts.isVariableStatement(stmt)) {
        for (const d of stmt.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.name.text === name)
            return d.initializer ? this.resolve(pf, d.initializer, depth + 1) : undefined;
        }
      }
      if (ts.isClassDeclaration(stmt) && stmt.name?.text === name) return { kind: 'class', file, decl: stmt };
    }
    for (const spec of starFrom) {
      const mod = this.moduleRef(file, spec);
      if (mod?.kind === 'path') return { kind: 'path', path: `${mod.path}.${name}` };
      if (mod?.kind === 'module') {
        const r = this.resolveExport(mod.file, name, depth + 1);
        if (r) return r;
      }
    }
    return undefined;
  }
}
