import { describe, expect, it } from 'vitest';
import { backupStep } from '../../src/actions/common/backup-step.js';
import { HOLDS_UPLOAD_PARTS } from '../../src/util/memory-policy.js';

describe('the step of the backup actions (src/actions/common/backup-step.ts)', () => {
  it("runs with the memory policy of a process that holds the upload's parts (V8's own marking rule)", () => {
    const step = backupStep('fly-volume-backup', () => {
      throw new Error('not read here');
    });
    expect(step.memory).toBe(HOLDS_UPLOAD_PARTS);
    expect(step.memory?.markingTriggers).toBeNull();
  });
});
