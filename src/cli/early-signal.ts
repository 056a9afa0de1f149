/**
 * The CLI's answer to a signal that arrives before the command's own handler exists (cli/main.ts
 * installs that one once the bundle has loaded, which takes a second or two on a busy machine).
 * Without it Node's default action would end the process silently, by the signal; with it the
 * process exits 130 with one line, as every interrupted command does. Nothing was read or written
 * yet: the command had not started. The entry (cli.ts) installs it before it loads anything else;
 * main.ts ends it in the same tick as it installs its own, so there is no moment without one.
 */
const INTERRUPTED = 130;

const onEarlySignal = (sig: NodeJS.Signals) => {
  process.stderr.write(
    `lifeboat: interrupted by ${sig} before the command started: nothing was read or written\n`,
  );
  process.exit(INTERRUPTED);
};

export function startEarlySignalHandling(): void {
  process.on('SIGINT', onEarlySignal);
  process.on('SIGTERM', onEarlySignal);
}

export function endEarlySignalHandling(): void {
  process.removeListener('SIGINT', onEarlySignal);
  process.removeListener('SIGTERM', onEarlySignal);
}
