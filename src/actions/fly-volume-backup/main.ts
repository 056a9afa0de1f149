import { FlySource } from '../../sources/fly-source.js';
import { runBackupAction } from '../common/run-backup-action.js';
import { getInputs } from './inputs.js';

export async function run(): Promise<void> {
  await runBackupAction(() => {
    const inputs = getInputs();
    return { ...inputs, source: new FlySource(inputs.fly) };
  });
}
