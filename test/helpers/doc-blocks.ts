import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** One fenced code block of a Markdown file (or a whole YAML file of examples/). */
export interface CodeBlock {
  /** Repository-relative path of the file it is in. */
  file: string;
  /** 1-based line of the block's first content line in that file. */
  line: number;
  /** The info string's first word: `yaml`, `sh`, ... (`yaml` for a whole .yml file). */
  lang: string;
  /** The content, with the opening fence's indentation removed from every line. */
  text: string;
}

/** The run of one character (` or ~) that a line starts with after its indentation, if 3 or more. */
function fenceRun(line: string): { indent: number; char: string; length: number; info: string } | undefined {
  const indent = line.length - line.trimStart().length;
  const char = line[indent];
  if (char !== '`' && char !== '~') return undefined;
  let length = 0;
  while (line[indent + length] === char) length++;
  if (length < 3) return undefined;
  const info = line.slice(indent + length).trim();
  // CommonMark: the info string of a backtick fence holds no backtick (`` ```x``` `` is inline code)
  if (char === '`' && info.includes('`')) return undefined;
  return { indent, char, length, info };
}

/**
 * The fenced code blocks of a Markdown text, by CommonMark's rules for fences (a line-based part of
 * the grammar): a block opens with 3 or more backticks or tildes and an info string, and closes at
 * the first line that holds only a run of the same character at least as long. Fences may be
 * indented (blocks inside list items); that indentation is removed from the content lines, as
 * CommonMark does. An unclosed fence runs to the end of the text.
 */
export function fencedBlocks(markdown: string, file: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = fenceRun(lines[i]!);
    if (!open) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = fenceRun(lines[j]!);
      if (close && close.char === open.char && close.length >= open.length && close.info === '') break;
      const line = lines[j]!;
      const removable = Math.min(open.indent, line.length - line.trimStart().length);
      body.push(line.slice(removable));
    }
    blocks.push({ file, line: i + 2, lang: open.info.split(/\s/)[0] ?? '', text: body.join('\n') + '\n' });
    i = j;
  }
  return blocks;
}

/** Folders that hold no documentation of ours: dependencies, bundles, scratch space. */
const SKIP = new Set(['node_modules', 'dist', '.git', '.tmp', 'coverage', 'bench/work']);

/** Repository-relative paths of the files under `dir` (recursively) whose names pass `pick`, sorted. */
function walk(dir: string, pick: (name: string) => boolean): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir))
    .sort()
    .flatMap((n) => {
      const rel = dir === '.' ? n : `${dir}/${n}`;
      if (SKIP.has(n) || SKIP.has(rel)) return [];
      if (statSync(join(root, rel)).isDirectory()) return walk(rel, pick);
      return pick(n) ? [rel] : [];
    });
}

const isYamlFile = (n: string) => n.endsWith('.yml') || n.endsWith('.yaml');

/** Every documentation file a user copies from: each README.md, docs/**\/*.md, examples/**. */
export function documentationFiles(): string[] {
  const files = new Set([
    ...walk('.', (n) => n === 'README.md'),
    ...walk('docs', (n) => n.endsWith('.md')),
    ...walk('examples', (n) => n.endsWith('.md') || isYamlFile(n)),
  ]);
  return [...files].sort();
}

/** The YAML of the documentation: every ```yaml / ```yml block, and each YAML file as one block. */
export function yamlBlocks(files: string[] = documentationFiles()): CodeBlock[] {
  return files.flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    if (isYamlFile(file)) return [{ file, line: 1, lang: 'yaml', text }];
    return fencedBlocks(text, file).filter((b) => b.lang === 'yaml' || b.lang === 'yml');
  });
}

/** What a YAML block of the docs is: a whole workflow, or the part of one a reader pastes in. */
export type BlockKind = 'workflow' | 'jobs' | 'job' | 'steps' | 'step';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStep = (v: unknown) => isObject(v) && ('uses' in v || 'run' in v);

/**
 * The smallest workflow that holds a block, so that GitHub's parser can validate it: a workflow as
 * it is; `jobs:` without `on:` gets a trigger; a job (it has `steps:`) becomes the one job; a list
 * of steps or a single step becomes the steps of one job. Undefined for YAML that is none of
 * these (a reader could not paste it into a workflow).
 */
export function workflowOf(
  value: unknown,
): { kind: BlockKind; workflow: Record<string, unknown> } | undefined {
  const job = (body: Record<string, unknown>) => ({
    on: 'workflow_dispatch',
    jobs: { job: { 'runs-on': 'ubuntu-latest', ...body } },
  });
  if (Array.isArray(value) && value.length > 0 && value.every(isStep))
    return { kind: 'steps', workflow: job({ steps: value }) };
  if (!isObject(value)) return undefined;
  if ('jobs' in value)
    return 'on' in value
      ? { kind: 'workflow', workflow: value }
      : { kind: 'jobs', workflow: { on: 'workflow_dispatch', ...value } };
  if ('steps' in value) return { kind: 'job', workflow: job(value) };
  if (isStep(value)) return { kind: 'step', workflow: job({ steps: [value] }) };
  return undefined;
}
