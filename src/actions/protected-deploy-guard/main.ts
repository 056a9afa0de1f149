// first: defines __filename for the TypeScript compiler inside this ES module bundle
import '../../util/cjs-globals.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { errorMessage, OperationFailedError } from '../../util/errors.js';
import type { Finding } from '../../guard/findings.js';
import { RULES } from '../../guard/findings.js';
import { countBySeverity, runGuard, type GuardResult } from '../../guard/guard.js';
import { applyOverride, pullRequestFromEvent, type PullRequestRef } from '../../guard/override.js';
import { failStep, maskKnownSecrets, setOutputs, writeSummary } from '../common/action-io.js';
import { guardOptions } from '../../options/guard-options.js';
import { getInputs, OUTPUTS, type GuardInputs } from './inputs.js';

interface OverrideState {
  applied: boolean;
  label: string;
  pullRequest?: number;
  labels: string[];
  labelSource?: 'api' | 'event';
  reason: string;
}

export async function run(): Promise<void> {
  const reportPath = join(
    process.env.RUNNER_TEMP || tmpdir(),
    'lifeboat-protected-deploy-guard',
    'report.json',
  );
  let outputsSet = false;
  try {
    maskKnownSecrets([core.getInput('github-token')]);
    const inputs = getInputs();
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const options = guardOptions(inputs, workspace, new Date());
    const result = await core.group('Checking infrastructure code, previews and backups', () =>
      runGuard(options),
    );
    for (const f of result.files) core.info(`checked ${f.file} (${f.kind})`);
    for (const n of result.notes) core.warning(n);

    const { errors } = countBySeverity(result.findings);
    const override =
      errors > 0
        ? await decideOverride(inputs)
        : { applied: false, label: inputs.allowLabel, labels: [], reason: 'no violations' };
    const findings = override.applied ? applyOverride(result.findings) : result.findings;
    annotate(findings, override);

    mkdirSync(dirname(reportPath), { recursive: true });
    writeFileSync(
      reportPath,
      `${JSON.stringify(
        {
          schema: 1,
          violations: errors,
          overridden: override.applied,
          override,
          protectedStages: inputs.protectedStages,
          statefulTypes: options.stateful.list(),
          files: result.files,
          previews: inputs.previews,
          ...(result.freshness ? { freshness: result.freshness } : {}),
          notes: result.notes,
          findings,
        },
        null,
        2,
      )}\n`,
    );
    setOutputs(OUTPUTS, { violations: errors, overridden: override.applied, 'report-path': reportPath });
    outputsSet = true;
    await writeSummary((s) => summarize(s, result, findings, errors, override));

    if (errors > 0 && !override.applied) {
      throw new OperationFailedError(
        `${errors} violation${errors === 1 ? '' : 's'} of protected-deploy-guard (see the annotations and ${reportPath}). ${override.reason}`,
      );
    }
    if (errors > 0)
      core.warning(
        `${errors} violation(s) overridden by the label "${override.label}" on pull request #${override.pullRequest}.`,
      );
    else core.info('protected-deploy-guard: no violations.');
  } catch (err) {
    if (!outputsSet) setOutputs(OUTPUTS, { violations: 0, overridden: false, 'report-path': '' });
    failStep(err);
  }
}

/** The allow label applies only to a pull request; its labels are re-read from the API (a label added after the push counts). */
async function decideOverride(inputs: GuardInputs): Promise<OverrideState> {
  const label = inputs.allowLabel;
  const base = { applied: false, label, labels: [] as string[] };
  if (!label) return { ...base, reason: 'No allow-label is configured.' };
  const eventName = process.env.GITHUB_EVENT_NAME ?? '';
  let payload: unknown;
  try {
    payload = process.env.GITHUB_EVENT_PATH
      ? JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'))
      : undefined;
  } catch (err) {
    core.warning(`cannot read the event payload ${process.env.GITHUB_EVENT_PATH}: ${errorMessage(err)}`);
  }
  const pr = pullRequestFromEvent(eventName, payload);
  if (!pr) {
    return {
      ...base,
      reason: `The label "${label}" cannot apply: this run is a ${eventName || 'non-pull-request'} event, not a pull request.`,
    };
  }
  const { labels, source } = await currentLabels(pr, inputs.githubToken, payload);
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
  token: string,
  payload: unknown,
): Promise<{ labels: string[]; source: 'api' | 'event' }> {
  const fullName =
    process.env.GITHUB_REPOSITORY ||
    (payload as { repository?: { full_name?: string } }).repository?.full_name ||
    '';
  const [owner, repo] = fullName.split('/');
  if (!token || !owner || !repo) {
    core.warning(
      `cannot re-read the labels of pull request #${pr.number} (${!token ? 'no github-token' : 'no GITHUB_REPOSITORY'}): using the labels in the event payload.`,
    );
    return { labels: pr.labels, source: 'event' };
  }
  try {
    const octokit = github.getOctokit(token, {
      baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    });
    const labels = await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, {
      owner,
      repo,
      issue_number: pr.number,
      per_page: 100,
    });
    return { labels: labels.map((l) => l.name), source: 'api' };
  } catch (err) {
    core.warning(
      `could not re-read the labels of pull request #${pr.number} from the GitHub API (${errorMessage(err)}): using the labels in the event payload.`,
    );
    return { labels: pr.labels, source: 'event' };
  }
}

function annotate(findings: readonly Finding[], override: OverrideState): void {
  for (const f of findings) {
    const text = `${f.rule}: ${f.message}${f.overridden ? ` (overridden by the label "${override.label}")` : ''}\nFix: ${f.fix}`;
    const props: core.AnnotationProperties = {
      title: `${f.rule} ${RULES[f.rule].title}`,
      ...(f.file !== undefined ? { file: f.file } : {}),
      ...(f.line !== undefined ? { startLine: f.line } : {}),
    };
    if (f.severity === 'error') core.error(text, props);
    else core.warning(text, props);
  }
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;');
}

function summarize(
  s: typeof core.summary,
  result: GuardResult,
  findings: readonly Finding[],
  errors: number,
  override: OverrideState,
): void {
  s.addHeading('protected-deploy-guard', 2);
  const verdict =
    errors === 0
      ? 'No violations.'
      : override.applied
        ? `${errors} violation(s) overridden by the label <code>${esc(override.label)}</code> on pull request #${override.pullRequest}.`
        : `${errors} violation(s): the deploy is blocked.`;
  s.addRaw(`<p>${verdict} Checked ${result.files.length} file(s).</p>`, true);
  if (findings.length > 0) {
    s.addTable([
      [
        { data: 'Rule', header: true },
        { data: 'Severity', header: true },
        { data: 'Resource', header: true },
        { data: 'File:line', header: true },
        { data: 'Finding', header: true },
        { data: 'Fix', header: true },
      ],
      ...findings.map((f) => [
        f.rule,
        f.overridden ? 'overridden' : f.severity,
        esc(f.resource),
        f.file ? esc(`${f.file}${f.line ? `:${f.line}` : ''}`) : '',
        esc(f.message),
        esc(f.fix),
      ]),
    ]);
  }
  if (override.applied) {
    s.addHeading('Overridden', 3);
    s.addRaw(
      `<p>The label <code>${esc(override.label)}</code> (read from the ${override.labelSource === 'api' ? 'GitHub API' : 'event payload'}) turned ${errors} violation(s) into warnings. Intentional-replace flow: unprotect the resource in this pull request, deploy, then re-protect it in a follow-up pull request and remove the label.</p>`,
      true,
    );
  } else if (errors > 0) {
    s.addRaw(`<p>${esc(override.reason)}</p>`, true);
  }
}
