import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { actionDefaults } from '../helpers/run-action.js';

describe('CLI flags mirror the action inputs', () => {
  it('every CLI default equals the default of the action input of the same name', () => {
    // the actions whose engine the CLI runs (lightsail-snapshot-check's region means something else)
    const actions = ['fly-volume-backup', 'ssh-volume-backup', 'verify-restore', 'copy-snapshot'];
    const checked: string[] = [];
    for (const [command, spec] of Object.entries(COMMANDS)) {
      for (const flag of spec.flags) {
        if (flag.default === undefined || ['json', 'quiet', 'help'].includes(flag.name)) continue;
        for (const action of actions) {
          const defaults = actionDefaults(action);
          if (flag.name in defaults) {
            expect(flag.default, `${command} --${flag.name} vs ${action}`).toBe(defaults[flag.name]);
            checked.push(`${command}/${flag.name}/${action}`);
          }
        }
      }
    }
    expect(checked.length).toBeGreaterThan(40);
  });
});
