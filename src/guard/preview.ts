import { finding, lineOf, type Finding } from './findings.js';
import type { StatefulTypes } from './stateful.js';

/** Pulumi step ops that delete the resource or replace it with a new one. */
export const DESTRUCTIVE_OPS = ['delete', 'replace', 'delete-replaced', 'create-replacement'] as const;

interface PulumiState {
  type?: unknown;
  protect?: unknown;
}

interface PulumiStep {
  op?: unknown;
  urn?: unknown;
  oldState?: PulumiState;
  newState?: PulumiState;
}

/** The type and name parts of a Pulumi URN: urn:pulumi:stack::project::parent$type::name. */
export function parseUrn(urn: string): { type: string; name: string } {
  const parts = urn.split('::');
  const typeChain = parts[2] ?? '';
  return { type: typeChain.split('$').pop() ?? '', name: parts.slice(3).join('::') };
}

/**
 * A `pulumi preview --json` document or a `terraform show -json` plan. `text` undefined means the
 * named file does not exist: a missing or failed preview proves nothing and is a violation.
 */
export function analyzePreview(file: string, text: string | undefined, stateful: StatefulTypes): Finding[] {
  const place = (line = 1) => ({ file, line });
  if (text === undefined) {
    return [
      finding(
        'LB005',
        'error',
        file,
        `preview ${file} is missing: the preview or plan step did not produce it.`,
        { file },
        'Run `pulumi preview --json > FILE` (or `terraform show -json PLAN > FILE`) in an earlier step and check that it succeeded.',
      ),
    ];
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return [
      finding(
        'LB005',
        'error',
        file,
        `preview ${file} is not JSON (${(err as Error).message.split('\n')[0]}): a failed preview proves nothing.`,
        place(),
      ),
    ];
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return [
      finding(
        'LB005',
        'error',
        file,
        `preview ${file} is not a pulumi preview or terraform plan document.`,
        place(),
      ),
    ];
  }
  const d = doc as Record<string, unknown>;
  const at = (needle: string) => {
    const i = text.indexOf(JSON.stringify(needle));
    return place(i >= 0 ? lineOf(text, i) : 1);
  };
  if (Array.isArray(d.steps) || 'changeSummary' in d || Array.isArray(d.diagnostics)) {
    return pulumiPreview(file, d, stateful, at);
  }
  if (Array.isArray(d.resource_changes) || 'terraform_version' in d || 'format_version' in d) {
    return terraformPlan(file, d, stateful, at);
  }
  return [
    finding(
      'LB005',
      'error',
      file,
      `preview ${file} is neither \`pulumi preview --json\` nor \`terraform show -json\` output.`,
      place(),
    ),
  ];
}

function pulumiPreview(
  file: string,
  d: Record<string, unknown>,
  stateful: StatefulTypes,
  at: (needle: string) => { file: string; line: number },
): Finding[] {
  const out: Finding[] = [];
  const diagnostics = Array.isArray(d.diagnostics) ? (d.diagnostics as Record<string, unknown>[]) : [];
  for (const diag of diagnostics) {
    if (diag?.severity !== 'error') continue;
    const message = typeof diag.message === 'string' ? diag.message.trim().split('\n')[0]! : 'error';
    const urn = typeof diag.urn === 'string' ? diag.urn : undefined;
    out.push(
      finding(
        'LB005',
        'error',
        urn ? parseUrn(urn).name : file,
        `the preview failed (${message}): a failed preview proves nothing, and deleting a protected resource fails it.`,
        typeof diag.message === 'string' ? at(diag.message) : at('diagnostics'),
        'Fix the preview error; if it is "resource ... cannot be deleted because it is protected", the change deletes or replaces a protected resource.',
      ),
    );
  }
  const steps = Array.isArray(d.steps) ? (d.steps as PulumiStep[]) : [];
  for (const step of steps) {
    if (typeof step?.op !== 'string' || !(DESTRUCTIVE_OPS as readonly string[]).includes(step.op)) continue;
    const urn = typeof step.urn === 'string' ? step.urn : '';
    const parsed = parseUrn(urn);
    const type =
      [step.newState?.type, step.oldState?.type].find((t): t is string => typeof t === 'string') ??
      parsed.type;
    const isProtected = step.oldState?.protect === true || step.newState?.protect === true;
    if (!isProtected && !stateful.has(type)) continue;
    const resource = `${parsed.name || urn} (${type})`;
    out.push(
      finding(
        'LB005',
        'error',
        resource,
        `the preview would ${step.op} ${resource}${isProtected ? ', a protected resource' : ', a stateful resource'}: its data would be lost.`,
        at(urn),
      ),
    );
  }
  return out;
}

function terraformPlan(
  file: string,
  d: Record<string, unknown>,
  stateful: StatefulTypes,
  at: (needle: string) => { file: string; line: number },
): Finding[] {
  const out: Finding[] = [];
  if (d.errored === true) {
    out.push(
      finding(
        'LB005',
        'error',
        file,
        'the terraform plan errored: a failed plan proves nothing.',
        at('errored'),
      ),
    );
  }
  const changes = Array.isArray(d.resource_changes) ? (d.resource_changes as Record<string, unknown>[]) : [];
  for (const rc of changes) {
    const actions = (rc?.change as { actions?: unknown } | undefined)?.actions;
    if (!Array.isArray(actions) || !actions.includes('delete')) continue;
    const type = typeof rc.type === 'string' ? rc.type : '';
    if (!stateful.has(type)) continue;
    const address = typeof rc.address === 'string' ? rc.address : type;
    const verb = actions.includes('create') ? 'replace' : 'delete';
    out.push(
      finding(
        'LB005',
        'error',
        address,
        `the plan would ${verb} ${address} (${type}, actions ${JSON.stringify(actions)}): its data would be lost.`,
        at(address),
        'Change the code so the resource is updated in place, or add `lifecycle { prevent_destroy = true }`. If the replace is intended, follow the intentional-replace flow.',
      ),
    );
  }
  return out;
}
