import { describe, expect, it } from 'vitest';
import { decideOverride, type PullRequestContext, type RunEvent } from '../../src/guard/override.js';
import type { Logger } from '../../src/util/logger.js';

const LABEL = 'allow-unprotected-deploy';

/** The port as a fake: the run's event, and the labels GitHub has now (or a failure); it records every call. */
function github(event: RunEvent, now: string[] | Error): PullRequestContext & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    event: () => (calls.push('event'), event),
    labelsOf: async (pr) => {
      calls.push(`labels #${pr}`);
      if (now instanceof Error) throw now;
      return now;
    },
  };
}

function logger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    info: () => undefined,
    debug: () => undefined,
    warning: (m) => warnings.push(m),
    group: (_t, fn) => fn(),
  };
}

/** A pull_request event whose payload carries these labels. */
function pullRequest(labels: string[], number = 12, name = 'pull_request'): RunEvent {
  return { name, payload: { pull_request: { number, labels: labels.map((l, i) => ({ id: i, name: l })) } } };
}

const violations = { violations: 4, label: LABEL };

describe('decideOverride: the allow label, decided through the PullRequestContext port', () => {
  it('no violations: nothing to override, and neither the event nor the labels are read', async () => {
    const api = github(pullRequest([LABEL]), [LABEL]);
    const d = await decideOverride({ violations: 0, label: LABEL }, api, logger());
    expect(d).toEqual({ applied: false, label: LABEL, labels: [], reason: 'no violations' });
    expect(api.calls).toEqual([]);
  });

  it('no allow-label configured: no override, no call', async () => {
    const api = github(pullRequest([LABEL]), [LABEL]);
    const d = await decideOverride({ violations: 4, label: '' }, api, logger());
    expect(d.applied).toBe(false);
    expect(d.reason).toBe('No allow-label is configured.');
    expect(api.calls).toEqual([]);
  });

  it('a push, an unreadable payload or no event at all cannot carry the label: the labels are not read', async () => {
    const push = github({ name: 'push', payload: pullRequest([LABEL]).payload }, [LABEL]);
    const d = await decideOverride(violations, push, logger());
    expect(d.applied).toBe(false);
    expect(d.reason).toBe(`The label "${LABEL}" cannot apply: this run is a push event, not a pull request.`);
    expect(push.calls).toEqual(['event']);
    const unreadable = github({ name: 'pull_request', payload: undefined }, [LABEL]);
    expect((await decideOverride(violations, unreadable, logger())).reason).toContain('cannot apply');
    const none = github({ name: '', payload: undefined }, [LABEL]);
    expect((await decideOverride(violations, none, logger())).reason).toContain(
      'this run is a non-pull-request event',
    );
    expect([...unreadable.calls, ...none.calls]).toEqual(['event', 'event']);
  });

  it('a label added after the push counts: GitHub is asked, and its answer decides', async () => {
    const api = github(pullRequest(['bug']), ['bug', LABEL]);
    const d = await decideOverride(violations, api, logger());
    expect(d).toEqual({
      applied: true,
      label: LABEL,
      pullRequest: 12,
      labels: ['bug', LABEL],
      labelSource: 'api',
      reason: `Overridden by the label "${LABEL}".`,
    });
    expect(api.calls).toEqual(['event', 'labels #12']);
  });

  it('pull_request_target is a pull request too', async () => {
    const d = await decideOverride(
      violations,
      github(pullRequest([], 7, 'pull_request_target'), [LABEL]),
      logger(),
    );
    expect(d).toMatchObject({ applied: true, pullRequest: 7 });
  });

  it('a label removed after the push no longer counts, and the reason says how to apply it', async () => {
    const d = await decideOverride(violations, github(pullRequest([LABEL]), []), logger());
    expect(d.applied).toBe(false);
    expect(d.labelSource).toBe('api');
    expect(d.reason).toBe(
      `To deploy an intended replace, add the label "${LABEL}" to pull request #12 and re-run this check.`,
    );
  });

  it('when GitHub cannot be asked, the payload labels decide and a warning says why', async () => {
    const log = logger();
    const d = await decideOverride(
      violations,
      github(pullRequest([LABEL]), new Error('HTTP 503: unavailable')),
      log,
    );
    expect(d).toMatchObject({ applied: true, labelSource: 'event', labels: [LABEL] });
    expect(log.warnings).toEqual([
      'could not re-read the labels of pull request #12 from GitHub (HTTP 503: unavailable): using the labels in the event payload.',
    ]);
    const without = await decideOverride(
      violations,
      github(pullRequest([]), new Error('no github-token')),
      logger(),
    );
    expect(without).toMatchObject({ applied: false, labelSource: 'event', labels: [] });
  });
});
