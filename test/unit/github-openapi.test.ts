import { describe, expect, it } from 'vitest';
import { OpenApiValidator } from '../standins/github-issues.js';

describe('the OpenAPI subset validator', () => {
  const v = new OpenApiValidator();
  it('comes from @octokit/openapi', () => {
    expect(v.subset.source.package).toBe('@octokit/openapi');
  });
  it('rejects what GitHub would not send or accept', () => {
    expect(v.validateResponse('issues/get-label', 200, { id: 1, name: 'x' }).join('\n')).toMatch(
      /must have required property/,
    );
    expect(v.validateResponse('issues/get-label', 500, {})).toEqual([
      'issues/get-label: status 500 is not documented (documented: 200, 404)',
    ]);
    const req = { method: 'PATCH', path: '/', query: {}, headers: {}, body: '{}', json: { state: 'shut' } };
    expect(
      v.validateRequest('issues/update', req, { owner: 'o', repo: 'r', issue_number: '1' }).join('\n'),
    ).toMatch(/must be equal to one of the allowed values/);
    const list = {
      method: 'GET',
      path: '/',
      query: { per_page: 'many', colour: 'red' },
      headers: {},
      body: '',
    };
    const problems = v.validateRequest('issues/list-for-repo', list, { owner: 'o', repo: 'r' }).join('\n');
    expect(problems).toMatch(/per_page=many/);
    expect(problems).toMatch(/unknown query parameter colour/);
  });
  it('accepts OpenAPI nullable fields as null', () => {
    const label = {
      id: 1,
      node_id: 'n',
      url: 'https://x/y',
      name: 'x',
      description: null,
      color: 'ffffff',
      default: false,
    };
    expect(v.validateResponse('issues/get-label', 200, label)).toEqual([]);
  });
});
