/**
 * The label override: a pull-request label (the allow-label input) that lets a pull request whose
 * only problems are guard violations pass, with the violations turned into warnings. The decision
 * is made here; the edge implements PullRequestContext (the event the runner wrote, GitHub's
 * API), and tests implement the port with a fake.
 *
 * Invariants:
 * - the label applies only to a pull_request or pull_request_target event, and only when the
 *   label is configured; without violations neither the event nor the labels are read;
 * - the labels GitHub has now are authoritative (a label added or removed after the push counts);
 *   only when they cannot be read are the labels in the event payload used, with a warning.
 */
import { errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import type { Finding } from './findings.js';

export interface PullRequestRef {
  number: number;
  labels: string[];
}

/** The event that started the run, as the runner describes it. */
export interface RunEvent {
  /** GITHUB_EVENT_NAME ('' when unknown). */
  name: string;
  /** The event payload; undefined when there is none or it cannot be read. */
  payload: unknown;
}

/** The port: what GitHub says about the pull request this run belongs to. */
export interface PullRequestContext {
  /** The event that started this run. */
  event(): RunEvent;
  /** Every label the pull request carries now, all pages; throws when they cannot be read. */
  labelsOf(pullRequest: number): Promise<string[]>;
}

export interface OverrideRequest {
  /** How many violations (error findings) the guard found. */
  violations: number;
  /** The allow-label input; '' when no override is configured. */
  label: string;
}

export interface OverrideDecision {
  applied: boolean;
  label: string;
  pullRequest?: number;
  /** The labels the decision was made on. */
  labels: string[];
  labelSource?: 'api' | 'event';
  /** For a person: why the label applied, why it cannot, or how to apply it. */
  reason: string;
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

/** Decides whether the allow label overrides the violations (see the invariants above). */
export async function decideOverride(
  { violations, label }: OverrideRequest,
  github: PullRequestContext,
  logger: Logger,
): Promise<OverrideDecision> {
  const base = { applied: false, label, labels: [] as string[] };
  if (violations === 0) return { ...base, reason: 'no violations' };
  if (!label) return { ...base, reason: 'No allow-label is configured.' };
  const event = github.event();
  const pr = pullRequestFromEvent(event.name, event.payload);
  if (!pr) {
    return {
      ...base,
      reason: `The label "${label}" cannot apply: this run is a ${event.name || 'non-pull-request'} event, not a pull request.`,
    };
  }
  const { labels, source } = await currentLabels(pr, github, logger);
  const applied = labels.includes(label);
  return {
    applied,
    label,
    pullRequest: pr.number,
    labels,
    labelSource: source,
    reason: applied
      ? `Overridden by the label "${label}".`
      : `To deploy an intended replace, add the label "${label}" to pull request #${pr.number} and re-run this check.`,
  };
}

async function currentLabels(
  pr: PullRequestRef,
  github: PullRequestContext,
  logger: Logger,
): Promise<{ labels: string[]; source: 'api' | 'event' }> {
  try {
    return { labels: await github.labelsOf(pr.number), source: 'api' };
  } catch (err) {
    logger.warning(
      `could not re-read the labels of pull request #${pr.number} from GitHub (${errorMessage(err)}): using the labels in the event payload.`,
    );
    return { labels: pr.labels, source: 'event' };
  }
}

/** Violations become warnings marked overridden; warnings stay as they are. */
export function applyOverride(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => (f.severity === 'error' ? { ...f, severity: 'warning', overridden: true } : f));
}
