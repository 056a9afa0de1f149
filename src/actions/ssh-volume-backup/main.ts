import * as core from '@actions/core';
import { keySecrets, SshSource } from '../../sources/ssh-source.js';
import { backupStep } from '../common/backup-step.js';
import { runStep } from '../common/run-step.js';
import { getInputs } from './inputs.js';

/** Streams a folder of a host into the bucket over OpenSSH (the shared backup step). */
export async function run(): Promise<void> {
  let source: SshSource | undefined;
  await runStep(
    backupStep(
      'ssh-volume-backup',
      () => {
        const inputs = getInputs();
        source = new SshSource(inputs.ssh);
        return { ...inputs, source };
      },
      {
        // the key and each of its lines, read raw: masked before any input is checked
        secrets: () => keySecrets(core.getInput('ssh-key')),
        // each ssh process removes its key folder when it ends; this catches any left behind
        dispose: () => source?.dispose(),
      },
    ),
  );
}
