import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/commands.js';
import {
  isSupportedNode,
  SUPPORTED_NODE,
  UNSUPPORTED_NODE_EXIT,
  unsupportedNodeMessage,
} from '../../src/cli/supported-node.js';

const root = new URL('../..', import.meta.url).pathname;
const read = (file: string) => readFileSync(`${root}/${file}`, 'utf8');

describe('the Node.js versions the CLI supports', () => {
  it('are the ones package.json engines names', () => {
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(SUPPORTED_NODE);
  });

  it.each([
    ['18.19.0', false], // Debian 12's own nodejs
    ['20.20.2', false], // no zstd in zlib
    ['22.14.0', false],
    ['22.15.0', true], // zstd backported
    ['22.23.3', true],
    ['23.11.0', false], // end of life
    ['24.0.0', true],
    ['24.21.0', true],
    ['26.1.0', true],
  ])('%s supported: %s', (version, supported) => {
    expect(isSupportedNode(version)).toBe(supported);
    expect(unsupportedNodeMessage(version, '/usr/bin/node') === undefined).toBe(supported);
  });

  it('a refusal is one line with the version found and where, the version needed and how to get it', () => {
    const m = unsupportedNodeMessage('20.20.2', '/usr/bin/node')!;
    expect(m).not.toContain('\n');
    for (const part of [
      'Node.js 20.20.2 (/usr/bin/node)',
      'Node.js 24',
      '22.15',
      'https://nodejs.org/en/download',
    ])
      expect(m).toContain(part);
  });

  it("exits with the README's code for a configuration error", () => {
    expect(UNSUPPORTED_NODE_EXIT).toBe(EXIT.usage);
    expect(read('README.md')).toContain(`| ${EXIT.usage} | usage or configuration error`);
  });

  it('README and RECOVERY.md state the supported versions', () => {
    for (const file of ['README.md', 'docs/RECOVERY.md'])
      expect(read(file), file).toContain('Node.js 24, or 22.15 or later on the 22 line');
  });
});
