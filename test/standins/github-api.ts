import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received, as the wire carried it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: string;
  /** The JSON body, when it parses. */
  json?: unknown;
}

export interface RouteContext {
  params: Record<string, string>;
  request: RecordedRequest;
}

export interface RouteReply {
  status?: number;
  headers?: Record<string, string>;
  /** Objects and arrays are sent as JSON; strings as they are. */
  body?: unknown;
}

export type RouteHandler = (ctx: RouteContext) => RouteReply | Promise<RouteReply>;

interface Route {
  method: string;
  pattern: string;
  match: RegExp;
  names: string[];
  handler: RouteHandler;
}

/**
 * A wire-level stand-in for the GitHub REST API on 127.0.0.1. Tests register routes such as
 * `api.route('GET', '/repos/:owner/:repo/issues/:number/labels', () => ({ body: [...] }))`; every
 * request is recorded; an unrouted request is answered 404 the way GitHub answers it. Point a
 * bundle at it with GITHUB_API_URL=api.url.
 */
export class GitHubApiStandin {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];
  private server?: Server;
  url = '';

  static async start(): Promise<GitHubApiStandin> {
    const api = new GitHubApiStandin();
    await api.listen();
    return api;
  }

  /** Registers a route; a later route for the same method and pattern replaces the earlier one. */
  route(method: string, pattern: string, handler: RouteHandler): this {
    const names: string[] = [];
    const source = pattern
      .split('/')
      .map((seg) => {
        if (seg.startsWith(':')) {
          names.push(seg.slice(1));
          return '([^/]+)';
        }
        return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    const existing = this.routes.findIndex((r) => r.method === method.toUpperCase() && r.pattern === pattern);
    const route = {
      method: method.toUpperCase(),
      pattern,
      match: new RegExp(`^${source}/?$`),
      names,
      handler,
    };
    if (existing >= 0) this.routes[existing] = route;
    else this.routes.push(route);
    return this;
  }

  /** The recorded requests of one method and path (exact, without query). */
  requestsTo(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && r.path === path);
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
    };
    if (body) {
      try {
        request.json = JSON.parse(body);
      } catch {
        // not JSON: keep the text
      }
    }
    this.requests.push(request);
    let reply: RouteReply = {
      status: 404,
      body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
    };
    for (const r of this.routes) {
      if (r.method !== request.method) continue;
      const m = r.match.exec(url.pathname);
      if (!m) continue;
      const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      try {
        reply = await r.handler({ params, request });
      } catch (err) {
        reply = { status: 500, body: { message: String(err) } };
      }
      break;
    }
    const isText = typeof reply.body === 'string';
    const payload =
      reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
    res.writeHead(reply.status ?? 200, {
      'content-type': isText ? 'text/plain' : 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      ...reply.headers,
    });
    res.end(payload);
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
