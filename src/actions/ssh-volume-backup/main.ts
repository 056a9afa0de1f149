import { SshSource } from '../../sources/ssh-source.js';
import { runBackupAction } from '../common/run-backup-action.js';
import { getInputs } from './inputs.js';

export async function run(): Promise<void> {
  let source: SshSource | undefined;
  try {
    await runBackupAction(() => {
      const inputs = getInputs();
      source = new SshSource(inputs.ssh);
      return { ...inputs, source };
    });
  } finally {
    // each ssh process removes its key folder when it ends; this catches any left behind
    source?.dispose();
  }
}
