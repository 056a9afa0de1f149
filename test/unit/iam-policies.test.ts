// The IAM policies shipped with lifeboat name exactly the AWS API calls that the code can make.
//
// The list of calls is derived from the code, not written by hand: starting at an action's entry
// (src/actions/<name>/index.ts, or src/cli.ts), the import graph gives the files the bundle runs;
// every reference in them that resolves (TypeScript type checker) into a function or method that
// constructs an AWS SDK command (`new XxxCommand(`) pulls in that function, and from there what it
// references in turn. A call through an interface (ObjectStore.download, LightsailApi.getSnapshot)
// reaches the same-named method of the classes that implement the interface. So verify-restore,
// which never deletes, is not granted s3:DeleteObject merely because S3ObjectStore has a
// deleteKeys method.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Each policy file and the entry points whose AWS calls it must cover. */
const POLICIES: { policy: string; entries: string[] }[] = [
  {
    policy: 'actions/fly-volume-backup/iam-policy.json',
    entries: ['src/actions/fly-volume-backup/index.ts'],
  },
  {
    policy: 'actions/ssh-volume-backup/iam-policy.json',
    entries: ['src/actions/ssh-volume-backup/index.ts'],
  },
  { policy: 'actions/verify-restore/iam-policy.json', entries: ['src/actions/verify-restore/index.ts'] },
  { policy: 'actions/copy-snapshot/iam-policy.json', entries: ['src/actions/copy-snapshot/index.ts'] },
  {
    policy: 'actions/lightsail-snapshot-check/iam-policy.json',
    entries: ['src/actions/lightsail-snapshot-check/index.ts'],
  },
  {
    policy: 'actions/protected-deploy-guard/iam-policy.json',
    entries: ['src/actions/protected-deploy-guard/index.ts'],
  },
  // the root composite runs the fly-volume-backup, verify-restore and failure-issue bundles
  {
    policy: 'docs/iam/root-action-policy.json',
    entries: [
      'src/actions/fly-volume-backup/index.ts',
      'src/actions/verify-restore/index.ts',
      'src/actions/failure-issue/index.ts',
    ],
  },
  { policy: 'docs/iam/cli-policy.json', entries: ['src/cli.ts'] },
];

/** Actions that talk only to GitHub or to Fly: they must stay free of AWS calls (and need no policy). */
const GITHUB_ONLY = ['src/actions/failure-issue/index.ts', 'src/actions/fly-snapshot-check/index.ts'];

/** IAM actions of one SDK command; `versioned`: the request names an object version. */
function iamActions(service: string, command: string, versioned: boolean): string[] {
  if (service === 'lightsail') return [`lightsail:${command}`];
  const s3: Record<string, string[]> = {
    GetObject: ['s3:GetObject'],
    HeadObject: ['s3:GetObject'],
    ListObjectsV2: ['s3:ListBucket'],
    HeadBucket: ['s3:ListBucket'],
    GetBucketVersioning: ['s3:GetBucketVersioning'],
    ListMultipartUploads: ['s3:ListBucketMultipartUploads'],
    ListObjectVersions: ['s3:ListBucketVersions'],
    PutObject: ['s3:PutObject'],
    CreateMultipartUpload: ['s3:PutObject'],
    UploadPart: ['s3:PutObject'],
    CompleteMultipartUpload: ['s3:PutObject'],
    AbortMultipartUpload: ['s3:AbortMultipartUpload'],
    DeleteObject: ['s3:DeleteObject'],
    // the source is read, the destination written
    CopyObject: ['s3:GetObject', 's3:PutObject'],
  };
  const mapped = s3[command];
  if (!mapped) throw new Error(`no IAM mapping for S3 ${command}: add it to iamActions()`);
  const versionRead = ['GetObject', 'HeadObject', 'CopyObject'].includes(command);
  return versioned && versionRead ? [...mapped, 's3:GetObjectVersion'] : mapped;
}

interface Program {
  program: ts.Program;
  checker: ts.TypeChecker;
}

let cached: Program | undefined;
function load(): Program {
  if (cached) return cached;
  const configPath = join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  cached = { program, checker: program.getTypeChecker() };
  return cached;
}

