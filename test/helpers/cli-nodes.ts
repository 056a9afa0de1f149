import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NODE24 } from './node24.js';

const root = new URL('../..', import.meta.url).pathname;

/** A Node.js binary the CLI bundle is tested under. */
export interface CliNode {
  label: string;
  path: string;
  /** `node --version` it must print. */
  version: (v: string) => boolean;
}

/**
 * The oldest Node.js that package.json "engines" admits (src/cli/supported-node.ts), installed by
 * scripts/setup-system.sh into .tmp/node22; LIFEBOAT_OLDEST_NODE names another binary of it.
 */
export const OLDEST_NODE: CliNode = {
  label: 'Node 22.15',
  path: process.env.LIFEBOAT_OLDEST_NODE || join(root, '.tmp/node22/node_modules/node/bin/node'),
  version: (v) => v === 'v22.15.0',
};

/** Node 24 (devDependency "node"): the runtime of the actions, and what a user should install. */
export const CURRENT_NODE: CliNode = { label: 'Node 24', path: NODE24, version: (v) => v.startsWith('v24.') };

/**
 * The Node the CLI tests of a file run the bundle under, chosen when the file is loaded:
 * LIFEBOAT_CLI_TEST_NODE=oldest selects OLDEST_NODE (test/e2e/cli-oldest-node.test.ts sets it to
 * run test/e2e/cli.test.ts a second time), anything else Node 24. Throws when the binary is
 * missing or is another version, naming how to install it.
 */
export function cliTestNode(): CliNode {
  const node = process.env.LIFEBOAT_CLI_TEST_NODE === 'oldest' ? OLDEST_NODE : CURRENT_NODE;
  const v = existsSync(node.path) ? execFileSync(node.path, ['--version'], { encoding: 'utf8' }).trim() : '';
  if (!node.version(v))
    throw new Error(
      `${node.path} is ${v || 'missing'}, not ${node.label}: run bash scripts/setup-system.sh (and npm ci)`,
    );
  return node;
}
