// Extracts the few GitHub REST operations lifeboat uses from GitHub's OpenAPI description
// (@octokit/openapi, generated/api.github.com.json) into test/fixtures/github-openapi-subset.json.
// The package is about 385 MB unpacked, so it is NOT a dependency: `npm pack` fetches its tarball
// into a temporary directory, `tar` extracts the one file, and only the operations below plus the
// components they reference (transitively) are written.
// Usage: node scripts/extract-openapi-subset.mjs [version]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VERSION = process.argv[2] ?? '23.0.2';
const OPERATIONS = [
  'issues/list-for-repo',
  'issues/create',
  'issues/update',
  'issues/list-comments',
  'issues/create-comment',
  'issues/get-label',
  'issues/create-label',
];
const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'test/fixtures/github-openapi-subset.json');

const work = mkdtempSync(join(tmpdir(), 'lifeboat-openapi-'));
let api;
try {
  const file = execFileSync(
    'npm',
    ['pack', `@octokit/openapi@${VERSION}`, '--silent', '--pack-destination', work],
    {
      cwd: work,
      encoding: 'utf8',
    },
  )
    .trim()
    .split('\n')
    .pop();
  execFileSync('tar', ['-xzf', join(work, file), '-C', work, 'package/generated/api.github.com.json']);
  api = JSON.parse(readFileSync(join(work, 'package/generated/api.github.com.json'), 'utf8'));
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Resolves a `#/components/...` reference in the full description. */
function resolve(ref) {
  return ref
    .slice(2)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => node?.[key], api);
}

const schemas = {};
/** Collects every #/components/schemas/* a node references, transitively. */
function collect(node) {
  if (Array.isArray(node)) return node.forEach(collect);
  if (!node || typeof node !== 'object') return;
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#/components/schemas/')) {
    const name = node.$ref.slice('#/components/schemas/'.length);
    if (!(name in schemas)) {
      schemas[name] = api.components.schemas[name];
      collect(schemas[name]);
    }
  }
  for (const v of Object.values(node)) collect(v);
}

/** Inlines parameter / response / header / example references; schema references stay. */
function inline(node) {
  if (Array.isArray(node)) return node.map(inline);
  if (!node || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string' && !node.$ref.startsWith('#/components/schemas/'))
    return inline(resolve(node.$ref));
  const copy = {};
  for (const [k, v] of Object.entries(node)) if (k !== 'examples' && k !== 'example') copy[k] = inline(v);
  return copy;
}

const operations = {};
for (const [path, item] of Object.entries(api.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (!op || typeof op !== 'object' || !OPERATIONS.includes(op.operationId)) continue;
    const parameters = inline([...(item.parameters ?? []), ...(op.parameters ?? [])]).map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required ?? false,
      schema: p.schema,
    }));
    const requestBody = inline(op.requestBody)?.content?.['application/json']?.schema;
    const responses = {};
    for (const [status, r] of Object.entries(op.responses)) {
      const resp = inline(r);
      responses[status] = {
        description: resp.description,
        ...(resp.content?.['application/json']?.schema
          ? { schema: resp.content['application/json'].schema }
          : {}),
      };
    }
    operations[op.operationId] = { method: method.toUpperCase(), path, parameters, requestBody, responses };
  }
}
const missing = OPERATIONS.filter((o) => !(o in operations));
if (missing.length)
  throw new Error(`operations not found in @octokit/openapi@${VERSION}: ${missing.join(', ')}`);
collect(operations);
const sortedSchemas = Object.fromEntries(
  Object.keys(schemas)
    .sort()
    .map((k) => [k, schemas[k]]),
);
/** Drops examples and long descriptions: they are not needed to validate and would bloat the fixture. */
function strip(node) {
  if (Array.isArray(node)) return node.map(strip);
  if (!node || typeof node !== 'object') return node;
  const copy = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'example' || k === 'examples') continue;
    if (k === 'description' && typeof v === 'string') continue;
    copy[k] = strip(v);
  }
  return copy;
}
const subset = {
  source: {
    package: '@octokit/openapi',
    version: VERSION,
    file: 'generated/api.github.com.json',
    openapi: api.openapi,
    apiVersion: api.info?.version,
    generatedBy: 'scripts/extract-openapi-subset.mjs',
  },
  operations: strip(operations),
  components: { schemas: strip(sortedSchemas) },
};
writeFileSync(out, `${JSON.stringify(subset, null, 1)}\n`);
console.log(
  `wrote ${out}: ${Object.keys(operations).length} operations, ${Object.keys(sortedSchemas).length} schemas`,
);
