// first: defines __filename for the TypeScript compiler inside this ES module bundle
import '../../util/cjs-globals.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import { RULES, type Finding } from '../../guard/findings.js';
import { countBySeverity, runGuard } from '../../guard/guard.js';
import { applyOverride, decideOverride, type OverrideDecision } from '../../guard/override.js';
import { guardOptions } from '../../options/guard-options.js';
import { actionsLogger, input } from '../common/action-io.js';
import { runStep } from '../common/run-step.js';
import { GitHubPullRequest } from './github-pull-request.js';
import { getInputs, OUTPUTS } from './inputs.js';
import { guardSummary, type GuardRun } from './summary.js';

/** Blocks a deploy that would leave stateful resources unprotected, unless the allow label says so. */
export async function run(): Promise<void> {
  await runStep({
    name: 'protected-deploy-guard',
    outputs: OUTPUTS,
    outputValues: (r: GuardRun | undefined) => ({
      violations: r?.violations ?? 0,
      overridden: r?.override.applied ?? false,
      'report-path': r?.reportPath ?? '',
    }),
    secrets: () => [input('github-token')],
    inputs: getInputs,
    async execute(inputs): Promise<GuardRun> {
      const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
      const options = guardOptions(inputs, workspace, new Date());
      const result = await core.group('Checking infrastructure code, previews and backups', () =>
        runGuard(options),
      );
      for (const f of result.files) core.info(`checked ${f.file} (${f.kind})`);
      for (const n of result.notes) core.warning(n);
      const violations = countBySeverity(result.findings).errors;
      const override = await decideOverride(
        { violations, label: inputs.allowLabel },
        new GitHubPullRequest(inputs.githubToken),
        actionsLogger,
      );
      const findings = override.applied ? applyOverride(result.findings) : result.findings;
      annotate(findings, override);
      const reportPath = writeReport({
        schema: 1,
        violations,
        overridden: override.applied,
        override,
        protectedStages: inputs.protectedStages,
        statefulTypes: options.stateful.list(),
        files: result.files,
        previews: inputs.previews,
        ...(result.freshness ? { freshness: result.freshness } : {}),
        notes: result.notes,
        findings,
      });
      return { result, findings, violations, override, reportPath };
    },
    summary: guardSummary,
    verdict: ({ violations, override, reportPath }) =>
      violations > 0 && !override.applied
        ? `${violations} violation${violations === 1 ? '' : 's'} of protected-deploy-guard (see the annotations and ${reportPath}). ${override.reason}`
        : undefined,
    passed: ({ violations, override }) =>
      violations > 0
        ? core.warning(
            `${violations} violation(s) overridden by the label "${override.label}" on pull request #${override.pullRequest}.`,
          )
        : core.info('protected-deploy-guard: no violations.'),
  });
}

/** Writes the JSON report under RUNNER_TEMP; returns its path (the report-path output). */
function writeReport(report: object): string {
  const path = join(process.env.RUNNER_TEMP || tmpdir(), 'lifeboat-protected-deploy-guard', 'report.json');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}

/** One annotation per finding, at its file and line. */
function annotate(findings: readonly Finding[], override: OverrideDecision): void {
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
