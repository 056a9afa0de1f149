/**
 * Retry policy for calls to an HTTP API (GitHub, a heartbeat endpoint): server errors (5xx),
 * network errors and rate limits are retried with exponential backoff; anything else is final.
 * Errors are read by shape (a `status` and `response.headers`, as octokit's RequestError has), so
 * this module depends on no client library.
 */

export interface RetryOptions {
  /** Total attempts including the first (default 4). */
  attempts?: number;
  /**
   * The time unit in milliseconds (default 1000): backoff waits base, 2*base, 4*base (plus jitter),
   * and a server's `retry-after: N` waits N*base. Tests shrink it to stay fast.
   */
  baseMs?: number;
  /** The longest single wait, in units of baseMs (default 60). */
  maxUnits?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told about every retry (for the log). */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
  signal?: AbortSignal;
}

export interface ErrorShape {
  status?: number;
  message?: string;
  code?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

export interface RetryDecision {
  retry: boolean;
  /** A wait the server asked for, in seconds. */
  retryAfterSeconds?: number;
  reason: string;
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

function header(err: ErrorShape, name: string): string | undefined {
  const v = err.response?.headers?.[name];
  return v === undefined ? undefined : String(v);
}

/** Decides whether an error from an API call is worth another attempt. */
export function classifyError(err: unknown): RetryDecision {
  const e = (err ?? {}) as ErrorShape;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (status === undefined || status === 0) {
    const code = e.code ?? (e as { cause?: { code?: string } }).cause?.code;
    if (code && NETWORK_CODES.has(code)) return { retry: true, reason: `network error ${code}` };
    if (/fetch failed|socket hang up|network|timed? ?out|aborted due to timeout/i.test(message)) {
      return { retry: true, reason: `network error: ${message}` };
    }
    return { retry: false, reason: message };
  }
  const retryAfter = header(e, 'retry-after');
  const retryAfterSeconds =
    retryAfter !== undefined && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined;
  if (status >= 500) {
    return {
      retry: true,
      reason: `HTTP ${status}`,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    };
  }
  if (status === 403 || status === 429) {
    const remaining = header(e, 'x-ratelimit-remaining');
    const secondary = /secondary rate limit|abuse/i.test(message);
    if (retryAfterSeconds !== undefined || remaining === '0' || secondary || status === 429) {
      let wait = retryAfterSeconds;
      if (wait === undefined && remaining === '0') {
        const reset = Number(header(e, 'x-ratelimit-reset'));
        if (Number.isFinite(reset) && reset > 0) wait = Math.max(0, Math.ceil(reset - Date.now() / 1000));
      }
      return {
        retry: true,
        reason: `rate limited (HTTP ${status})`,
        ...(wait !== undefined ? { retryAfterSeconds: wait } : {}),
      };
    }
  }
  return { retry: false, reason: `HTTP ${status}: ${message}` };
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

/** The wait before attempt `attempt + 1` (attempt counts from 1). */
export function backoffMs(
  attempt: number,
  decision: RetryDecision,
  opts: RetryOptions = {},
  random = Math.random,
) {
  const base = opts.baseMs ?? 1000;
  const max = (opts.maxUnits ?? 60) * base;
  if (decision.retryAfterSeconds !== undefined)
    return Math.min(max, Math.max(base, decision.retryAfterSeconds * base));
  const exp = base * 2 ** (attempt - 1);
  return Math.min(max, Math.round(exp + random() * base * 0.25));
}

/** Runs fn, retrying what classifyError calls retryable; the last error is thrown as it was. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, opts.attempts ?? 4);
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      const decision = classifyError(err);
      if (!decision.retry || attempt >= attempts || opts.signal?.aborted) throw err;
      const delayMs = backoffMs(attempt, decision, opts);
      opts.onRetry?.({ attempt, delayMs, reason: decision.reason });
      await (opts.sleep ? opts.sleep(delayMs) : defaultSleep(delayMs, opts.signal));
    }
  }
}

/** The retry time unit: LIFEBOAT_RETRY_BASE_MS (undocumented, for tests) or one second. */
export function retryBaseFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.LIFEBOAT_RETRY_BASE_MS);
  return Number.isFinite(v) && v >= 0 && env.LIFEBOAT_RETRY_BASE_MS !== '' ? v : 1000;
}
