import { FlySource } from '../../sources/fly-source.js';
import { backupStep } from '../common/backup-step.js';
import { runStep } from '../common/run-step.js';
import { getInputs } from './inputs.js';

/** Streams a Fly volume into the bucket through flyctl (the shared backup step). */
export async function run(): Promise<void> {
  await runStep(
    backupStep('fly-volume-backup', () => {
      const inputs = getInputs();
      return { ...inputs, source: new FlySource(inputs.fly) };
    }),
  );
}
