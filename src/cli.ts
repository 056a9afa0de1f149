#!/usr/bin/env node
// first of all: refuse a Node.js without zstd in zlib, before any other module is evaluated
import './cli/node-gate.js';
// then: the TypeScript compiler (used by `guard`) reads __filename while it loads
import './util/cjs-globals.js';
import { EXIT } from './cli/commands.js';
import { main } from './cli/main.js';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // interrupted: the command has ended; an aborted request still open must not keep the process
  if (code === EXIT.interrupted) process.exit(code);
});
