// Where a whole `lifeboat` process spends its time, seen from outside the product: the bench
// starts the CLI bundle with `node --import bench/phase-timer.mjs`, so that nothing in src/ reads
// a knob for it. Node's own diagnostics channels say when each dynamic import (a chunk of the
// bundle) finished evaluating and when each HTTP request started, got its response headers and
// its last body byte; at exit one line goes to stderr:
//   lifeboat-bench-phases {"nodeReadyMs":..,"imports":[..],"requests":[..],"exitMs":..,"exitCpuMs":..}
// Every time is in milliseconds since the process started (performance.timeOrigin); the *CpuMs
// beside some of them are the CPU time (user + system) the process had used by then, which a
// loaded machine does not inflate as it does wall time.
import { subscribe, tracingChannel } from 'node:diagnostics_channel';
import { writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const now = () => Math.round(performance.now() * 10) / 10;
const cpuNow = () => {
  const u = process.cpuUsage();
  return Math.round((u.user + u.system) / 100) / 10;
};
const phases = {
  nodeReadyMs: now(),
  nodeReadyCpuMs: cpuNow(),
  imports: [],
  requests: [],
  exitMs: 0,
  exitCpuMs: 0,
};

tracingChannel('module.import').subscribe({
  start() {},
  end() {},
  asyncStart() {},
  asyncEnd(m) {
    // node: builtins are not the bundle's
    if (!String(m.url).startsWith('node:')) phases.imports.push({ url: String(m.url), doneMs: now() });
  },
  error() {},
});

const byRequest = new Map();
subscribe('http.client.request.start', ({ request }) => {
  const r = {
    path: `${request.method} ${request.path}`,
    startMs: now(),
    headersMs: null,
    headersCpuMs: null,
    endMs: null,
  };
  byRequest.set(request, r);
  phases.requests.push(r);
});
subscribe('http.client.response.finish', ({ request, response }) => {
  const r = byRequest.get(request);
  if (!r) return;
  r.headersMs = now();
  r.headersCpuMs = cpuNow();
  // an 'end' listener does not switch the response into flowing mode: the reader still drives it
  response.once('end', () => (r.endMs = now()));
});

process.once('exit', () => {
  phases.exitMs = now();
  phases.exitCpuMs = cpuNow();
  writeSync(2, `lifeboat-bench-phases ${JSON.stringify(phases)}\n`);
});
