import { describe, expect, it } from 'vitest';
import { readPrefix as validatePrefix } from '../../src/options/storage-options.js';
import { ConfigurationError } from '../../src/util/errors.js';
import { TargetLayout } from '../../src/catalog/layout.js';

// was: a prefix inside another target's snapshot folder was accepted, and that target's prune
// deleted the folder with every snapshot of the nested target (attacker, 2026-12-03)
describe('readPrefix', () => {
  it('refuses a prefix that runs through a snapshot folder, naming the folder and its target', () => {
    expect(() => validatePrefix('prefix', 'lifeboat/nest/snapshots/20261203T113635Z')).toThrow(
      new ConfigurationError(
        'Input \'prefix\' is "lifeboat/nest/snapshots/20261203T113635Z": it runs through lifeboat/nest/snapshots/20261203T113635Z/, ' +
          "the folder of snapshot 20261203T113635Z of target nest, which that target's retention deletes with everything in it. " +
          'Give a prefix of its own (for example lifeboat).',
      ),
    );
    expect(() => validatePrefix('prefix', 'a/b/snapshots/20261203T113635Z-nightly/deeper')).toThrow(
      /the folder of snapshot 20261203T113635Z-nightly of target b/,
    );
  });

  it('keeps every other prefix, "snapshots" among its names too', () => {
    for (const p of [
      '',
      'lifeboat',
      'backups/prod',
      'snapshots',
      'lifeboat/snapshots',
      'a/snapshots/latest',
    ]) {
      expect(validatePrefix('prefix', p)).toBe(p);
    }
  });
});

// the same through the target: a snapshot-id-shaped name under a prefix that ends in snapshots/
describe('TargetLayout', () => {
  it("refuses a root inside another target's snapshot folder", () => {
    expect(() => new TargetLayout('lifeboat/nest/snapshots', '20200101T000000Z')).toThrow(
      new ConfigurationError(
        'Target "20200101T000000Z" under prefix "lifeboat/nest/snapshots" lies inside lifeboat/nest/snapshots/20200101T000000Z/, ' +
          "the folder of snapshot 20200101T000000Z of target nest, which that target's retention deletes with everything in it. " +
          'Give this target a prefix and a name of its own.',
      ),
    );
    expect(new TargetLayout('lifeboat/snapshots', 'app').root).toBe('lifeboat/snapshots/app');
  });
});
