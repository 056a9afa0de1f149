import type { Finding } from './findings.js';

export interface PullRequestRef {
  number: number;
  labels: string[];
}

/** The pull request of a pull_request / pull_request_target event, with the labels its payload carries. */
export function pullRequestFromEvent(eventName: string, payload: unknown): PullRequestRef | undefined {
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') return undefined;
  const pr = (payload as { pull_request?: { number?: unknown; labels?: unknown } } | null)?.pull_request;
  if (!pr || typeof pr.number !== 'number') return undefined;
  const labels = Array.isArray(pr.labels)
    ? pr.labels.map((l) => (l as { name?: unknown })?.name).filter((n): n is string => typeof n === 'string')
    : [];
  return { number: pr.number, labels };
}

/** Violations become warnings marked overridden; warnings stay as they are. */
export function applyOverride(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => (f.severity === 'error' ? { ...f, severity: 'warning', overridden: true } : f));
}
