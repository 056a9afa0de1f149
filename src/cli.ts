#!/usr/bin/env node
// first of all: refuse a Node.js without zstd in zlib, before any other module is evaluated
import './cli/node-gate.js';
import { startEarlySignalHandling } from './cli/early-signal.js';

// then a signal handler, before the bulk of the bundle loads (cli/early-signal.ts): a Ctrl-C in
// the first seconds exits 130 with a message, not silently by Node's default action
startEarlySignalHandling();
// a signal that came while the bundle loaded is answered first: main.ts takes over only after
// the event loop has had a turn to deliver it (setImmediate runs after the poll phase)
void import('./cli/start.js').then(({ start }) => setImmediate(() => start(process.argv.slice(2))));
