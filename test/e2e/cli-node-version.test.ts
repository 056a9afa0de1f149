import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSupportedNode, UNSUPPORTED_NODE_EXIT } from '../../src/cli/supported-node.js';
import { CURRENT_NODE, OLDEST_NODE } from '../helpers/cli-nodes.js';

const root = new URL('../..', import.meta.url).pathname;
const bundle = join(root, 'dist/cli/index.js');

const run = (node: string, args: string[], nodeArgs: string[] = []) =>
  spawnSync(node, [...nodeArgs, bundle, ...args], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
const versionOf = (node: string) =>
  spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();

/**
 * The Node.js binaries of this machine that lifeboat does not support (Debian's, the one the test
 * runner itself uses, any on PATH): the machine's own Node is what a person runs first.
 */
const oldNodes = [
  '/usr/bin/node',
  '/usr/local/bin/node',
  process.execPath,
  ...spawnSync('which', ['-a', 'node'], { encoding: 'utf8' }).stdout.split('\n'),
]
  .filter((p) => p !== '' && existsSync(p))
  .map((p) => realpathSync(p))
  .filter((p, i, all) => all.indexOf(p) === i)
  .map((path) => ({ path, version: versionOf(path) }))
  .filter((n) => !isSupportedNode(n.version));

/** The one line of the refusal, for the version and path of the Node that runs the bundle. */
const refusal = (version: string, path: string) =>
  `lifeboat: Node.js ${version} (${path}) cannot run lifeboat: it needs Node.js 24, or 22.15 or later on the 22 line (zstd in zlib). Install Node.js 24 (https://nodejs.org/en/download, or: nvm install 24) and run lifeboat with that node; in a clone where npm ci ran, node_modules/.bin/node is Node.js 24.\n`;

describe('the CLI bundle refuses a Node.js without zstd in zlib, before it does anything', () => {
  it.skipIf(oldNodes.length === 0).each(oldNodes)(
    'this machine’s $path (Node $version): one line naming both versions and how to get Node 24; exit 2',
    ({ path, version }) => {
      for (const args of [['--version'], ['backup', '--local', '--path', '/nonexistent', '--target', 't']]) {
        const r = run(path, args);
        expect(r.stderr).toBe(refusal(version, path));
        expect(r.stdout).toBe('');
        expect(r.status).toBe(UNSUPPORTED_NODE_EXIT);
      }
    },
  );

  it('a Node that reports 20.20.2 (Node 24, process.versions.node redefined before the bundle loads)', () => {
    const fake = [
      '--import',
      'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.20.2"})',
    ];
    const r = run(CURRENT_NODE.path, ['snapshots', '--bucket', 'b', '--target', 't'], fake);
    expect(r.stderr).toBe(refusal('20.20.2', realpathSync(CURRENT_NODE.path)));
    expect(r.status).toBe(2); // README's exit-code table: a usage or configuration error
  });

  it.each([CURRENT_NODE, OLDEST_NODE])('$label runs it', (node) => {
    expect(isSupportedNode(versionOf(node.path))).toBe(true);
    const r = run(node.path, ['--version']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(r.status).toBe(0);
  });
});