function sourceFile(p: Program, file: string): ts.SourceFile {
  const sf = p.program.getSourceFile(file);
  if (!sf) throw new Error(`${relative(ROOT, file)} is not part of the TypeScript program`);
  return sf;
}

/** A dynamic `import('./x.js')` of a literal path (the CLI entry loads its bulk that way). */
function dynamicImports(sf: ts.SourceFile): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0])
      found.push(n.arguments[0]);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/** The files an entry runs: relative, non-type-only imports, re-exports and dynamic imports, transitively. */
function reachableFiles(p: Program, entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const specs: ts.Expression[] = dynamicImports(sourceFile(p, file));
    for (const stmt of sourceFile(p, file).statements) {
      if (ts.isImportDeclaration(stmt) && !stmt.importClause?.isTypeOnly) specs.push(stmt.moduleSpecifier);
      if (ts.isExportDeclaration(stmt) && !stmt.isTypeOnly && stmt.moduleSpecifier)
        specs.push(stmt.moduleSpecifier);
    }
    for (const spec of specs) {
      if (!ts.isStringLiteral(spec) || !spec.text.startsWith('.')) continue;
      const target = resolve(dirname(file), spec.text.replace(/\.js$/, '.ts'));
      if (!existsSync(target)) throw new Error(`${relative(ROOT, file)} imports ${spec.text}: not found`);
      queue.push(target);
    }
  }
  return seen;
}

/** Names imported from each @aws-sdk package by a file: local name -> package. */
function awsImports(sf: ts.SourceFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    const from = stmt.moduleSpecifier.text;
    if (!from.startsWith('@aws-sdk/')) continue;
    const bindings = stmt.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) names.set(el.name.text, from);
    }
  }
  return names;
}

/** The unit a node belongs to: the class member or top-level statement that contains it. */
function unitOf(node: ts.Node): ts.Node | undefined {
  let n: ts.Node = node;
  while (n.parent) {
    if (ts.isSourceFile(n.parent) || ts.isClassLike(n.parent) || ts.isInterfaceDeclaration(n.parent))
      return n;
    n = n.parent;
  }
  return undefined;
}

