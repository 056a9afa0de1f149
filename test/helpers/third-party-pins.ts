/**
 * Every third-party action that lifeboat's docs, examples, workflows and action.yml files may use,
 * pinned by the full commit SHA of a release. A row is added only after reading the action's
 * action.yml at that commit: `runtime` is its `runs.using`, and it must be one the hosted runners
 * keep (node24, composite or docker: node20 was removed on 2026-09-16). test/unit/doc-blocks.test.ts
 * and test/unit/workflow-files.test.ts fail on a `uses:` that is not a row here.
 */
export interface KnownPin {
  /** What comes before the @ in `uses:`: owner/repo, or owner/repo/path for an action in a folder. */
  action: string;
  /** The commit the release tag points at (40 hex digits). */
  sha: string;
  /** The release tag, written as the comment after the pin. */
  version: string;
  /** `runs.using` of the action.yml at that commit. */
  runtime: 'node24' | 'composite' | 'docker';
  /** Date of the commit, and what was read to fill in this row. */
  checked: string;
}

export const KNOWN_PINS: readonly KnownPin[] = [
  {
    action: 'actions/checkout',
    sha: '3d3c42e5aac5ba805825da76410c181273ba90b1',
    version: 'v7.0.1',
    runtime: 'node24',
    checked: '2026-07-17; tags v7.0.1 and v7 point here; action.yml runs.using node24',
  },
  {
    action: 'actions/setup-node',
    sha: '820762786026740c76f36085b0efc47a31fe5020',
    version: 'v7.0.0',
    runtime: 'node24',
    checked: '2026-07-13; tags v7.0.0 and v7 point here; action.yml runs.using node24',
  },
  {
    action: 'actions/cache',
    sha: '27d5ce7f107fe9357f9df03efb73ab90386fccae',
    version: 'v5.0.5',
    runtime: 'node24',
    checked: '2026-04-13; tags v5.0.5 and v5 point here; action.yml runs.using node24',
  },
  {
    action: 'aws-actions/configure-aws-credentials',
    sha: 'e6de054238d6b7531b4efff3b6587d9aade6a06c',
    version: 'v6.2.3',
    runtime: 'node24',
    checked: '2026-07-22; tags v6.2.3 and v6 point here; action.yml runs.using node24',
  },
  {
    action: 'superfly/flyctl-actions/setup-flyctl',
    sha: 'ed8efb33836e8b2096c7fd3ba1c8afe303ebbff1',
    version: '1.6',
    runtime: 'node24',
    checked:
      '2026-04-08 (PR #108, "upgrade node runtime"); tags 1.6, 1 and v1 point here; setup-flyctl/action.yml runs.using node24 (1.5, fc53c09e, is node20)',
  },
];
