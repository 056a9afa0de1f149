import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { finding, type Finding } from './findings.js';
import type { StatefulTypes } from './stateful.js';
import type { SourceInput } from './typescript-program.js';

/** What a Pulumi.yaml says about where the program is. */
export interface PulumiProject {
  runtime: string;
  /** The `main` option: a folder or file of the program, relative to the project. */
  main?: string;
}

export function readPulumiProject(text: string): PulumiProject {
  const doc = parseDocument(text);
  const value = (doc.toJS() ?? {}) as { runtime?: unknown; main?: unknown };
  const runtime =
    typeof value.runtime === 'string'
      ? value.runtime
      : typeof (value.runtime as { name?: unknown } | undefined)?.name === 'string'
        ? String((value.runtime as { name: string }).name)
        : '';
  return { runtime, ...(typeof value.main === 'string' ? { main: value.main } : {}) };
}

/**
 * A Pulumi YAML program (Pulumi.yaml with runtime yaml, or Main.yaml): every entry of `resources`
 * whose `type` is stateful (full tokens `aws:s3/bucket:Bucket` and the short `aws:s3:Bucket` that
 * the official templates write), except reads of existing resources (`get:`), needs `options.protect: true` and `options.retainOnDelete: true`.
 * An `${...}` interpolation or any non-boolean value cannot be decided and is a warning.
 */
export function analyzePulumiYaml(src: SourceInput, stateful: StatefulTypes): Finding[] {
  const lines = new LineCounter();
  const doc = parseDocument(src.text, { lineCounter: lines });
  if (doc.errors.length) {
    return [
      finding(
        'LB001',
        'warning',
        src.file,
        `cannot parse ${src.file} as YAML: ${doc.errors[0]!.message.split('\n')[0]}`,
        {
          file: src.file,
          line: doc.errors[0]!.linePos?.[0]?.line ?? 1,
        },
      ),
    ];
  }
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const resources = doc.get('resources', true);
  if (!isMap(resources)) return [];
  const out: Finding[] = [];
  for (const pair of resources.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '(unnamed)';
    const body = pair.value;
    if (!isMap(body)) continue;
    const type = body.get('type');
    if (typeof type !== 'string' || !stateful.has(type)) continue;
    // `get:` reads an existing resource: Pulumi never creates, replaces or deletes it
    if (body.has('get')) continue;
    const resource = `${name} (${type})`;
    const place = { file: src.file, line: lineOf(pair.key as YamlNode) };
    const options = body.get('options', true);
    for (const [rule, option] of [
      ['LB001', 'protect'],
      ['LB002', 'retainOnDelete'],
    ] as const) {
      const node = isMap(options) ? options.get(option, true) : undefined;
      if (node === undefined || node === null) {
        out.push(
          finding(
            rule,
            'error',
            resource,
            `${resource} is stateful and has no \`options.${option}: true\`.`,
            place,
          ),
        );
        continue;
      }
      const value = isScalar(node) ? node.value : undefined;
      const optPlace = { file: src.file, line: lineOf(node as YamlNode) };
      if (value === true) continue;
      if (value === false) {
        out.push(finding(rule, 'error', resource, `${resource} has \`options.${option}: false\`.`, optPlace));
      } else {
        out.push(
          finding(
            rule,
            'warning',
            resource,
            `${resource}: cannot decide \`options.${option}: ${isScalar(node) ? String(node.value) : '...'}\`; write \`true\`.`,
            optPlace,
          ),
        );
      }
    }
  }
  return out;
}
