import * as core from '@actions/core';
import { ConfigurationError, errorMessage } from '../../util/errors.js';
import { pingHeartbeat, validateHeartbeatUrl } from '../../report/heartbeat.js';
import { reportStatus, type JobStatus, type ReportOutcome } from '../../report/issue-report.js';
import { retryBaseFromEnv, type RetryOptions } from '../../report/retry.js';
import {
  actionsLogger,
  guardUnfinished,
  maskKnownSecrets,
  setOutputs,
  writeSummary,
} from '../common/action-io.js';
import { GitHubIssues } from './github-issues.js';
import { getInputs, getStatus, OUTPUTS } from './inputs.js';

/**
 * Reports a job's status as an issue and a heartbeat. This step never fails: the job's own status
 * is what matters, so a reporting problem is a warning (an API or heartbeat error after retries)
 * or an error annotation (a configuration mistake), and the step exits 0 either way.
 */
export async function run(): Promise<void> {
  let outcome: ReportOutcome = { result: 'unchanged' };
  const finished = guardUnfinished();
  try {
    maskKnownSecrets([core.getInput('github-token')]);
    const retry: RetryOptions = {
      baseMs: retryBaseFromEnv(),
      onRetry: ({ attempt, delayMs, reason }) =>
        core.info(`${reason}: retrying in ${(delayMs / 1000).toFixed(1)} s (attempt ${attempt + 1})`),
    };
    let status: JobStatus;
    try {
      status = getStatus();
    } catch (err) {
      core.error(`failure-issue could not report: ${errorMessage(err)}`);
      return;
    }
    let heartbeatUrl = '';
    let inputs: ReturnType<typeof getInputs> | undefined;
    try {
      inputs = getInputs(status);
      heartbeatUrl = inputs.heartbeatUrl ?? '';
    } catch (err) {
      core.error(`failure-issue could not report: ${errorMessage(err)}`);
      // the heartbeat does not depend on the issue inputs: still send it when its URL is usable
      const raw = core.getInput('heartbeat-url').trim();
      try {
        heartbeatUrl = raw ? validateHeartbeatUrl('heartbeat-url', raw) : '';
      } catch {
        heartbeatUrl = '';
      }
    }
    if (inputs) {
      const i = inputs;
      try {
        outcome = await core.group(`report ${status} for ${i.report.fingerprint}`, () =>
          reportStatus(new GitHubIssues(i.token, i.owner, i.repo, retry), i.report, actionsLogger),
        );
      } catch (err) {
        const status = (err as { status?: number }).status;
        const hint =
          status === 403 || status === 404
            ? " (the job needs 'permissions: issues: write', and the token must reach this repository)"
            : '';
        core.warning(`failure-issue could not update the issue: ${errorMessage(err)}${hint}`);
      }
    }
    const notify = status === 'failure' || (status === 'cancelled' && inputs?.report.notifyOnCancel === true);
    if (heartbeatUrl && (status === 'success' || notify)) {
      try {
        const url = await pingHeartbeat(heartbeatUrl, status === 'success' ? 'success' : 'fail', retry);
        core.setSecret(url);
        core.info(`heartbeat sent (${status === 'success' ? 'success' : 'fail'})`);
      } catch (err) {
        core.warning(`failure-issue could not send the heartbeat: ${errorMessage(err)}`);
      }
    }
    await writeSummary((s) => {
      s.addHeading('lifeboat failure-issue', 3);
      s.addRaw(
        `Job status: **${status}**; issue: ${outcome.issueUrl ? `[#${outcome.issueNumber}](${outcome.issueUrl})` : 'none'} (${outcome.result}).\n`,
      );
    });
  } catch (err) {
    // a bug in the reporter itself: still never fail the job's last step for it
    if (!(err instanceof ConfigurationError) && err instanceof Error && err.stack) core.debug(err.stack);
    core.warning(`failure-issue stopped early: ${errorMessage(err)}`);
  } finally {
    finished();
    setOutputs(OUTPUTS, {
      'issue-number': outcome.issueNumber ?? 0,
      'issue-url': outcome.issueUrl ?? '',
      result: outcome.result,
    });
  }
}
