import { getOctokit } from '@actions/github';
import type { IssueRef, IssuesApi } from '../../report/issue-report.js';
import { withRetry, type RetryOptions } from '../../report/retry.js';

type Octokit = ReturnType<typeof getOctokit>;

/**
 * IssuesApi over @actions/github (octokit). The base URL comes from GITHUB_API_URL (GitHub
 * Enterprise, or a local stand-in in tests). Every request, including each page of a listing, goes
 * through the retry policy: 5xx, network errors and secondary rate limits are retried.
 */
export class GitHubIssues implements IssuesApi {
  private readonly octokit: Octokit;

  constructor(
    token: string,
    private readonly owner: string,
    private readonly repo: string,
    retry: RetryOptions,
  ) {
    this.octokit = getOctokit(token, {
      baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
      userAgent: 'lifeboat-failure-issue',
      request: { retries: 0 },
    });
    this.octokit.hook.wrap('request', (request, options) => withRetry(async () => request(options), retry));
  }

  async listOpenIssues(label: string): Promise<IssueRef[]> {
    const items = await this.octokit.paginate(this.octokit.rest.issues.listForRepo, {
      owner: this.owner,
      repo: this.repo,
      state: 'open',
      labels: label,
      per_page: 100,
    });
    return items
      .filter((i) => !i.pull_request)
      .map((i) => ({ number: i.number, url: i.html_url, title: i.title, body: i.body ?? '' }));
  }

  async listCommentBodies(issue: number): Promise<string[]> {
    const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, {
      owner: this.owner,
      repo: this.repo,
      issue_number: issue,
      per_page: 100,
    });
    return comments.map((c) => c.body ?? '');
  }

  async labelExists(name: string): Promise<boolean> {
    try {
      await this.octokit.rest.issues.getLabel({ owner: this.owner, repo: this.repo, name });
      return true;
    } catch (err) {
      if ((err as { status?: number }).status === 404) return false;
      throw err;
    }
  }

  async createLabel(label: { name: string; color: string; description: string }): Promise<void> {
    await this.octokit.rest.issues.createLabel({ owner: this.owner, repo: this.repo, ...label });
  }

  async createIssue(issue: { title: string; body: string; labels: string[] }): Promise<IssueRef> {
    const { data } = await this.octokit.rest.issues.create({ owner: this.owner, repo: this.repo, ...issue });
    return { number: data.number, url: data.html_url, title: data.title, body: data.body ?? '' };
  }

  async comment(issue: number, body: string): Promise<void> {
    await this.octokit.rest.issues.createComment({
      owner: this.owner,
      repo: this.repo,
      issue_number: issue,
      body,
    });
  }

  async closeCompleted(issue: number): Promise<void> {
    await this.octokit.rest.issues.update({
      owner: this.owner,
      repo: this.repo,
      issue_number: issue,
      state: 'closed',
      state_reason: 'completed',
    });
  }
}
