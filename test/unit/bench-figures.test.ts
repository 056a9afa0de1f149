import { describe, expect, it } from 'vitest';
import {
  indexCommandPhases,
  parsePhases,
  peakOf,
  targetRow,
  type ProcessPhases,
} from '../../bench/figures.js';

/** bench/figures.ts: the benchmark's derived figures (bench/bench.ts prints them). */

describe('a figure whose rows were not run', () => {
  it('is null and its row says "not run", never -Infinity and "yes"', () => {
    expect(peakOf([])).toBeNull();
    expect(peakOf([NaN])).toBeNull();
    expect(peakOf([12.5, 3])).toBe(12.5);
    const rss = targetRow('peak_rss_mib', peakOf([]), ['<= 200', (v) => v <= 200]);
    expect(rss).toBe('| peak_rss_mib | not run | <= 200 |  |');
    const disk = targetRow('temp_disk_mib', peakOf([]), ['0', (v) => v < 1]);
    expect(disk).not.toContain('Infinity');
    expect(disk).not.toContain('yes');
    expect(targetRow('temp_disk_mib', 0, ['0', (v) => v < 1])).toBe('| temp_disk_mib | 0 | 0 | yes |');
    expect(targetRow('ls_20k_s', 1.7, ['< 1 s', (v) => v < 1])).toBe('| ls_20k_s | 1.7 | < 1 s | **no** |');
  });
});

describe('the phases of a whole ls or diff process (bench/phase-timer.mjs)', () => {
  const request = (path: string, startMs: number, headersMs: number) => ({
    path,
    startMs,
    headersMs,
    headersCpuMs: headersMs / 2,
    endMs: headersMs + 5,
  });
  const diff: ProcessPhases = {
    nodeReadyMs: 40,
    imports: [{ url: 'file:///x/dist/cli/index.js', doneMs: 120 }],
    requests: [
      request('HEAD /b/lifeboat/t/latest.json', 300, 310),
      request('GET /b/lifeboat/t/latest.json?x-id=GetObject', 320, 330),
      request('GET /b/lifeboat/t/snapshots/1/index.jsonl.gz?versionId=a&x-id=GetObject', 400, 410),
      request('GET /b/lifeboat/t/snapshots/2/index.jsonl.gz.age?versionId=b&x-id=GetObject', 500, 530),
    ],
    exitMs: 700,
    exitCpuMs: 505,
  };

  it('splits Node, the load, the waits for the store and the time after the index arrived', () => {
    const line = `lifeboat t: something\nlifeboat-bench-phases ${JSON.stringify(diff)}\n`;
    expect(indexCommandPhases(parsePhases(line)!)).toEqual({
      node_s: 0.04,
      load_s: 0.26,
      store_wait_s: 0.06,
      // from the first index's headers (410) to the exit (700), less the second index's wait (30)
      after_fetch_s: 0.26,
      // CPU from the first index's headers (205 ms used by then) to the exit (505)
      after_fetch_cpu_s: 0.3,
    });
  });

  it('has no line, or no index, to split: null, or an error naming the requests', () => {
    expect(parsePhases('lifeboat ls: no such target\n')).toBeNull();
    expect(() => indexCommandPhases({ ...diff, requests: diff.requests.slice(0, 2) })).toThrow(
      /no GET of an index among HEAD \/b\/lifeboat\/t\/latest.json/,
    );
  });
});
