/**
 * The issues part of the GitHub REST API, on top of the generic route stand-in
 * (github-api.ts): issues, labels and comments kept in memory, pagination with Link headers, and
 * injected faults (a 502, a secondary rate limit). Every request and every response it handles is
 * validated against GitHub's OpenAPI description (test/fixtures/github-openapi-subset.json,
 * extracted by scripts/extract-openapi-subset.mjs from @octokit/openapi); anything that does not
 * conform is recorded in `violations`, which a test asserts is empty.
 *
 * OpenAPI 3.0 is not JSON Schema: `nullable: true` is rewritten into `anyOf: [{type: 'null'}, ...]`
 * before the schemas are given to ajv (ajv's own `nullable` support needs a sibling `type`, which
 * GitHub's schemas often lack, e.g. beside `allOf`); `strict: false` lets ajv ignore OpenAPI-only
 * keywords (`discriminator`, `x-github`...); the formats GitHub uses (`uri`, `date-time`, `int64`,
 * `email`...) are checked by the small functions below; query and path parameters are validated
 * with type coercion, since they arrive as strings.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { GitHubApiStandin, type RecordedRequest, type RouteReply } from './github-api.js';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema?: unknown;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  requestBody?: unknown;
  responses: Record<string, { description?: string; schema?: unknown }>;
}
interface Subset {
  source: Record<string, string>;
  operations: Record<string, Operation>;
  components: { schemas: Record<string, unknown> };
}

const SUBSET_PATH = new URL('../fixtures/github-openapi-subset.json', import.meta.url);

/** OpenAPI 3.0 `nullable` to JSON Schema. */
export function nullableToJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableToJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'nullable') continue;
    // property names are data, not keywords: recurse into each property's schema
    out[k] =
      k === 'properties' && v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, nullableToJsonSchema(s)]))
        : nullableToJsonSchema(v);
  }
  if ((node as { nullable?: unknown }).nullable === true) {
    if (out.enum && Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

function addFormats(ajv: Ajv) {
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s));
  ajv.addFormat('uri-template', () => true);
  ajv.addFormat('date-time', (s: string) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s),
  );
  ajv.addFormat('date', (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s));
  ajv.addFormat('email', (s: string) => s.includes('@'));
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('repo.nwo', () => true);
  ajv.addFormat('ssh-key', () => true);
  ajv.addFormat('binary', () => true);
  ajv.addFormat('hostname', () => true);
  ajv.addFormat('uuid', () => true);
}

