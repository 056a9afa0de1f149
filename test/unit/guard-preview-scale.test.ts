import { describe, expect, it } from 'vitest';
import { analyzePreview } from '../../src/guard/preview.js';
import { StatefulTypes } from '../../src/guard/stateful.js';

const stateful = new StatefulTypes();
const urn = (type: string, name: string) => `urn:pulumi:production::app::${type}::${name}`;

describe('previews at scale (LB005)', () => {
  it('a 10,000-resource preview with 3,000 deletes: one finding per stateful delete, each at its own line', () => {
    // the timing of this document lives in bench/NOTES.md; the test asserts only what is found
    const steps = [];
    for (let i = 0; i < 10_000; i++) {
      const type = i % 2 === 0 ? 'aws:s3/bucketV2:BucketV2' : 'aws:iam/role:Role';
      const u = urn(type, `r${i}`);
      steps.push({
        op: i % 10 < 6 && i < 10_000 ? (i % 10 < 3 ? 'delete' : 'same') : 'update',
        urn: u,
        oldState: { urn: u, type, protect: false, inputs: { tags: { note: 'x'.repeat(200) } } },
      });
    }
    const text = JSON.stringify({ steps, changeSummary: {}, diagnostics: [] }, null, 2);
    const lines = text.split('\n');
    const findings = analyzePreview('p.json', text, stateful);
    const deletes = steps.filter((s) => s.op === 'delete');
    expect(deletes).toHaveLength(3000);
    const statefulDeletes = deletes.filter((s) => s.urn.includes('BucketV2'));
    expect(findings).toHaveLength(statefulDeletes.length);
    for (const [i, f] of findings.entries()) {
      expect(lines[f.line! - 1]).toContain(JSON.stringify(statefulDeletes[i]!.urn));
      expect(lines[f.line! - 1]).toMatch(/^\s*"urn":/);
    }
  });

  it('one replace shown with --show-replacement-steps is reported once, as a replace', () => {
    const u = urn('aws:rds/instance:Instance', 'db');
    const state = { type: 'aws:rds/instance:Instance', protect: false };
    const doc = {
      steps: [
        { op: 'create-replacement', urn: u, oldState: state, newState: state },
        { op: 'replace', urn: u, oldState: state, newState: state },
        { op: 'delete-replaced', urn: u, oldState: state },
        { op: 'delete', urn: urn('aws:dynamodb/table:Table', 'sessions') },
      ],
    };
    const f = analyzePreview('p.json', JSON.stringify(doc, null, 2), stateful);
    expect(f.map((x) => [x.resource, x.line])).toEqual([
      ['db (aws:rds/instance:Instance)', 5],
      ['sessions (aws:dynamodb/table:Table)', 37],
    ]);
    expect(f[0]!.message).toContain('would replace db');
    expect(f[1]!.message).toContain('would delete sessions');
  });
});
