import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import type { PullRequestContext, RunEvent } from '../../guard/override.js';
import { errorMessage } from '../../util/errors.js';

/**
 * PullRequestContext from the runner and @actions/github (octokit): the event is the file at
 * GITHUB_EVENT_PATH, read once when first asked (an unreadable payload is a warning); the
 * repository is GITHUB_REPOSITORY, or the payload's; the API's base URL comes from GITHUB_API_URL
 * (GitHub Enterprise, or a stand-in in tests).
 */
export class GitHubPullRequest implements PullRequestContext {
  private read: RunEvent | undefined;

  constructor(
    private readonly token: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  event(): RunEvent {
    return (this.read ??= readEvent(this.env));
  }

  async labelsOf(pullRequest: number): Promise<string[]> {
    const payload = this.event().payload as { repository?: { full_name?: string } } | undefined;
    const [owner, repo] = (this.env.GITHUB_REPOSITORY || payload?.repository?.full_name || '').split('/');
    if (!this.token) throw new Error('no github-token');
    if (!owner || !repo) throw new Error('no GITHUB_REPOSITORY');
    const octokit = getOctokit(this.token, { baseUrl: this.env.GITHUB_API_URL || 'https://api.github.com' });
    const labels = await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, {
      owner,
      repo,
      issue_number: pullRequest,
      per_page: 100,
    });
    return labels.map((l) => l.name);
  }
}

function readEvent(env: NodeJS.ProcessEnv): RunEvent {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return { name, payload: undefined };
  try {
    return { name, payload: JSON.parse(readFileSync(path, 'utf8')) };
  } catch (err) {
    core.warning(`cannot read the event payload ${path}: ${errorMessage(err)}`);
    return { name, payload: undefined };
  }
}
