/**
 * What failure-issue does with a job's status, independent of GitHub's client: find the open issue
 * that carries a fingerprint marker, then open, comment on or close it. The edge implements
 * IssuesApi with octokit; tests implement it with a stand-in.
 */
import type { Logger } from '../util/logger.js';

export type JobStatus = 'success' | 'failure' | 'cancelled';
export type ReportResult = 'opened' | 'commented' | 'closed' | 'unchanged';

export interface IssueRef {
  number: number;
  url: string;
  title: string;
  body: string;
}

/** The few issue operations failure-issue needs (each call is retried by the implementation). */
export interface IssuesApi {
  /** Every open issue (not pull request) carrying the label, all pages. */
  listOpenIssues(label: string): Promise<IssueRef[]>;
  /** The bodies of every comment on an issue, all pages. */
  listCommentBodies(issue: number): Promise<string[]>;
  /** True when the label exists in the repository. */
  labelExists(name: string): Promise<boolean>;
  createLabel(label: { name: string; color: string; description: string }): Promise<void>;
  createIssue(issue: { title: string; body: string; labels: string[] }): Promise<IssueRef>;
  comment(issue: number, body: string): Promise<void>;
  /** Closes the issue with state_reason completed. */
  closeCompleted(issue: number): Promise<void>;
}

/** Where the run is, from the runner's GITHUB_* variables. */
export interface RunContext {
  serverUrl: string;
  repository: string;
  runId: string;
  runAttempt: string;
  workflow: string;
  job: string;
}

export interface ReportOptions {
  status: JobStatus;
  fingerprint: string;
  title: string;
  labels: string[];
  /** Extra markdown from the workflow (earlier steps' outputs). */
  body: string;
  closeOnSuccess: boolean;
  notifyOnCancel: boolean;
  run: RunContext;
  now?: () => Date;
}

export interface ReportOutcome {
  result: ReportResult;
  issueNumber?: number;
  issueUrl?: string;
  /** Failed runs counted when an issue was closed. */
  failedRuns?: number;
}

/** Marker characters: anything outside this set is percent-encoded so that a marker is one token. */
const SAFE = /[^A-Za-z0-9._~:@+/=-]/g;

export function encodeFingerprint(fingerprint: string): string {
  return fingerprint.replace(SAFE, (c) =>
    Array.from(Buffer.from(c, 'utf8'))
      .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
      .join(''),
  );
}

/** The hidden marker that ties an issue to a fingerprint; matched whole, so `a` never matches `a-2`. */
export function fingerprintMarker(fingerprint: string): string {
  return `<!-- lifeboat:fingerprint=${encodeFingerprint(fingerprint)} -->`;
}

/** Marks a failed run in an issue body or comment, so failures are counted by distinct run. */
export function runMarker(runId: string): string {
  return `<!-- lifeboat:failed-run=${encodeFingerprint(runId)} -->`;
}

export function hasMarker(body: string | null | undefined, fingerprint: string): boolean {
  return (body ?? '').includes(fingerprintMarker(fingerprint));
}

export function runUrl(run: RunContext): string {
  return `${run.serverUrl.replace(/\/+$/, '')}/${run.repository}/actions/runs/${run.runId}`;
}

/** The default fingerprint: `<workflow>/<job>`. */
export function defaultFingerprint(run: Pick<RunContext, 'workflow' | 'job'>): string {
  return `${run.workflow || 'workflow'}/${run.job || 'job'}`;
}

export function defaultTitle(run: Pick<RunContext, 'workflow'>, fingerprint: string): string {
  return `lifeboat: ${run.workflow || 'workflow'} is failing (${fingerprint})`;
}

function runLine(run: RunContext, now: Date, verb: string): string {
  return `${verb} in [run ${run.runId}](${runUrl(run)}) (attempt ${run.runAttempt || '1'}) at ${now.toISOString()}.`;
}

export function openingBody(opts: ReportOptions, now: Date): string {
  const what = opts.status === 'cancelled' ? 'was cancelled' : 'failed';
  const lines = [
    fingerprintMarker(opts.fingerprint),
    runMarker(opts.run.runId),
    `## ${opts.run.workflow || 'The workflow'} ${what}`,
    '',
    `The job \`${opts.run.job || 'job'}\` of workflow **${opts.run.workflow || 'workflow'}** ${what} (fingerprint \`${opts.fingerprint}\`).`,
    '',
    runLine(opts.run, now, opts.status === 'cancelled' ? 'Cancelled' : 'Failed'),
    '',
    '### First steps',
    '',
    `1. Open [the run](${runUrl(opts.run)}) and read the first error annotation: lifeboat says what is wrong and how to fix it.`,
    '2. A failed backup never moved `latest` and never deleted a good backup: the previous snapshot is still the one to restore from.',
    '3. Check the secrets the workflow uses (storage keys or OIDC role, `FLY_API_TOKEN`): expired credentials are the most common cause.',
    '4. Re-run the failed jobs once the cause is fixed; the next successful run comments here and closes this issue.',
  ];
  if (opts.body.trim()) lines.push('', '### Details', '', opts.body.trim());
  lines.push('', '_Opened by lifeboat failure-issue._');
  return lines.join('\n');
}

