// The benchmark's derived figures, as pure functions (bench.ts runs the pipelines; this module
// only computes): the phases of a whole CLI process read from bench/phase-timer.mjs's line, and
// the peaks and "met" cells of the ratio table. Invariant: a figure whose rows were not run is
// null, never ±Infinity or NaN, and its row says "not run", never "yes".

/** What bench/phase-timer.mjs writes to stderr at exit (milliseconds since the process started). */
export interface ProcessPhases {
  nodeReadyMs: number;
  imports: { url: string; doneMs: number }[];
  requests: {
    path: string;
    startMs: number;
    headersMs: number | null;
    /** CPU time used (user + system) by the moment of headersMs. */
    headersCpuMs: number | null;
    endMs: number | null;
  }[];
  exitMs: number;
  exitCpuMs: number;
}

const PHASES_PREFIX = 'lifeboat-bench-phases ';

/** The phase-timer's line in a process's stderr, or null when it has none. */
export function parsePhases(stderr: string): ProcessPhases | null {
  const line = stderr
    .split('\n')
    .reverse()
    .find((l) => l.startsWith(PHASES_PREFIX));
  return line ? (JSON.parse(line.slice(PHASES_PREFIX.length)) as ProcessPhases) : null;
}

/** Where a whole `lifeboat ls` / `diff` process went, in seconds. */
export interface IndexCommandPhases {
  /** Process start until the preload ran: Node's own start. */
  node_s: number;
  /** From there to the first request to the store: the bundle's load and evaluation, flags, the S3 client. */
  load_s: number;
  /** Waiting for the store's answers (request start to response headers), every request. */
  store_wait_s: number;
  /**
   * From the (first) index's response headers to the exit, less the wait for any later index's
   * headers: the rest of the body from the local store, gunzip, the check of every line, the
   * listing or the comparison, and the output. The time "after the index is fetched", bounded
   * from above (the body's transfer is in it).
   */
  after_fetch_s: number;
  /** The CPU seconds of that part: what a loaded machine does not inflate as it does wall time. */
  after_fetch_cpu_s: number;
}

/** A request's path is `METHOD /bucket/key?query`: an index is the key index.jsonl.gz(.age). */
function isIndexRequest(request: string): boolean {
  const key = new URL(request.slice(request.indexOf(' ') + 1), 'http://store').pathname;
  return key.endsWith('/index.jsonl.gz') || key.endsWith('/index.jsonl.gz.age');
}

export function indexCommandPhases(p: ProcessPhases): IndexCommandPhases {
  const answered = p.requests.filter((r) => r.headersMs !== null);
  const indexes = answered.filter((r) => isIndexRequest(r.path));
  const first = indexes[0];
  if (!first) throw new Error(`no GET of an index among ${p.requests.map((r) => r.path).join(', ')}`);
  const wait = (r: ProcessPhases['requests'][number]) => (r.headersMs ?? r.startMs) - r.startMs;
  const laterIndexWait = indexes.slice(1).reduce((t, r) => t + wait(r), 0);
  const s = (ms: number) => Math.round(ms) / 1000;
  return {
    node_s: s(p.nodeReadyMs),
    load_s: s((p.requests[0]?.startMs ?? p.exitMs) - p.nodeReadyMs),
    store_wait_s: s(answered.reduce((t, r) => t + wait(r), 0)),
    after_fetch_s: s(p.exitMs - first.headersMs! - laterIndexWait),
    after_fetch_cpu_s: s(p.exitCpuMs - (first.headersCpuMs ?? 0)),
  };
}

/** The largest of the values, or null when there are none (the rows' units were not run). */
export function peakOf(values: number[]): number | null {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length > 0 ? Math.max(...finite) : null;
}

/** One row of the ratio table: the value ("not run" when null), its target, and whether it was met. */
export function targetRow(
  name: string,
  value: number | null,
  target: [string, (v: number) => boolean] | undefined,
): string {
  const met = value === null ? '' : target ? (target[1](value) ? 'yes' : '**no**') : '';
  return `| ${name} | ${value ?? 'not run'} | ${target ? target[0] : '(reported)'} | ${met} |`;
}
