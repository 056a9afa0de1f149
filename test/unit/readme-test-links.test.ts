import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

/** Every link target of the README that is a test file: `](test/...)`, with its `#Ln` if any. */
function testLinks(markdown: string): { file: string; line?: number }[] {
  const links: { file: string; line?: number }[] = [];
  for (let at = markdown.indexOf('](test/'); at >= 0; at = markdown.indexOf('](test/', at + 1)) {
    const end = markdown.indexOf(')', at);
    const [file, anchor] = markdown.slice(at + 2, end).split('#L');
    links.push(anchor === undefined ? { file: file! } : { file: file!, line: Number(anchor) });
  }
  return links;
}

/** A line that starts a test: it(…), it.each/skipIf/runIf(…)(…), test(…). */
const startsTest = (line: string) => ['it(', 'it.', 'test('].some((s) => line.trimStart().startsWith(s));

describe("the README's fault tables point at tests", () => {
  it('every test/ link names a file that exists, and a #L line that starts a test', () => {
    const links = testLinks(readFileSync(join(root, 'README.md'), 'utf8'));
    expect(links.length).toBeGreaterThan(40);
    const wrong = links.filter(({ file, line }) => {
      if (!existsSync(join(root, file))) return true;
      if (line === undefined) return false;
      const text = readFileSync(join(root, file), 'utf8').split('\n')[line - 1] ?? '';
      return !startsTest(text);
    });
    expect(wrong).toEqual([]);
  });

  // was a gap: links kept their old labels after their targets were remapped (backup.test.ts:327 -> #L334)
  it('a link labelled file:N leads to line N of that file', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const mismatched: string[] = [];
    for (let at = readme.indexOf('[test/'); at >= 0; at = readme.indexOf('[test/', at + 1)) {
      const close = readme.indexOf('](', at);
      const label = readme.slice(at + 1, close);
      const target = readme.slice(close + 2, readme.indexOf(')', close));
      if (label.includes(':') && label.replace(':', '#L') !== target)
        mismatched.push(`${label} -> ${target}`);
    }
    expect(mismatched).toEqual([]);
  });
});
