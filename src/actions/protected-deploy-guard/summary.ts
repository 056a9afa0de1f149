import type { Finding } from '../../guard/findings.js';
import type { GuardResult } from '../../guard/guard.js';
import type { OverrideDecision } from '../../guard/override.js';
import { code, type Summary } from '../common/summary.js';

/** A finished guard run: the findings after the override and where its JSON report is. */
export interface GuardRun {
  result: GuardResult;
  findings: Finding[];
  violations: number;
  override: OverrideDecision;
  reportPath: string;
}

export function guardSummary(s: Summary, { result, findings, violations, override }: GuardRun): void {
  s.heading('protected-deploy-guard');
  const verdict =
    violations === 0
      ? ['No violations.']
      : override.applied
        ? [
            `${violations} violation(s) overridden by the label `,
            code(override.label),
            ` on pull request #${override.pullRequest}.`,
          ]
        : [`${violations} violation(s): the deploy is blocked.`];
  s.paragraph([...verdict, ` Checked ${result.files.length} file(s).`]);
  if (findings.length > 0) {
    s.table(
      ['Rule', 'Severity', 'Resource', 'File:line', 'Finding', 'Fix'],
      findings.map((f) => [
        f.rule,
        f.overridden ? 'overridden' : f.severity,
        f.resource,
        f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '',
        f.message,
        f.fix,
      ]),
    );
  }
  if (override.applied) {
    s.heading('Overridden', 3).paragraph([
      'The label ',
      code(override.label),
      ` (read from the ${override.labelSource === 'api' ? 'GitHub API' : 'event payload'}) turned ${violations} violation(s) into warnings. Intentional-replace flow: unprotect the resource in this pull request, deploy, then re-protect it in a follow-up pull request and remove the label.`,
    ]);
  } else if (violations > 0) {
    s.paragraph(override.reason);
  }
}
