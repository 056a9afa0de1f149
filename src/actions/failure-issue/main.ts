import * as core from '@actions/core';
import { errorMessage } from '../../util/errors.js';
import { pingHeartbeat, validateHeartbeatUrl } from '../../report/heartbeat.js';
import { reportStatus, type JobStatus, type ReportOutcome } from '../../report/issue-report.js';
import { retryBaseFromEnv, type RetryOptions } from '../../report/retry.js';
import { actionsLogger, input } from '../common/action-io.js';
import { runStep } from '../common/run-step.js';
import { link, strong } from '../common/summary.js';
import { GitHubIssues } from './github-issues.js';
import { getInputs, getStatus, OUTPUTS, type FailureIssueInputs } from './inputs.js';

interface IssueRun {
  status: JobStatus;
  outcome: ReportOutcome;
  /** What could not be done (each also an annotation): the step still exits 0. */
  problems: string[];
}

/**
 * Reports a job's status as an issue and a heartbeat. This step never fails: the job's own status
 * is what matters, so a reporting problem is a warning (an API or heartbeat error after retries)
 * or an error annotation (a configuration mistake), and the step exits 0 either way.
 */
export async function run(): Promise<void> {
  await runStep({
    name: 'failure-issue',
    failures: 'never-fail',
    outputs: OUTPUTS,
    outputValues: (r: IssueRun | undefined) => ({
      'issue-number': r?.outcome.issueNumber ?? 0,
      'issue-url': r?.outcome.issueUrl ?? '',
      result: r?.outcome.result ?? 'unchanged',
    }),
    secrets: () => [input('github-token')],
    // the status is read first and on its own: without it there is nothing to report
    inputs: getStatus,
    async execute(status): Promise<IssueRun> {
      const problems: string[] = [];
      const retry: RetryOptions = {
        baseMs: retryBaseFromEnv(),
        onRetry: ({ attempt, delayMs, reason }) =>
          core.info(`${reason}: retrying in ${(delayMs / 1000).toFixed(1)} s (attempt ${attempt + 1})`),
      };
      const { inputs, heartbeatUrl } = readInputs(status, problems);
      const outcome = inputs
        ? await updateIssue(status, inputs, retry, problems)
        : { result: 'unchanged' as const };
      const notify =
        status === 'failure' || (status === 'cancelled' && inputs?.report.notifyOnCancel === true);
      if (heartbeatUrl && (status === 'success' || notify))
        await heartbeat(heartbeatUrl, status, retry, problems);
      return { status, outcome, problems };
    },
    summary: (s, { status, outcome, problems }) => {
      s.heading('lifeboat failure-issue', 3).paragraph([
        'Job status: ',
        strong(status),
        '; issue: ',
        outcome.issueUrl ? link(`#${outcome.issueNumber}`, outcome.issueUrl) : 'none',
        ` (${outcome.result}).`,
      ]);
      if (problems.length) s.list(problems);
    },
  });
}

/** The report's inputs; a mistake in them still lets the heartbeat go out when its URL is usable. */
function readInputs(
  status: JobStatus,
  problems: string[],
): { inputs?: FailureIssueInputs; heartbeatUrl: string } {
  try {
    const inputs = getInputs(status);
    return { inputs, heartbeatUrl: inputs.heartbeatUrl ?? '' };
  } catch (err) {
    problem(problems, 'error', `failure-issue could not report: ${errorMessage(err)}`);
    const raw = input('heartbeat-url');
    try {
      return { heartbeatUrl: raw ? validateHeartbeatUrl('heartbeat-url', raw) : '' };
    } catch {
      return { heartbeatUrl: '' };
    }
  }
}

async function updateIssue(
  status: JobStatus,
  i: FailureIssueInputs,
  retry: RetryOptions,
  problems: string[],
): Promise<ReportOutcome> {
  try {
    return await core.group(`report ${status} for ${i.report.fingerprint}`, () =>
      reportStatus(new GitHubIssues(i.token, i.owner, i.repo, retry), i.report, actionsLogger),
    );
  } catch (err) {
    const httpStatus = (err as { status?: number }).status;
    const hint =
      httpStatus === 403 || httpStatus === 404
        ? " (the job needs 'permissions: issues: write', and the token must reach this repository)"
        : '';
    problem(problems, 'warning', `failure-issue could not update the issue: ${errorMessage(err)}${hint}`);
    return { result: 'unchanged' };
  }
}

async function heartbeat(url: string, status: JobStatus, retry: RetryOptions, problems: string[]) {
  const kind = status === 'success' ? 'success' : 'fail';
  try {
    core.setSecret(await pingHeartbeat(url, kind, retry));
    core.info(`heartbeat sent (${kind})`);
  } catch (err) {
    problem(problems, 'warning', `failure-issue could not send the heartbeat: ${errorMessage(err)}`);
  }
}

function problem(problems: string[], level: 'error' | 'warning', message: string): void {
  problems.push(message);
  if (level === 'error') core.error(message);
  else core.warning(message);
}
