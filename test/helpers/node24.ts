import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** Node 24 from the npm registry (package "node"): the runtime of `runs.using: node24`. */
export const NODE24 = join(root, 'node_modules/node/bin/node');

export function assertNode24(path: string): void {
  if (!existsSync(path))
    throw new Error(`${path} is missing: run npm ci (devDependency "node" provides Node 24)`);
  const v = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  if (!v.startsWith('v24.')) throw new Error(`${path} is ${v}, not Node 24`);
}