function containsVersionId(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (found) return;
    if (
      (ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) &&
      n.name.getText() === 'VersionId'
    )
      found = true;
    // CopyObject names the source version inside CopySource: `...?versionId=...`
    if ((ts.isStringLiteralLike(n) || ts.isTemplateLiteralToken(n)) && n.text.includes('versionId='))
      found = true;
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

interface AwsCall {
  service: 's3' | 'lightsail';
  command: string;
  versioned: boolean;
  where: string;
}

/** The AWS SDK calls that the given entries can make, found as described at the top. */
function awsCalls(entries: string[]): AwsCall[] {
  const p = load();
  const files = new Set<string>();
  for (const e of entries) for (const f of reachableFiles(p, e)) files.add(f);
  // files that construct SDK commands hold the "edge" units; they are walked unit by unit
  const edgeFiles = new Set(
    [...files].filter((f) => {
      const sf = sourceFile(p, f);
      return awsImports(sf).size > 0 && /new [A-Za-z0-9]+(Command|Upload)\(/.test(sf.text);
    }),
  );
  const calls: AwsCall[] = [];
  const doneUnits = new Set<ts.Node>();
  const queue: ts.Node[] = [];

  const enqueueDeclaration = (decl: ts.Declaration) => {
    const file = decl.getSourceFile().fileName;
    if (!edgeFiles.has(file)) return;
    if (ts.isClassDeclaration(decl)) {
      // a reference to the class (new, or as a type): its constructor and field initialisers only
      for (const m of decl.members)
        if (ts.isConstructorDeclaration(m) || ts.isPropertyDeclaration(m)) queue.push(m);
      return;
    }
    if (
      (ts.isMethodSignature(decl) || ts.isPropertySignature(decl)) &&
      ts.isInterfaceDeclaration(decl.parent)
    ) {
      // a call through an interface: the same-named members of the classes that implement it
      const iface = decl.parent.name.text;
      const member = decl.name.getText();
      for (const f of edgeFiles) {
        for (const stmt of sourceFile(p, f).statements) {
          if (!ts.isClassDeclaration(stmt)) continue;
          const implementsIt = stmt.heritageClauses?.some((h) =>
            h.types.some((t) => t.expression.getText() === iface),
          );
          if (!implementsIt) continue;
          for (const m of stmt.members) if (m.name?.getText() === member) queue.push(m);
        }
      }
      return;
    }
    const unit = unitOf(decl);
    if (unit && !ts.isInterfaceDeclaration(unit) && !ts.isTypeAliasDeclaration(unit)) queue.push(unit);
  };

  const resolveReference = (id: ts.Identifier) => {
    let symbol = p.checker.getSymbolAtLocation(id);
    if (!symbol) return;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = p.checker.getAliasedSymbol(symbol);
    for (const decl of symbol.declarations ?? []) enqueueDeclaration(decl);
  };

  const scan = (root: ts.Node, inEdge: boolean) => {
    const imports = awsImports(root.getSourceFile());
    const visit = (n: ts.Node) => {
      if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return;
      if (inEdge && ts.isNewExpression(n) && ts.isIdentifier(n.expression)) {
        const name = n.expression.text;
        const from = imports.get(name);
        const where = `${relative(ROOT, n.getSourceFile().fileName)}:${n.getSourceFile().getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
        if (from && name.endsWith('Command')) {
          const service =
            from === '@aws-sdk/client-lightsail'
              ? 'lightsail'
              : from === '@aws-sdk/client-s3'
                ? 's3'
                : undefined;
          if (!service) throw new Error(`${where}: ${name} from ${from} has no IAM mapping here`);
          calls.push({
            service,
            command: name.replace(/Command$/, ''),
            versioned: containsVersionId(n),
            where,
          });
        }
      }
      if (ts.isIdentifier(n)) resolveReference(n);
      ts.forEachChild(n, visit);
    };
    visit(root);
  };

  // every file outside the edge counts whole (file-level reachability)
  for (const f of files) if (!edgeFiles.has(f)) scan(sourceFile(p, f), false);
  while (queue.length) {
    const unit = queue.pop() as ts.Node;
    if (doneUnits.has(unit)) continue;
    doneUnits.add(unit);
    scan(unit, true);
  }
  return calls;
}

/** The IAM actions that the entries need, each with the code places that need it. */
function requiredIamActions(entries: string[]): Map<string, string[]> {
  const needed = new Map<string, string[]>();
  for (const c of awsCalls(entries)) {
    for (const a of iamActions(c.service, c.command, c.versioned)) {
      needed.set(a, [...(needed.get(a) ?? []), `${c.command} at ${c.where}`]);
    }
  }
  return needed;
}

interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  Condition?: unknown;
}

const asList = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

/** Problems with the IAM policy document shape; empty when it is a valid identity policy. */
function shapeProblems(doc: unknown): string[] {
  const problems: string[] = [];
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return ['is not a JSON object'];
  const d = doc as Record<string, unknown>;
  for (const k of Object.keys(d))
    if (!['Version', 'Id', 'Statement'].includes(k)) problems.push(`unknown key ${k}`);
  if (d.Version !== '2012-10-17') problems.push('Version must be "2012-10-17"');
  if (!Array.isArray(d.Statement) || d.Statement.length === 0)
    return [...problems, 'Statement must be a non-empty array'];
  const sids = new Set<string>();
  d.Statement.forEach((s: unknown, i) => {
    const at = `Statement[${i}]`;
    if (typeof s !== 'object' || s === null) return problems.push(`${at} is not an object`);
    const st = s as Record<string, unknown>;
    for (const k of Object.keys(st))
      if (!['Sid', 'Effect', 'Action', 'Resource', 'Condition'].includes(k))
        problems.push(`${at} has unknown key ${k}`);
    if (st.Sid !== undefined) {
      if (typeof st.Sid !== 'string' || !/^[A-Za-z0-9]+$/.test(st.Sid))
        problems.push(`${at}.Sid must be alphanumeric`);
      else if (sids.has(st.Sid)) problems.push(`${at}.Sid ${st.Sid} is repeated`);
      else sids.add(st.Sid);
    }
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') problems.push(`${at}.Effect must be Allow or Deny`);
    for (const key of ['Action', 'Resource'] as const) {
      const v = st[key];
      const list = typeof v === 'string' ? [v] : Array.isArray(v) ? v : undefined;
      if (!list || list.length === 0 || list.some((x) => typeof x !== 'string' || x === ''))
        problems.push(`${at}.${key} must be a string or a non-empty array of strings`);
    }
    if (Array.isArray(st.Action) || typeof st.Action === 'string') {
      for (const a of asList(st.Action as string | string[]))
        if (!/^[a-z0-9-]+:[A-Za-z0-9]+$/.test(a))
          problems.push(`${at}.Action ${a} is not service:Action (no wildcards)`);
    }
    if (Array.isArray(st.Resource) || typeof st.Resource === 'string') {
      for (const r of asList(st.Resource as string | string[]))
        if (r !== '*' && !r.startsWith('arn:')) problems.push(`${at}.Resource ${r} is not an ARN or *`);
    }
  });
  return problems;
}

/** S3 actions that apply to the bucket ARN; every other s3 action applies to object ARNs. */
const S3_BUCKET_ACTIONS = new Set([
  's3:ListBucket',
  's3:GetBucketVersioning',
  's3:ListBucketMultipartUploads',
  's3:ListBucketVersions',
]);

describe('IAM policies', () => {
  // one TypeScript program with its type checker for every case: built once, before the cases,
  // with a timeout of its own (tens of seconds when the machine's cores are shared; the cases
  // themselves then take well under a second each)
  beforeAll(() => void load(), 600_000);

  it('the derivation finds the calls it should (a self-check of the analysis)', () => {
    const backup = requiredIamActions(['src/actions/fly-volume-backup/index.ts']);
    expect([...backup.keys()]).toEqual(
      expect.arrayContaining(['s3:PutObject', 's3:DeleteObject', 's3:ListBucket']),
    );
    const verify = requiredIamActions(['src/actions/verify-restore/index.ts']);
    expect(verify.has('s3:GetObject')).toBe(true);
    expect(verify.has('s3:DeleteObject')).toBe(false);
    const lightsail = requiredIamActions(['src/actions/lightsail-snapshot-check/index.ts']);
    expect(lightsail.has('lightsail:GetAutoSnapshots')).toBe(true);
    expect([...lightsail.keys()].some((a) => a.startsWith('s3:'))).toBe(false);
  });

  it.each(GITHUB_ONLY)('%s makes no AWS call', (entry) => {
    expect([...requiredIamActions([entry]).keys()]).toEqual([]);
  });

  it.each(POLICIES)(
    '$policy is a valid IAM policy naming exactly the calls of its code',
    ({ policy, entries }) => {
      const file = join(ROOT, policy);
      expect(existsSync(file), `${policy} is missing`).toBe(true);
      let doc: unknown;
      expect(
        () => (doc = JSON.parse(readFileSync(file, 'utf8'))),
        `${policy} is not valid JSON`,
      ).not.toThrow();
      expect(shapeProblems(doc), policy).toEqual([]);

      const statements = (doc as { Statement: Statement[] }).Statement.filter((s) => s.Effect === 'Allow');
      const granted = new Set(statements.flatMap((s) => asList(s.Action)));
      const needed = requiredIamActions(entries);
      const missing = [...needed.keys()]
        .filter((a) => !granted.has(a))
        .map((a) => `${a} (${needed.get(a)?.join('; ')})`);
      const unused = [...granted].filter((a) => !needed.has(a));
      expect(missing, `${policy} misses actions the code calls`).toEqual([]);
      expect(unused, `${policy} grants actions the code never calls`).toEqual([]);

      // least privilege on S3: bucket actions on the bucket ARN, object actions on object ARNs only
      for (const s of statements) {
        for (const a of asList(s.Action).filter((x) => x.startsWith('s3:'))) {
          for (const r of asList(s.Resource)) {
            const isObject = /^arn:aws:s3:::[^/]+\/.+/.test(r);
            const isBucket = /^arn:aws:s3:::[^/]+$/.test(r);
            if (S3_BUCKET_ACTIONS.has(a)) expect(isBucket, `${policy}: ${a} on ${r}`).toBe(true);
            else expect(isObject, `${policy}: ${a} on ${r}`).toBe(true);
          }
        }
      }
    },
  );
});
