import { describe, expect, it } from 'vitest';
import { heartbeatUrl } from '../../src/report/heartbeat.js';
import { countFailedRuns, fingerprintMarker, hasMarker, runMarker } from '../../src/report/issue-report.js';
import { backoffMs, classifyError, withRetry } from '../../src/report/retry.js';

describe('fingerprint markers', () => {
  it('match whole markers only', () => {
    const body = `${fingerprintMarker('backup/app-2')}\ntext`;
    expect(hasMarker(body, 'backup/app-2')).toBe(true);
    expect(hasMarker(body, 'backup/app')).toBe(false);
    expect(fingerprintMarker('a b -->')).toBe('<!-- lifeboat:fingerprint=a%20b%20--%3E -->');
    expect(fingerprintMarker('é')).toBe('<!-- lifeboat:fingerprint=%C3%A9 -->');
  });
  it('counts distinct failed runs', () => {
    expect(countFailedRuns([runMarker('1'), `${runMarker('2')} again`, runMarker('2'), 'a person'])).toBe(2);
    expect(countFailedRuns(['no markers'])).toBe(1);
  });
});

describe('heartbeat URLs', () => {
  it('follow the healthchecks.io convention', () => {
    expect(heartbeatUrl('https://hc-ping.com/abc', 'success')).toBe('https://hc-ping.com/abc');
    expect(heartbeatUrl('https://hc-ping.com/abc/', 'fail')).toBe('https://hc-ping.com/abc/fail');
    expect(heartbeatUrl('https://hc.example/ping/k/slug?create=1', 'start')).toBe(
      'https://hc.example/ping/k/slug/start?create=1',
    );
  });
});

describe('retry policy', () => {
  const headers = (h: Record<string, string>) => ({ response: { headers: h } });
  it('retries 5xx, secondary rate limits and network errors, nothing else', () => {
    expect(classifyError({ status: 502 }).retry).toBe(true);
    expect(classifyError({ status: 403, ...headers({ 'retry-after': '3' }) })).toMatchObject({
      retry: true,
      retryAfterSeconds: 3,
    });
    expect(classifyError({ status: 403, message: 'You have exceeded a secondary rate limit' }).retry).toBe(
      true,
    );
    expect(classifyError({ status: 403, message: 'Resource not accessible by integration' }).retry).toBe(
      false,
    );
    expect(classifyError({ status: 404 }).retry).toBe(false);
    expect(classifyError({ status: 422 }).retry).toBe(false);
    expect(
      classifyError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } })).retry,
    ).toBe(true);
  });
  it('backs off exponentially in units of the base, and honours retry-after', () => {
    const d = { retry: true, reason: 'x' };
    expect([1, 2, 3].map((a) => backoffMs(a, d, { baseMs: 100 }, () => 0))).toEqual([100, 200, 400]);
    expect(backoffMs(1, { ...d, retryAfterSeconds: 30 }, { baseMs: 100 })).toBe(3000);
    expect(backoffMs(1, { ...d, retryAfterSeconds: 3600 }, { baseMs: 1000 })).toBe(60_000);
  });
  it('stops after the attempts and throws the last error', async () => {
    const waits: number[] = [];
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw Object.assign(new Error('bad gateway'), { status: 502 });
        },
        { attempts: 3, baseMs: 1, sleep: async (ms) => void waits.push(ms) },
      ),
    ).rejects.toThrow('bad gateway');
    expect(calls).toBe(3);
    expect(waits).toHaveLength(2);
  });
});
