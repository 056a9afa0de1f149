import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temporary file of a test run, and of every process it starts, goes below one folder that
 * is removed when the run ends: TMPDIR is set here, before the test workers start, so that they,
 * os.tmpdir() and every child that inherits the environment use it (helpers that build a child's
 * environment from scratch pass TMPDIR on). The run leaves nothing in /tmp.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'lifeboat-tests-'));
  // other users of the tests (the sshd test user reading its authorized_keys) pass through it
  chmodSync(root, 0o755);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
