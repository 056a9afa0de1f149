import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';

const root = new URL('../..', import.meta.url).pathname;

describe("the README's CLI table", () => {
  // was a gap: check-lightsail and guard ran, and --help listed them, but the README's table did not
  it('has a row for every command the CLI runs', () => {
    const rows = readFileSync(join(root, 'README.md'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('| `'));
    const missing = Object.keys(COMMANDS).filter(
      (name) => !rows.some((row) => row.startsWith(`| \`${name}\``) || row.startsWith(`| \`${name} `)),
    );
    expect(missing).toEqual([]);
  });
});
