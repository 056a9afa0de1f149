import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { DEFAULTS, FLY_SNAPSHOT_DEFAULTS, LIGHTSAIL_DEFAULTS } from '../../src/options/defaults.js';

const root = new URL('../..', import.meta.url).pathname;

interface ActionFile {
  /** The action's folder name; 'lifeboat' for the root action.yml. */
  name: string;
  inputs: Record<string, { default?: unknown; required?: boolean }>;
  steps: { env?: Record<string, unknown>; run?: string }[];
}

const ACTIONS: ActionFile[] = [
  { name: 'lifeboat', path: 'action.yml' },
  ...readdirSync(join(root, 'actions'))
    .filter((a) => !a.startsWith('.'))
    .map((a) => ({ name: a, path: `actions/${a}/action.yml` })),
].map(({ name, path }) => {
  const doc = parse(readFileSync(join(root, path), 'utf8')) as {
    inputs?: ActionFile['inputs'];
    runs?: { steps?: ActionFile['steps'] };
  };
  return { name, inputs: doc.inputs ?? {}, steps: doc.runs?.steps ?? [] };
});

/** The table an action or a command reads its defaults from. */
const tableOf = (name: string): Readonly<Record<string, string>> =>
  name === 'lightsail-snapshot-check' || name === 'check-lightsail'
    ? LIGHTSAIL_DEFAULTS
    : name === 'fly-snapshot-check' || name === 'check-fly-snapshots'
      ? FLY_SNAPSHOT_DEFAULTS
      : DEFAULTS;

/** A default that the runner fills in (github.token) is not lifeboat's to choose. */
const isExpression = (v: unknown) => String(v).includes('${{');

describe('one table of defaults (src/options/defaults.ts)', () => {
  it('every action.yml input default is the default of the table', () => {
    const checked: string[] = [];
    for (const action of ACTIONS) {
      const table = tableOf(action.name);
      for (const [name, input] of Object.entries(action.inputs)) {
        const where = `${action.name} input ${name}`;
        if (input.default === undefined) {
          // no default: the action requires it, and the table has none either
          expect(input.required, where).toBe(true);
          expect(table[name] ?? '', where).toBe('');
          continue;
        }
        if (isExpression(input.default)) continue;
        expect(table[name], `${where} is not in the table`).toBeDefined();
        expect(String(input.default).trim(), where).toBe(table[name]);
        checked.push(where);
      }
    }
    expect(ACTIONS.map((a) => a.name)).toContain('ssh-volume-backup');
    expect(checked.length).toBeGreaterThan(130);
  });

  it('every CLI flag default is the default of the table; a flag the table does not know is off or has none', () => {
    let checked = 0;
    for (const [command, spec] of Object.entries(COMMANDS)) {
      const table = tableOf(command);
      for (const flag of spec.flags) {
        const where = `lifeboat ${command} --${flag.name}`;
        if (flag.name in table) {
          expect(flag.default, where).toBe(table[flag.name]);
          checked++;
        } else {
          expect(flag.default, where).toBe(flag.kind === 'flag' ? 'false' : undefined);
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
  });

  it('where the root action fixes an input of a bundle, it passes that input its default', () => {
    let checked = 0;
    for (const step of ACTIONS.find((a) => a.name === 'lifeboat')!.steps) {
      const bundle = /dist\/([a-z-]+)\/index\.js/.exec(step.run ?? '')?.[1];
      if (!bundle) continue;
      const inner = ACTIONS.find((a) => a.name === bundle)!;
      for (const [key, value] of Object.entries(step.env ?? {})) {
        const name = key.replace(/^INPUT_/, '').toLowerCase();
        if (isExpression(value) || !(name in inner.inputs)) continue;
        expect(String(value), `${bundle} ${name} in action.yml`).toBe(tableOf(bundle)[name]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('every name in the table is an input of an action or a flag of the CLI', () => {
    const known = new Set([
      ...ACTIONS.flatMap((a) => Object.keys(a.inputs)),
      ...Object.values(COMMANDS).flatMap((c) => c.flags.map((f) => f.name)),
    ]);
    expect(Object.keys(DEFAULTS).filter((n) => !known.has(n))).toEqual([]);
  });
});
