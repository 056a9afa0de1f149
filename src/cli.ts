#!/usr/bin/env node
// first: the TypeScript compiler (used by `guard`) reads __filename while it loads
import './util/cjs-globals.js';
import { main } from './cli/main.js';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
