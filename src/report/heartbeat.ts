import { withRetry, type RetryOptions } from './retry.js';

export type HeartbeatKind = 'success' | 'fail' | 'start';

/**
 * The healthchecks.io convention: the URL itself signals success, `URL/fail` a failure and
 * `URL/start` a start. A query string stays at the end (`https://hc.example/ping/abc/fail?rid=1`).
 */
export function heartbeatUrl(base: string, kind: HeartbeatKind): string {
  const url = new URL(base);
  if (kind !== 'success') url.pathname = `${url.pathname.replace(/\/+$/, '')}/${kind}`;
  return url.toString();
}

/** Checks a heartbeat URL given as input: http(s), no credentials in the log. */
export function validateHeartbeatUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Input '${name}' is not a URL: give the ping URL, e.g. https://hc-ping.com/<uuid>.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`Input '${name}' must be an http(s) URL, not ${url.protocol}.`);
  }
  return value;
}

export interface PingOptions extends RetryOptions {
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Sent as the request body (healthchecks.io shows it with the ping); capped at 10 kB. */
  body?: string;
  fetchImpl?: typeof fetch;
}

/** Pings a heartbeat URL; 5xx and network errors are retried, the final failure is thrown. */
export async function pingHeartbeat(
  base: string,
  kind: HeartbeatKind,
  opts: PingOptions = {},
): Promise<string> {
  const url = heartbeatUrl(base, kind);
  const doFetch = opts.fetchImpl ?? fetch;
  await withRetry(async () => {
    const res = await doFetch(url, {
      method: opts.body === undefined ? 'GET' : 'POST',
      ...(opts.body === undefined ? {} : { body: opts.body.slice(0, 10_000) }),
      headers: { 'user-agent': 'lifeboat-failure-issue' },
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) {
      const headers = Object.fromEntries(res.headers);
      throw Object.assign(new Error(`heartbeat answered HTTP ${res.status}`), {
        status: res.status,
        response: { headers },
      });
    }
  }, opts);
  return url;
}
