import { describe, expect, it } from 'vitest';
import { backupSummary } from '../../src/actions/common/backup-report.js';
import { code, escapeHtml, link, strong, Summary } from '../../src/actions/common/summary.js';
import type { BackupResult } from '../../src/jobs/backup.js';

const HOSTILE = '</table><img src=x onerror=alert(1)>';

/** The tags of a piece of HTML, in order (an escaped `&lt;` is text, not a tag). */
function tags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[0]);
}

describe('job summary: every string is text', () => {
  it('escapes & and < (nothing else can begin markup) and turns line breaks into <br>', () => {
    expect(escapeHtml(`a & b <c> "d"`)).toBe('a &amp; b &lt;c> "d"');
    expect(escapeHtml('one\n\ntwo\r\nthree')).toBe('one<br><br>two<br>three');
  });

  it('a hostile member name in a table cell, heading, list, quote and paragraph opens no tag and closes no table', () => {
    const s = new Summary()
      .heading(HOSTILE)
      .table(['Check', 'Detail'], [[HOSTILE, `archive member "./${HOSTILE}" was refused`]])
      .list([HOSTILE])
      .quote(HOSTILE)
      .paragraph(['stderr: ', HOSTILE, code(HOSTILE), strong(HOSTILE)]);
    const out = s.toHtml();
    expect(out).not.toContain('<img');
    expect(out).not.toContain('</table><');
    expect(tags(out)).toEqual([
      '<h2',
      '</h2',
      '<table',
      '<tr',
      '<th',
      '</th',
      '<th',
      '</th',
      '</tr',
      '<tr',
      '<td',
      '</td',
      '<td',
      '</td',
      '</tr',
      '</table',
      '<ul',
      '<li',
      '</li',
      '</ul',
      '<blockquote',
      '</blockquote',
      '<p',
      '<code',
      '</code',
      '<strong',
      '</strong',
      '</p',
    ]);
    expect(out).toContain('<td>&lt;/table>&lt;img src=x onerror=alert(1)></td>');
  });

  it('a remote stderr with blank lines stays inside its element (a blank line would start Markdown)', () => {
    const out = new Summary().paragraph('flyctl exited with status 1:\n\n# not a heading\n<b>').toHtml();
    expect(out).toBe('<p>flyctl exited with status 1:<br><br># not a heading<br>&lt;b></p>\n');
    expect(out.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a code block keeps its lines and cannot be closed early; a link escapes its address', () => {
    const out = new Summary()
      .codeBlock(`lifeboat swap --path '/srv/a</pre>b'\nnext && line`, 'sh')
      .paragraph(link('#1', 'https://example.com/?a=1&b="2"'))
      .toHtml();
    expect(out).toBe(
      `<pre lang="sh"><code>lifeboat swap --path '/srv/a&lt;/pre>b'\nnext &amp;&amp; line</code></pre>\n` +
        `<p><a href="https://example.com/?a=1&amp;b=&quot;2&quot;">#1</a></p>\n`,
    );
  });

  it("a backup's summary escapes its message and warnings (a remote stderr line, a member name)", () => {
    const result = {
      status: 'suspect',
      snapshotId: '20261123T020000Z',
      archiveKey: 'lifeboat/app/snapshots/20261123T020000Z/archive.tar.zst',
      sizeBytes: 10,
      uncompressedBytes: 20,
      compression: 'zstd',
      sha256: 'a'.repeat(64),
      entries: 1,
      previous: undefined,
      durationSeconds: 1,
      pruned: [],
      wouldPrune: [],
      message: `the volume shrank: ${HOSTILE}`,
      warnings: [`tar: ./${HOSTILE}: file changed as we read it`],
    } as unknown as BackupResult;
    const s = new Summary();
    backupSummary(s, 'lifeboat backup of app', result, 's3://bucket');
    const out = s.toHtml();
    expect(out).not.toContain('<img');
    expect(out).toContain(
      '<blockquote>the volume shrank: &lt;/table>&lt;img src=x onerror=alert(1)></blockquote>',
    );
    expect(out).toContain('<td>sha256</td><td><code>' + 'a'.repeat(64) + '</code></td>');
    expect(out.match(/<table>/g)).toHaveLength(1);
    expect(out.match(/<\/table>/g)).toHaveLength(1);
  });
});