export function failureComment(opts: ReportOptions, now: Date): string {
  const lines = [
    runMarker(opts.run.runId),
    runLine(opts.run, now, opts.status === 'cancelled' ? 'Cancelled again' : 'Failed again'),
  ];
  if (opts.body.trim()) lines.push('', opts.body.trim());
  return lines.join('\n');
}

export function recoveryComment(opts: ReportOptions, now: Date, failedRuns: number): string {
  const lines = [
    `Recovered in [run ${opts.run.runId}](${runUrl(opts.run)}) after ${failedRuns} failed run${failedRuns === 1 ? '' : 's'} (${now.toISOString()}). Closing.`,
  ];
  if (opts.body.trim()) lines.push('', opts.body.trim());
  return lines.join('\n');
}

/** Distinct failed runs recorded in an issue's body and comments. */
export function countFailedRuns(texts: string[]): number {
  const runs = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/<!-- lifeboat:failed-run=([^ ]+) -->/g)) runs.add(m[1]!);
  return Math.max(1, runs.size);
}

export async function findIssue(
  api: IssuesApi,
  label: string,
  fingerprint: string,
): Promise<IssueRef | undefined> {
  const open = await api.listOpenIssues(label);
  // the oldest match wins when a person copied the marker into a second issue
  return open.filter((i) => hasMarker(i.body, fingerprint)).sort((a, b) => a.number - b.number)[0];
}

const LABEL_COLOR = 'd93f0b';

/** Opens, comments on or closes the fingerprint's issue according to the job status. */
export async function reportStatus(
  api: IssuesApi,
  opts: ReportOptions,
  logger: Logger,
): Promise<ReportOutcome> {
  const now = (opts.now ?? (() => new Date()))();
  const label = opts.labels[0];
  if (!label) throw new Error('at least one label is needed to find the issue again');
  const isFailure = opts.status === 'failure' || (opts.status === 'cancelled' && opts.notifyOnCancel);
  if (opts.status === 'cancelled' && !opts.notifyOnCancel) {
    logger.info('the job was cancelled and notify-on-cancel is false: nothing to report');
    return { result: 'unchanged' };
  }
  if (opts.status === 'success' && !opts.closeOnSuccess) {
    logger.info('close-on-success is false: nothing to do on success');
    return { result: 'unchanged' };
  }
  const existing = await findIssue(api, label, opts.fingerprint);
  if (isFailure) {
    if (existing) {
      await api.comment(existing.number, failureComment(opts, now));
      logger.info(`commented on issue #${existing.number}: ${existing.url}`);
      return { result: 'commented', issueNumber: existing.number, issueUrl: existing.url };
    }
    for (const name of opts.labels) {
      if (await api.labelExists(name)) continue;
      logger.info(`creating the missing label '${name}'`);
      try {
        await api.createLabel({
          name,
          color: LABEL_COLOR,
          description: 'Opened by lifeboat when a backup chain fails',
        });
      } catch (err) {
        // 422: created meanwhile by a parallel job of the matrix
        if ((err as { status?: number }).status !== 422) throw err;
      }
    }
    const issue = await api.createIssue({
      title: opts.title,
      body: openingBody(opts, now),
      labels: opts.labels,
    });
    logger.info(`opened issue #${issue.number}: ${issue.url}`);
    return { result: 'opened', issueNumber: issue.number, issueUrl: issue.url };
  }
  if (!existing) {
    logger.info(`no open issue for fingerprint '${opts.fingerprint}': nothing to close`);
    return { result: 'unchanged' };
  }
  const failedRuns = countFailedRuns([existing.body, ...(await api.listCommentBodies(existing.number))]);
  await api.comment(existing.number, recoveryComment(opts, now, failedRuns));
  await api.closeCompleted(existing.number);
  logger.info(
    `closed issue #${existing.number} as completed after ${failedRuns} failed run(s): ${existing.url}`,
  );
  return { result: 'closed', issueNumber: existing.number, issueUrl: existing.url, failedRuns };
}
