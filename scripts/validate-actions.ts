// Validates workflow and action files with GitHub's own parser (@actions/languageservice, the
// validator behind the VS Code extension). Prints one JSON object: { file: [diagnostics] }.
// Run it with tsx: the parser imports JSON without import attributes, which plain Node (20 and
// 24) and vitest's externalised modules refuse (ERR_IMPORT_ATTRIBUTE_MISSING).
// Exits 1 when any file has a diagnostic.
// Usage: tsx scripts/validate-actions.ts FILE...
import { validate } from '@actions/languageservice';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';

const out: Record<string, { line: number; severity: number | undefined; message: string }[]> = {};
for (const file of process.argv.slice(2)) {
  const doc = TextDocument.create(
    pathToFileURL(resolve(file)).toString(),
    'yaml',
    1,
    readFileSync(file, 'utf8'),
  );
  const diagnostics = await validate(doc, {});
  out[file] = diagnostics.map((d) => ({
    line: d.range.start.line + 1,
    severity: d.severity,
    message: typeof d.message === 'string' ? d.message : d.message.value,
  }));
}
process.stdout.write(`${JSON.stringify(out)}\n`);
if (Object.values(out).some((d) => d.length > 0)) process.exitCode = 1;
