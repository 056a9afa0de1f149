/**
 * The TypeScript compiler is a CommonJS module that reads the free variable `__filename` while it
 * loads (ts.sys checks whether the file system is case-sensitive). An ES module bundle has no such
 * variable, so it is defined on globalThis before the compiler is imported: main.ts imports this
 * module first. The bundle's own path is what __filename would have been.
 */
import { dirname } from 'node:path';

const g = globalThis as { __filename?: string; __dirname?: string };
g.__filename ??= process.argv[1] ?? '';
g.__dirname ??= dirname(g.__filename);
