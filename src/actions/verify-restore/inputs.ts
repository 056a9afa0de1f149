import * as core from '@actions/core';
import { readVerify, type VerifyInputs } from '../../options/verify-options.js';
import { keySecrets } from '../../sources/ssh-source.js';
import { actionReader } from '../common/action-io.js';

export const OUTPUTS = [
  'snapshot-id',
  'verified',
  'restorable',
  'entries',
  'bytes',
  'age-seconds',
  'restore-seconds',
  'report-key',
] as const;

export type { VerifyInputs };

export function getInputs(): VerifyInputs {
  // masked before anything could print it, even an error about its shape
  const identity = actionReader.text('decryption-identity');
  if (identity) core.setSecret(identity);
  for (const secret of keySecrets(core.getInput('ssh-key'))) if (secret) core.setSecret(secret);
  return readVerify(actionReader, process.env.RUNNER_TEMP || undefined);
}
