import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { actionDefaults } from '../helpers/run-action.js';

describe('CLI flags mirror the action inputs', () => {
  it('every CLI default equals the default of the action input of the same name', () => {
    // each command and the actions whose inputs it mirrors
    const mirrors: Record<string, string[]> = {
      backup: ['fly-volume-backup', 'ssh-volume-backup'],
      verify: ['verify-restore'],
      restore: ['verify-restore'],
      snapshots: ['verify-restore'],
      prune: ['fly-volume-backup'],
      'check-lightsail': ['lightsail-snapshot-check'],
      'check-fly-snapshots': ['fly-snapshot-check'],
      guard: ['protected-deploy-guard'],
    };
    const checked: string[] = [];
    for (const [command, spec] of Object.entries(COMMANDS)) {
      for (const flag of spec.flags) {
        if (flag.default === undefined || ['json', 'quiet', 'help'].includes(flag.name)) continue;
        for (const action of mirrors[command] ?? []) {
          const defaults = actionDefaults(action);
          if (flag.name in defaults) {
            expect(flag.default, `${command} --${flag.name} vs ${action}`).toBe(defaults[flag.name]);
            checked.push(`${command}/${flag.name}/${action}`);
          }
        }
      }
    }
    expect(Object.keys(mirrors).sort()).toEqual(Object.keys(COMMANDS).sort());
    expect(checked.length).toBeGreaterThan(60);
  });
});
