import { finding, type Finding } from './findings.js';
import { JsonPlaces } from './json-places.js';
import type { StatefulTypes } from './stateful.js';

/** Pulumi step ops that delete the resource or replace it with a new one. */
export const DESTRUCTIVE_OPS = ['delete', 'replace', 'delete-replaced', 'create-replacement'] as const;
/** The ops of one replace: `pulumi preview --show-replacement-steps` shows all three, plain preview one. */
const REPLACE_OPS: readonly string[] = ['replace', 'delete-replaced', 'create-replacement'];

interface PulumiState {
  type?: unknown;
  protect?: unknown;
  retainOnDelete?: unknown;
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

const PREVIEW_FIX =
  'Give `pulumi preview --json > FILE` or `terraform plan -out PLAN && terraform show -json PLAN > FILE` as `preview`, and check that the step that writes it succeeded.';

type Doc = Record<string, unknown>;

function isObject(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * What a JSON document given as `preview` is. Invariant (fail closed): only a Pulumi preview
 * (`steps` / `changeSummary` / `diagnostics`) and a Terraform plan (`planned_values` or
 * `resource_changes`) are judged; every other document — a Terraform state or provider schema
 * (both `terraform show -json` / `terraform providers schema -json` output with a
 * `format_version`), a Pulumi stack export — is rejected with what it is, never judged clean.
 */
type DocumentKind = { kind: 'pulumi' } | { kind: 'terraform' } | { kind: 'other'; what: string };

function documentKind(d: Doc): DocumentKind {
  if (isObject(d.deployment) && 'version' in d) {
    return { kind: 'other', what: 'a Pulumi stack export (`pulumi stack export`: the state, not a preview)' };
  }
  if (Array.isArray(d.steps) || isObject(d.changeSummary) || Array.isArray(d.diagnostics))
    return { kind: 'pulumi' };
  if (isObject(d.planned_values) || Array.isArray(d.resource_changes)) return { kind: 'terraform' };
  if (isObject(d.provider_schemas)) {
    return { kind: 'other', what: 'a Terraform provider schema (`terraform providers schema -json`)' };
  }
  if ('format_version' in d || 'terraform_version' in d) {
    return {
      kind: 'other',
      what: isObject(d.values)
        ? 'a Terraform state (`terraform show -json` without a plan file): it says what exists, not what the change does'
        : 'a Terraform document that is not a plan (no `planned_values`, no `resource_changes`)',
    };
  }
  return { kind: 'other', what: 'neither `pulumi preview --json` nor `terraform show -json` output' };
}

/**
 * A `pulumi preview --json` document or a `terraform show -json` plan. `text` undefined means the
 * named file does not exist: a missing or failed preview proves nothing and is a violation.
 */
export function analyzePreview(file: string, text: string | undefined, stateful: StatefulTypes): Finding[] {
  if (text === undefined) {
    return [
      finding(
        'LB005',
        'error',
        file,
        `preview ${file} is missing: the preview or plan step did not produce it.`,
        { file },
        PREVIEW_FIX,
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
        { file, line: 1 },
        PREVIEW_FIX,
      ),
    ];
  }
  const kind: DocumentKind = isObject(doc)
    ? documentKind(doc)
    : { kind: 'other', what: 'not a JSON object, so neither a preview nor a plan' };
  const places = new JsonPlaces(text, file);
  if (kind.kind === 'pulumi') return pulumiPreview(file, doc as Doc, stateful, places);
  if (kind.kind === 'terraform') return terraformPlan(file, doc as Doc, stateful, places);
  return [
    finding(
      'LB005',
      'error',
      file,
      `preview ${file} is ${kind.what}: it is not judged, and the change it was meant to show is unchecked.`,
      { file, line: 1 },
      PREVIEW_FIX,
    ),
  ];
}

function pulumiPreview(file: string, d: Doc, stateful: StatefulTypes, places: JsonPlaces): Finding[] {
  const out: Finding[] = [];
  const diagnostics = Array.isArray(d.diagnostics) ? (d.diagnostics as unknown[]) : [];
  diagnostics.forEach((diag, i) => {
    if (!isObject(diag) || diag.severity !== 'error') return;
    const message = typeof diag.message === 'string' ? diag.message.trim().split('\n')[0]! : 'error';
    const urn = typeof diag.urn === 'string' ? diag.urn : undefined;
    out.push(
      finding(
        'LB005',
        'error',
        urn ? parseUrn(urn).name : file,
        `the preview failed (${message}): a failed preview proves nothing, and deleting a protected resource fails it.`,
        { file, line: places.element('diagnostics', i, 'message') },
        'Fix the preview error; if it is "resource ... cannot be deleted because it is protected", the change deletes or replaces a protected resource.',
      ),
    );
  });
  // one finding per resource: the three steps of a replace shown with --show-replacement-steps are one change
  const byUrn = new Map<
    string,
    { index: number; ops: Set<string>; type: string; protect: boolean; retained: boolean }
  >();
  const steps = Array.isArray(d.steps) ? (d.steps as unknown[]) : [];
  steps.forEach((raw, index) => {
    if (!isObject(raw)) return;
    const step = raw as PulumiStep;
    if (typeof step.op !== 'string') return;
    if (!(DESTRUCTIVE_OPS as readonly string[]).includes(step.op)) return;
    const urn = typeof step.urn === 'string' ? step.urn : '';
    const type =
      [step.newState?.type, step.oldState?.type].find((t): t is string => typeof t === 'string') ??
      parseUrn(urn).type;
    const isProtected = step.oldState?.protect === true || step.newState?.protect === true;
    const retained = step.oldState?.retainOnDelete === true;
    const seen = byUrn.get(urn);
    if (seen) {
      seen.ops.add(step.op);
      seen.protect ||= isProtected;
      seen.retained &&= retained;
    } else byUrn.set(urn, { index, ops: new Set([step.op]), type, protect: isProtected, retained });
  });
  for (const [urn, change] of byUrn) {
    if (!change.protect && !stateful.destroysData(change.type)) continue;
    const verb = [...change.ops].some((op) => REPLACE_OPS.includes(op)) ? 'replace' : 'delete';
    // a delete of a resource whose state has retainOnDelete only drops it from the state: no data is
    // lost. A replace still is a finding: the program moves to a new, empty resource.
    if (verb === 'delete' && change.retained && !change.protect) continue;
    const resource = `${parseUrn(urn).name || urn} (${change.type})`;
    out.push(
      finding(
        'LB005',
        'error',
        resource,
        `the preview would ${verb} ${resource}${change.protect ? ', a protected resource' : ', a stateful resource'}: its data would be lost.`,
        { file, line: places.element('steps', change.index, 'urn') },
      ),
    );
  }
  return out;
}

function terraformPlan(file: string, d: Doc, stateful: StatefulTypes, places: JsonPlaces): Finding[] {
  const out: Finding[] = [];
  if (d.errored === true) {
    out.push(
      finding('LB005', 'error', file, 'the terraform plan errored: a failed plan proves nothing.', {
        file,
        line: places.topLevel('errored'),
      }),
    );
  }
  const changes = Array.isArray(d.resource_changes) ? (d.resource_changes as unknown[]) : [];
  changes.forEach((rc, i) => {
    if (!isObject(rc)) return;
    const actions = (rc.change as { actions?: unknown } | undefined)?.actions;
    if (!Array.isArray(actions) || !actions.includes('delete')) return;
    const type = typeof rc.type === 'string' ? rc.type : '';
    if (!stateful.destroysData(type)) return;
    const address = typeof rc.address === 'string' ? rc.address : type;
    const verb = actions.includes('create') ? 'replace' : 'delete';
    out.push(
      finding(
        'LB005',
        'error',
        address,
        `the plan would ${verb} ${address} (${type}, actions ${JSON.stringify(actions)}): its data would be lost.`,
        { file, line: places.element('resource_changes', i, 'address') },
        'Change the code so the resource is updated in place, or add `lifecycle { prevent_destroy = true }`. If the replace is intended, follow the intentional-replace flow.',
      ),
    );
  });
  return out;
}
