import { shellArg } from '../util/shell.js';
import type { VerifyOptions } from '../jobs/verify.js';
import { PRE_RESTORE_PREFIX } from '../restore/remote-swap.js';
import { remoteHoldingDir } from '../restore/restore-to-remote.js';
import { remoteRestoreSource, storageCliFlags } from './remote-source.js';
import type { VerifyInputs } from './verify-options.js';

/**
 * The machine verify-restore restores a verified copy into (restore-to-app or restore-to-host), read
 * the same way by the action and by `lifeboat verify`.
 */

/** runVerify's options from verify-restore's inputs: the checks, and the machine when one is given. */
export function verifyOptionsOf(inputs: VerifyInputs): VerifyOptions {
  if (!inputs.restoreTo) return inputs.verify;
  const { source } = remoteRestoreSource(inputs.restoreTo);
  return { ...inputs.verify, restoreTo: { source, path: inputs.restoreTo.path } };
}

/**
 * What a person runs, after review, to swap the restored copy in: the lifeboat CLI re-verifies the
 * snapshot and moves the live contents aside (kept, never deleted) before moving the copy into place.
 * Empty when the inputs name no machine. These are CLI flags: the one place an action writes them.
 */
export function swapInstructions(inputs: VerifyInputs, snapshotId: string): string[] {
  if (!inputs.restoreTo) return [];
  const { path } = inputs.restoreTo;
  const storageFlags = storageCliFlags(inputs.location, inputs.verify.prefix);
  const sourceFlags = remoteRestoreSource(inputs.restoreTo).cliFlags;
  return [
    `# 1. review the restored copy in ${remoteHoldingDir(path, snapshotId)}`,
    `# 2. stop the app's writes, then swap it in (live contents move to ${path}/${PRE_RESTORE_PREFIX}<time>/, never deleted):`,
    `npx lifeboat restore ${storageFlags} --target ${inputs.verify.target} --snapshot ${snapshotId} ${sourceFlags} --path ${shellArg(path)} --apply --confirm ${snapshotId}`,
    `# 3. restart the app and check it`,
  ];
}
