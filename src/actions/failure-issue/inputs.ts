import { DEFAULTS, orDefault } from '../../options/defaults.js';
import { ConfigurationError } from '../../util/errors.js';
import { validateHeartbeatUrl } from '../../report/heartbeat.js';
import {
  defaultFingerprint,
  defaultTitle,
  type JobStatus,
  type ReportOptions,
  type RunContext,
} from '../../report/issue-report.js';
import { checkLength, checkNoControlCharacters, parseChoice } from '../../util/validate.js';
import { actionReader, booleanInput, input } from '../common/action-io.js';

export const OUTPUTS = ['issue-number', 'issue-url', 'result'] as const;

export interface FailureIssueInputs {
  report: ReportOptions;
  token: string;
  owner: string;
  repo: string;
  heartbeatUrl?: string;
}

export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  return {
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    repository: env.GITHUB_REPOSITORY || '',
    runId: env.GITHUB_RUN_ID || '0',
    runAttempt: env.GITHUB_RUN_ATTEMPT || '1',
    workflow: env.GITHUB_WORKFLOW || '',
    job: env.GITHUB_JOB || '',
  };
}

/** Labels: comma- or newline-separated; the first one finds the issue again. */
export function parseLabels(value: string): string[] {
  const labels = value
    .split(/[,\n]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  for (const l of labels) checkNoControlCharacters('labels', checkLength('labels', l, 50));
  if (labels.length === 0)
    throw new ConfigurationError(
      `Input 'labels' is empty: give at least one label (default ${DEFAULTS.labels}).`,
    );
  return [...new Set(labels)];
}

/** The status is read first and on its own: a bad other input must not lose the job's status. */
export function getStatus(): JobStatus {
  return parseChoice<JobStatus>('status', input('status').toLowerCase(), ['success', 'failure', 'cancelled']);
}

export function getInputs(status: JobStatus): FailureIssueInputs {
  const run = runContext();
  const [owner, repo] = run.repository.split('/');
  if (!owner || !repo) {
    throw new ConfigurationError(
      'GITHUB_REPOSITORY is not set: failure-issue runs inside a GitHub Actions job.',
    );
  }
  const token = input('github-token');
  if (!token) {
    throw new ConfigurationError(
      `Input 'github-token' is empty: keep the default \${{ github.token }} and grant 'issues: write'.`,
    );
  }
  const fingerprint = checkNoControlCharacters(
    'fingerprint',
    checkLength('fingerprint', input('fingerprint') || defaultFingerprint(run), 200),
  );
  const title = checkNoControlCharacters(
    'title',
    checkLength('title', input('title') || defaultTitle(run, fingerprint), 256),
  );
  const heartbeat = input('heartbeat-url');
  if (heartbeat) {
    try {
      validateHeartbeatUrl('heartbeat-url', heartbeat);
    } catch (err) {
      throw new ConfigurationError((err as Error).message);
    }
  }
  return {
    token,
    owner,
    repo,
    ...(heartbeat ? { heartbeatUrl: heartbeat } : {}),
    report: {
      status,
      fingerprint,
      title,
      labels: parseLabels(orDefault(actionReader, 'labels')),
      body: checkLength('body', input('body'), 50_000),
      closeOnSuccess: booleanInput('close-on-success'),
      notifyOnCancel: booleanInput('notify-on-cancel'),
      run,
    },
  };
}
