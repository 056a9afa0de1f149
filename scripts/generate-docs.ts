// Regenerates the inputs and outputs tables of every action README from its action.yml, between
// the markers <!-- inputs:start --> / <!-- inputs:end --> and <!-- outputs:start --> /
// <!-- outputs:end --> (after actions/checkout's src/misc/generate-docs.ts).
//
//   tsx scripts/generate-docs.ts           rewrite the READMEs that are out of date (npm run docs)
//   tsx scripts/generate-docs.ts --check   write nothing; exit 1 naming every README out of date
//
// actions/<name>/action.yml documents into actions/<name>/README.md; the root action.yml into the
// top-level README.md.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface ActionInput {
  description?: string;
  required?: boolean | string;
  default?: string | number | boolean;
}

interface ActionOutput {
  description?: string;
}

interface ActionFile {
  name?: string;
  inputs?: Record<string, ActionInput | null>;
  outputs?: Record<string, ActionOutput | null>;
}

/** One action.yml and the README whose tables document it. */
export interface DocPair {
  actionFile: string;
  readme: string;
}

export interface DocResult extends DocPair {
  /** The README differs from what the generator writes. */
  outOfDate: boolean;
  /** Problems that the generator cannot fix by itself (a missing README or marker). */
  errors: string[];
}

/** Every action.yml of the repository with its README: actions/<name>/ and the root action. */
export function docPairs(root: string = ROOT): DocPair[] {
  const pairs: DocPair[] = [];
  const actionsDir = join(root, 'actions');
  for (const name of readdirSync(actionsDir).sort()) {
    const actionFile = join(actionsDir, name, 'action.yml');
    if (existsSync(actionFile)) pairs.push({ actionFile, readme: join(actionsDir, name, 'README.md') });
  }
  const rootAction = join(root, 'action.yml');
  if (existsSync(rootAction)) pairs.push({ actionFile: rootAction, readme: join(root, 'README.md') });
  return pairs;
}

/** Text for one table cell: one line, pipes escaped, `<name>` placeholders shown (outside code spans). */
function cell(text: string): string {
  return text
    .trim()
    .split('`')
    .map((part, i) => (i % 2 === 0 ? part.replace(/</g, '&lt;').replace(/>/g, '&gt;') : part))
    .join('`')
    .replace(/\r?\n\s*\r?\n/g, '<br>')
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/\|/g, '\\|');
}

/** A default value as code; a multi-line default (one glob per line) as one code span per line. */
function defaultCell(value: ActionInput['default']): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  if (text === '') return '`""`';
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => `\`${line.trim().replace(/\|/g, '\\|')}\``)
    .join('<br>');
}

function isRequired(input: ActionInput): boolean {
  return input.required === true || input.required === 'true';
}

export function inputsTable(action: ActionFile): string {
  const inputs = Object.entries(action.inputs ?? {});
  if (inputs.length === 0) return 'This action has no inputs.';
  const rows = inputs.map(([name, raw]) => {
    const input = raw ?? {};
    return `| \`${name}\` | ${cell(input.description ?? '')} | ${isRequired(input) ? 'yes' : 'no'} | ${defaultCell(input.default)} |`;
  });
  return ['| name | description | required | default |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function outputsTable(action: ActionFile): string {
  const outputs = Object.entries(action.outputs ?? {});
  if (outputs.length === 0) return 'This action has no outputs.';
  const rows = outputs.map(([name, raw]) => `| \`${name}\` | ${cell(raw?.description ?? '')} |`);
  return ['| name | description |', '| --- | --- |', ...rows].join('\n');
}

/**
 * Replaces the text between the lines `<!-- {section}:start -->` and `<!-- {section}:end -->`
 * (each alone on its line, so prose that quotes a marker is left alone).
 */
export function replaceSection(
  text: string,
  section: string,
  body: string,
): { text: string; error?: string } {
  const start = `<!-- ${section}:start -->`;
  const end = `<!-- ${section}:end -->`;
  const line = (marker: string) =>
    new RegExp(`^${marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \t]*$`, 'gm');
  const starts = [...text.matchAll(line(start))];
  const ends = [...text.matchAll(line(end))];
  if (starts.length === 0 || ends.length === 0) return { text, error: `has no ${start} ... ${end} markers` };
  if (starts.length > 1 || ends.length > 1)
    return { text, error: `has more than one ${start} or ${end} line` };
  const from = (starts[0]?.index ?? 0) + start.length;
  const to = ends[0]?.index ?? 0;
  if (to < from) return { text, error: `has ${end} before ${start}` };
  return { text: `${text.slice(0, from)}\n${body}\n${text.slice(to)}` };
}

/** The README text with fresh tables, and the problems found on the way. */
export function renderReadme(readmeText: string, actionYaml: string): { text: string; errors: string[] } {
  const action = (parse(actionYaml) ?? {}) as ActionFile;
  const errors: string[] = [];
  let text = readmeText;
  for (const [section, body] of [
    ['inputs', inputsTable(action)],
    ['outputs', outputsTable(action)],
  ] as const) {
    const r = replaceSection(text, section, body);
    if (r.error) errors.push(r.error);
    text = r.text;
  }
  return { text, errors };
}

/** Checks (write: false) or rewrites (write: true) every README. */
export function generateDocs(options: { write: boolean; root?: string }): DocResult[] {
  const root = options.root ?? ROOT;
  return docPairs(root).map((pair) => {
    if (!existsSync(pair.readme)) return { ...pair, outOfDate: true, errors: ['does not exist'] };
    const current = readFileSync(pair.readme, 'utf8');
    const { text, errors } = renderReadme(current, readFileSync(pair.actionFile, 'utf8'));
    const outOfDate = text !== current;
    if (outOfDate && options.write) writeFileSync(pair.readme, text);
    return { ...pair, outOfDate, errors };
  });
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const results = generateDocs({ write: !check });
  let failed = false;
  for (const r of results) {
    const name = relative(ROOT, r.readme);
    for (const e of r.errors) {
      process.stderr.write(`${name} ${e} (documents ${relative(ROOT, r.actionFile)})\n`);
      failed = true;
    }
    if (r.outOfDate && r.errors.length === 0) {
      if (check) {
        process.stderr.write(
          `${name} is out of date with ${relative(ROOT, r.actionFile)}: run npm run docs\n`,
        );
        failed = true;
      } else {
        process.stdout.write(`updated ${name}\n`);
      }
    }
  }
  if (!failed && check) process.stdout.write(`${results.length} READMEs are up to date\n`);
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
