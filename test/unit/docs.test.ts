import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docPairs, generateDocs, renderReadme, ROOT } from '../../scripts/generate-docs.js';

describe('generated README tables', () => {
  it('documents every action.yml, the root action included', () => {
    const actions = docPairs().map((p) => relative(ROOT, p.actionFile));
    expect(actions).toContain('action.yml');
    expect(actions).toContain('actions/fly-volume-backup/action.yml');
    expect(actions.length).toBeGreaterThanOrEqual(8);
  });

  it('every README is current with its action.yml (run npm run docs to fix)', () => {
    const stale = generateDocs({ write: false })
      .filter((r) => r.outOfDate || r.errors.length > 0)
      .map((r) =>
        [
          `${relative(ROOT, r.readme)} (from ${relative(ROOT, r.actionFile)})`,
          ...(r.errors.length ? r.errors : ['is out of date: run npm run docs']),
        ].join(' '),
      );
    expect(stale, stale.join('\n')).toEqual([]);
  });

  it('renders inputs and outputs tables between the markers, and reports missing markers', () => {
    const yaml = [
      'name: x',
      'inputs:',
      '  bucket:',
      "    description: 'Bucket | with a <placeholder> and `<code>`.'",
      '    required: true',
      '  paths:',
      '    description: Globs.',
      '    default: |',
      '      a/**',
      '      b/**',
      'outputs:',
      '  status:',
      '    description: ok or failed.',
    ].join('\n');
    const readme = [
      '# x',
      '<!-- inputs:start -->',
      'STALE ROW',
      '<!-- inputs:end -->',
      '<!-- outputs:start -->',
      '<!-- outputs:end -->',
    ].join('\n');
    const { text, errors } = renderReadme(readme, yaml);
    expect(errors).toEqual([]);
    expect(text).toContain('| `bucket` | Bucket \\| with a &lt;placeholder&gt; and `<code>`. | yes |  |');
    expect(text).toContain('| `paths` | Globs. | no | `a/**`<br>`b/**` |');
    expect(text).toContain('| `status` | ok or failed. |');
    expect(text).not.toContain('STALE ROW');
    expect(renderReadme(text, yaml).text).toBe(text);
    expect(renderReadme('# no markers\n', yaml).errors).toHaveLength(2);
  });
});
