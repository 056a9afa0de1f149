/** The rules of protected-deploy-guard: one id, a title, and the fix a person applies. */
export type RuleId = 'LB001' | 'LB002' | 'LB003' | 'LB004' | 'LB005' | 'LB006' | 'LB007';

export interface Rule {
  id: RuleId;
  title: string;
  fix: string;
}

export const RULES: Record<RuleId, Rule> = {
  LB001: {
    id: 'LB001',
    title: 'stateful resource without protect',
    fix: 'Add `protect: true` to the resource options (the 3rd argument), or an expression that is true for every protected stage such as `protect: $app.stage === "production"`.',
  },
  LB002: {
    id: 'LB002',
    title: 'stateful resource without retainOnDelete',
    fix: 'Add `retainOnDelete: true` to the resource options (the 3rd argument): removing the resource from the program then leaves the data in the cloud.',
  },
  LB003: {
    id: 'LB003',
    title: 'SST app config does not retain or protect a protected stage',
    fix: 'In sst.config.ts app(): `removal: input?.stage === "production" ? "retain" : "remove"` and `protect: ["production"].includes(input?.stage)`.',
  },
  LB004: {
    id: 'LB004',
    title: 'fly.toml mount keeps too few volume snapshots',
    fix: 'Under [mounts] set `snapshot_retention = N` (at least the minimum, at most 60) and remove `scheduled_snapshots = false`.',
  },
  LB005: {
    id: 'LB005',
    title: 'preview or plan deletes or replaces a stateful or protected resource',
    fix: 'Change the code so the resource is updated in place (for example `ignoreChanges` on the replacing property). If the replace is intended, follow the intentional-replace flow: add the allow label, unprotect, deploy, re-protect.',
  },
  LB006: {
    id: 'LB006',
    title: 'newest backup is too old',
    fix: 'Run a backup (and verify-restore) of the target so that a fresh, good snapshot exists, then re-run this check.',
  },
  LB007: {
    id: 'LB007',
    title: 'infrastructure input the guard cannot read',
    fix: 'Point `paths` at what the guard reads (TypeScript, Pulumi YAML, fly.toml), or list the file under `skip` with the reason it needs no check (for example `infra/legacy/**: checked by its pulumi preview`), or set `unsupported: warn` to report unread inputs as warnings.',
  },
};

export type Severity = 'error' | 'warning';

export interface Finding {
  rule: RuleId;
  /** error: a violation that blocks; warning: reported, never blocks (an undecidable case). */
  severity: Severity;
  /** What the finding is about: a resource name with its type, a mount, a target. */
  resource: string;
  message: string;
  fix: string;
  /** Path relative to the workspace; absent when the finding has no place in a file (LB006). */
  file?: string;
  line?: number;
  /** Set when an allow label turned this violation into a warning. */
  overridden?: boolean;
}

export function finding(
  rule: RuleId,
  severity: Severity,
  resource: string,
  message: string,
  place: { file?: string; line?: number } = {},
  fix = RULES[rule].fix,
): Finding {
  return {
    rule,
    severity,
    resource,
    message,
    fix,
    ...(place.file !== undefined ? { file: place.file } : {}),
    ...(place.line !== undefined ? { line: place.line } : {}),
  };
}
