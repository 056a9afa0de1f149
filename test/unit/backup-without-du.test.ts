import { describe, expect, it } from 'vitest';
import { ManualClock } from '../ports/clock.js';
import { MemoryStore } from '../ports/memory-store.js';
import { backup } from '../ports/backup-fixture.js';

/**
 * A machine without du (a minimal busybox, `FLY_STANDIN_HIDE=du`): its header says `nodu`, the
 * backup is ok with a warning, and the log never claims a size the machine did not report.
 */
describe('a backup from a machine without du', () => {
  it('says the space in use is unknown instead of "reports 0 B in use"', async () => {
    const clock = new ManualClock('2026-11-23T02:00:00Z');
    const store = new MemoryStore({ clock: clock.now });
    const { result, logger } = await backup({ store, clock, archive: { usedKib: 'nodu' } });
    expect(result.status).toBe('ok');
    const line = logger.lines.find((l) => l.startsWith('uploading in parts of'));
    expect(line).toBe(
      'uploading in parts of 8.00 MiB (the Fly machine has no du: the space in use at /data is unknown)',
    );
    expect(logger.warnings).toEqual([expect.stringMatching(/^du is not installed on the Fly machine: /)]);
  });

  it("names the space the machine's du reported when it has du (the machine's, not flyctl's)", async () => {
    const clock = new ManualClock('2026-11-23T02:00:00Z');
    const store = new MemoryStore({ clock: clock.now });
    const { logger } = await backup({ store, clock, archive: { usedKib: 2048 } });
    expect(logger.lines).toContain(
      "uploading in parts of 6.00 MiB (the Fly machine's du reports 2.00 MiB in use at /data)",
    );
  });
});