/** Validators for the operations of the committed subset. */
export class OpenApiValidator {
  readonly subset: Subset;
  private readonly ajv: Ajv;
  private readonly params: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    this.subset = JSON.parse(readFileSync(SUBSET_PATH, 'utf8')) as Subset;
    const doc = nullableToJsonSchema({
      $id: 'gh',
      operations: this.subset.operations,
      components: this.subset.components,
    });
    this.ajv = new Ajv({ allErrors: true, strict: false });
    this.params = new Ajv({ allErrors: true, strict: false, coerceTypes: true });
    for (const a of [this.ajv, this.params]) {
      addFormats(a);
      a.addSchema(doc as object);
    }
  }

  operation(id: string): Operation {
    const op = this.subset.operations[id];
    if (!op)
      throw new Error(
        `operation ${id} is not in the OpenAPI subset: add it to scripts/extract-openapi-subset.mjs`,
      );
    return op;
  }

  private compile(ajv: Ajv, pointer: string): ValidateFunction {
    const key = `${ajv === this.params ? 'p' : 'b'}:${pointer}`;
    let v = this.cache.get(key);
    if (!v) {
      v = ajv.compile({ $ref: `gh#${pointer}` });
      this.cache.set(key, v);
    }
    return v;
  }

  private static esc(s: string) {
    return encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));
  }

  private errors(v: ValidateFunction, data: unknown, what: string): string[] {
    if (v(data)) return [];
    return (v.errors ?? [])
      .slice(0, 8)
      .map((e) => `${what}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }

  /** Problems with a request: unknown or invalid parameters, a body that does not conform. */
  validateRequest(id: string, req: RecordedRequest, pathParams: Record<string, string>): string[] {
    const op = this.operation(id);
    const problems: string[] = [];
    const esc = OpenApiValidator.esc(id);
    op.parameters.forEach((p, i) => {
      const value = p.in === 'path' ? pathParams[p.name] : p.in === 'query' ? req.query[p.name] : undefined;
      if (value === undefined) {
        if (p.required) problems.push(`${id}: missing ${p.in} parameter ${p.name}`);
        return;
      }
      const holder = { v: value };
      const v = this.compile(this.params, `/operations/${esc}/parameters/${i}/schema`);
      if (!v(holder.v))
        problems.push(`${id}: ${p.in} parameter ${p.name}=${value}: ${this.params.errorsText(v.errors)}`);
    });
    for (const q of Object.keys(req.query)) {
      if (!op.parameters.some((p) => p.in === 'query' && p.name === q))
        problems.push(`${id}: unknown query parameter ${q}`);
    }
    if (op.requestBody) {
      if (req.json === undefined) problems.push(`${id}: the request has no JSON body`);
      else
        problems.push(
          ...this.errors(this.compile(this.ajv, `/operations/${esc}/requestBody`), req.json, `${id} request`),
        );
    } else if (req.body) {
      problems.push(`${id}: unexpected request body`);
    }
    return problems;
  }

  /** Problems with a response: a status the operation does not document, a body that does not conform. */
  validateResponse(id: string, status: number, body: unknown): string[] {
    const op = this.operation(id);
    const doc = op.responses[String(status)];
    if (!doc)
      return [
        `${id}: status ${status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`,
      ];
    if (!doc.schema) return [];
    const pointer = `/operations/${OpenApiValidator.esc(id)}/responses/${status}/schema`;
    return this.errors(this.compile(this.ajv, pointer), body, `${id} response ${status}`);
  }
}

export interface StandinIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  comments: { id: number; body: string; created_at: string }[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  pull_request?: boolean;
}

export interface Fault {
  /** Operation id (issues/create...) or '*' for any. */
  operation: string;
  reply: RouteReply;
  /** How many matching requests get the fault (default 1). */
  times?: number;
  /** Skip this many matching requests first (default 0). */
  after?: number;
}

/** A 502 as GitHub's front end answers it (HTML, no documented schema). */
export const BAD_GATEWAY: RouteReply = {
  status: 502,
  body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
};

/** A secondary rate limit, as GitHub documents it: 403 with retry-after. */
export function secondaryRateLimit(retryAfterSeconds = 1): RouteReply {
  return {
    status: 403,
    headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-remaining': '0' },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
    },
  };
}

const USER = (login: string, id: number) => ({
  login,
  id,
  node_id: `U_${id}`,
  avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
  gravatar_id: '',
  url: `https://api.github.com/users/${login}`,
  html_url: `https://github.com/${login}`,
  followers_url: `https://api.github.com/users/${login}/followers`,
  following_url: `https://api.github.com/users/${login}/following{/other_user}`,
  gists_url: `https://api.github.com/users/${login}/gists{/gist_id}`,
  starred_url: `https://api.github.com/users/${login}/starred{/owner}{/repo}`,
  subscriptions_url: `https://api.github.com/users/${login}/subscriptions`,
  organizations_url: `https://api.github.com/users/${login}/orgs`,
  repos_url: `https://api.github.com/users/${login}/repos`,
  events_url: `https://api.github.com/users/${login}/events{/privacy}`,
  received_events_url: `https://api.github.com/users/${login}/received_events`,
  type: 'Bot',
  site_admin: false,
});

/**
 * GitHub issues for one repository. `new GitHubIssuesStandin(api, 'o', 'r')` registers its routes on
 * an existing GitHubApiStandin (so the pull-request routes of other tests can share it), or
 * `GitHubIssuesStandin.start()` starts one.
 */
export class GitHubIssuesStandin {
  readonly issues: StandinIssue[] = [];
  readonly labels = new Map<
    string,
    { id: number; name: string; color: string; description: string | null }
  >();
  readonly violations: string[] = [];
  readonly faults: (Fault & { seen: number; used: number })[] = [];
  /** Operation ids of the requests handled, in order. */
  readonly log: { operation: string; status: number }[] = [];
  private readonly validator = new OpenApiValidator();
  private nextId = 1000;

  static async start(owner = 'acme', repo = 'infra'): Promise<GitHubIssuesStandin> {
    return new GitHubIssuesStandin(await GitHubApiStandin.start(), owner, repo);
  }

  constructor(
    readonly api: GitHubApiStandin,
    readonly owner: string,
    readonly repo: string,
  ) {
    const base = `/repos/${owner}/${repo}`;
    this.handle('issues/list-for-repo', 'GET', `${base}/issues`, (req) => this.listIssues(req));
    this.handle('issues/create', 'POST', `${base}/issues`, (req) => this.createIssue(req));
    this.handle('issues/update', 'PATCH', `${base}/issues/:issue_number`, (req, p) =>
      this.updateIssue(req, p),
    );
    this.handle('issues/list-comments', 'GET', `${base}/issues/:issue_number/comments`, (req, p) =>
      this.listComments(req, p),
    );
    this.handle('issues/create-comment', 'POST', `${base}/issues/:issue_number/comments`, (req, p) =>
      this.createComment(req, p),
    );
    this.handle('issues/get-label', 'GET', `${base}/labels/:name`, (_req, p) => this.getLabel(p));
    this.handle('issues/create-label', 'POST', `${base}/labels`, (req) => this.createLabel(req));
  }

  get url(): string {
    return this.api.url;
  }

  close(): Promise<void> {
    return this.api.close();
  }

  /** Answers the next matching request(s) with a fault instead. */
  inject(fault: Fault): this {
    this.faults.push({ ...fault, seen: 0, used: 0 });
    return this;
  }

  addLabel(name: string): void {
    this.labels.set(name, { id: this.nextId++, name, color: 'ededed', description: null });
  }

  /** Adds an issue directly (not through the API). */
  seedIssue(issue: Partial<StandinIssue> & { title: string }): StandinIssue {
    const now = new Date().toISOString();
    const full: StandinIssue = {
      number: this.issues.length + 1,
      body: null,
      state: 'open',
      state_reason: null,
      labels: [],
      comments: [],
      created_at: now,
      updated_at: now,
      closed_at: null,
      ...issue,
    };
    for (const l of full.labels) if (!this.labels.has(l)) this.addLabel(l);
    this.issues.push(full);
    return full;
  }

  issue(number: number): StandinIssue | undefined {
    return this.issues.find((i) => i.number === number);
  }

  private handle(
    operation: string,
    method: string,
    pattern: string,
    fn: (req: RecordedRequest, params: Record<string, string>) => RouteReply,
  ): void {
    this.validator.operation(operation); // fails early when the subset lacks it
    this.api.route(method, pattern, ({ request, params }) => {
      const pathParams = { owner: this.owner, repo: this.repo, ...params };
      this.violations.push(...this.validator.validateRequest(operation, request, pathParams));
      const fault = this.faults.find((f) => {
        if (f.operation !== '*' && f.operation !== operation) return false;
        if (f.used >= (f.times ?? 1)) return false;
        return f.seen++ >= (f.after ?? 0);
      });
      let reply: RouteReply;
      if (fault) {
        fault.used++;
        reply = fault.reply;
        // an injected 502 is the front end's, outside the description; a documented status is still checked
        if (this.validator.operation(operation).responses[String(reply.status)]) {
          this.violations.push(
            ...this.validator.validateResponse(operation, reply.status ?? 200, reply.body),
          );
        }
      } else {
        reply = fn(request, pathParams);
        this.violations.push(...this.validator.validateResponse(operation, reply.status ?? 200, reply.body));
      }
      this.log.push({ operation, status: reply.status ?? 200 });
      return reply;
    });
  }

  private labelJson(name: string) {
    const l = this.labels.get(name)!;
    return {
      id: l.id,
      node_id: `LA_${l.id}`,
      url: `${this.api.url}/repos/${this.owner}/${this.repo}/labels/${encodeURIComponent(name)}`,
      name: l.name,
      description: l.description,
      color: l.color,
      default: false,
    };
  }

  private issueJson(i: StandinIssue) {
    const repoUrl = `${this.api.url}/repos/${this.owner}/${this.repo}`;
    const url = `${repoUrl}/issues/${i.number}`;
    return {
      id: 5000 + i.number,
      node_id: `I_${i.number}`,
      url,
      repository_url: repoUrl,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `https://github.com/${this.owner}/${this.repo}/${i.pull_request ? 'pull' : 'issues'}/${i.number}`,
      number: i.number,
      state: i.state,
      state_reason: i.state_reason,
      title: i.title,
      body: i.body,
      user: USER('github-actions[bot]', 41898282),
      labels: i.labels.map((l) => this.labelJson(l)),
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: i.comments.length,
      closed_at: i.closed_at,
      created_at: i.created_at,
      updated_at: i.updated_at,
      author_association: 'NONE',
      ...(i.pull_request
        ? {
            pull_request: {
              url: `${repoUrl}/pulls/${i.number}`,
              html_url: `https://github.com/${this.owner}/${this.repo}/pull/${i.number}`,
              diff_url: `https://github.com/${this.owner}/${this.repo}/pull/${i.number}.diff`,
              patch_url: `https://github.com/${this.owner}/${this.repo}/pull/${i.number}.patch`,
              merged_at: null,
            },
          }
        : {}),
    };
  }

  private commentJson(i: StandinIssue, c: StandinIssue['comments'][number]) {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${this.api.url}/repos/${this.owner}/${this.repo}/issues/comments/${c.id}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${i.number}#issuecomment-${c.id}`,
      body: c.body,
      user: USER('github-actions[bot]', 41898282),
      created_at: c.created_at,
      updated_at: c.created_at,
      issue_url: `${this.api.url}/repos/${this.owner}/${this.repo}/issues/${i.number}`,
      author_association: 'NONE',
    };
  }

  /** A page of items with GitHub's Link header (first/prev/next/last). */
  private page<T>(req: RecordedRequest, items: T[]): RouteReply {
    const perPage = Math.min(100, Math.max(1, Number(req.query.per_page ?? 30)));
    const page = Math.max(1, Number(req.query.page ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const body = items.slice((page - 1) * perPage, page * perPage);
    const link = (p: number, rel: string) => {
      const u = new URL(`${this.api.url}${req.path}`);
      for (const [k, v] of Object.entries(req.query)) u.searchParams.set(k, v);
      u.searchParams.set('page', String(p));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    return { status: 200, body, headers: links.length ? { link: links.join(', ') } : {} };
  }

  private listIssues(req: RecordedRequest): RouteReply {
    const state = req.query.state ?? 'open';
    const labels = (req.query.labels ?? '').split(',').filter(Boolean);
    const matching = this.issues
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => labels.every((l) => i.labels.includes(l)))
      .sort((a, b) => b.number - a.number); // GitHub's default: newest first
    const reply = this.page(req, matching);
    return { ...reply, body: (reply.body as StandinIssue[]).map((i) => this.issueJson(i)) };
  }

  private createIssue(req: RecordedRequest): RouteReply {
    const b = req.json as { title: string; body?: string; labels?: (string | { name: string })[] };
    const labels = (b.labels ?? []).map((l) => (typeof l === 'string' ? l : l.name));
    // GitHub creates a missing label silently when the token may; the action must not rely on it
    const missing = labels.filter((l) => !this.labels.has(l));
    if (missing.length) {
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [{ resource: 'Label', field: 'name', code: 'invalid', value: missing[0] }],
          documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
        },
      };
    }
    const issue = this.seedIssue({ title: String(b.title), body: b.body ?? null, labels });
    return { status: 201, body: this.issueJson(issue) };
  }

  private notFound(): RouteReply {
    return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
  }

  private updateIssue(req: RecordedRequest, p: Record<string, string>): RouteReply {
    const issue = this.issue(Number(p.issue_number));
    if (!issue) return this.notFound();
    const b = req.json as {
      state?: 'open' | 'closed';
      state_reason?: string | null;
      title?: string;
      body?: string;
    };
    const now = new Date().toISOString();
    if (b.title !== undefined) issue.title = b.title;
    if (b.body !== undefined) issue.body = b.body;
    if (b.state) {
      issue.state = b.state;
      issue.closed_at = b.state === 'closed' ? now : null;
      issue.state_reason = b.state === 'closed' ? (b.state_reason ?? 'completed') : 'reopened';
    }
    issue.updated_at = now;
    return { status: 200, body: this.issueJson(issue) };
  }

  private listComments(req: RecordedRequest, p: Record<string, string>): RouteReply {
    const issue = this.issue(Number(p.issue_number));
    if (!issue) return this.notFound();
    const reply = this.page(req, issue.comments);
    return {
      ...reply,
      body: (reply.body as StandinIssue['comments']).map((c) => this.commentJson(issue, c)),
    };
  }

  private createComment(req: RecordedRequest, p: Record<string, string>): RouteReply {
    const issue = this.issue(Number(p.issue_number));
    if (!issue) return this.notFound();
    const comment = {
      id: this.nextId++,
      body: String((req.json as { body: string }).body),
      created_at: new Date().toISOString(),
    };
    issue.comments.push(comment);
    return { status: 201, body: this.commentJson(issue, comment) };
  }

  private getLabel(p: Record<string, string>): RouteReply {
    return this.labels.has(p.name!) ? { status: 200, body: this.labelJson(p.name!) } : this.notFound();
  }

  private createLabel(req: RecordedRequest): RouteReply {
    const b = req.json as { name: string; color?: string; description?: string };
    if (this.labels.has(b.name)) {
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
          documentation_url: 'https://docs.github.com/rest/issues/labels#create-a-label',
        },
      };
    }
    this.labels.set(b.name, {
      id: this.nextId++,
      name: b.name,
      color: b.color ?? 'ededed',
      description: b.description ?? null,
    });
    return { status: 201, body: this.labelJson(b.name) };
  }
}
