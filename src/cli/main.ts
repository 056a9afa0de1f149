import {
  ConfigurationError,
  EnvironmentError,
  InterruptedError,
  OperationFailedError,
  errorMessage,
} from '../util/errors.js';
import { LIFEBOAT_VERSION } from '../util/version.js';
import { COMMANDS, EXIT } from './commands.js';
import { helpText, readFlags } from './flags.js';
import { terminalLogger } from './terminal-logger.js';

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return [
    `lifeboat ${LIFEBOAT_VERSION}: keep small production apps recoverable`,
    '',
    'usage: lifeboat <command> [options]      lifeboat <command> --help',
    '',
    'commands:',
    ...rows,
    '',
    'exit codes: 0 ok, 1 a check failed (suspect backup, failed verification, refused restore),',
    '            2 usage or configuration error, 3 the operation or its environment failed',
    '            (network, store, full disk, missing tool; no verdict recorded), 130 interrupted',
    '',
    'Credentials come from the standard AWS environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, ...),',
    'flyctl from FLY_API_TOKEN. Every option can also be set as LIFEBOAT_<NAME> (e.g. LIFEBOAT_BUCKET).',
    '',
  ].join('\n');
}

/** How long an interrupted command may take to end before the process exits (EXIT.interrupted). */
const SIGNAL_GRACE_MS = 4000;

/** Runs one CLI invocation and returns its exit code (see EXIT). */
export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out.write(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === 'version') {
    out.write(`${LIFEBOAT_VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`lifeboat: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  const controller = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => {
    controller.abort(new Error(`interrupted by ${sig}`));
    // whatever the command waits on (a store that never answers, its clean-up), a signal ends it
    // within seconds: the aborted command gets this long to finish, then the process exits
    setTimeout(() => {
      process.stderr.write(
        `lifeboat ${name}: interrupted by ${sig}; stopped after ${SIGNAL_GRACE_MS / 1000} s without waiting for its clean-up to finish\n`,
      );
      process.exit(EXIT.interrupted);
    }, SIGNAL_GRACE_MS).unref();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const { reader, positionals } = readFlags(rest, command.flags);
    if (reader.flag('help')) {
      out.write(helpText(name, command.summary, command.flags, command.usage));
      return EXIT.ok;
    }
    const json = reader.flag('json');
    const logger = terminalLogger(process.stderr, reader.flag('quiet'));
    return await command.run({
      reader,
      logger,
      signal: controller.signal,
      positionals,
      result: (rows, value) => {
        if (json) out.write(`${JSON.stringify(value, null, 2)}\n`);
        else for (const [k, v] of rows) out.write(v ? `${k.padEnd(18)} ${v}\n` : `${k}\n`);
      },
    });
  } catch (err) {
    process.stderr.write(`lifeboat ${name}: ${errorMessage(err)}\n`);
    if (controller.signal.aborted || err instanceof InterruptedError) return EXIT.interrupted;
    if (err instanceof ConfigurationError) return EXIT.usage;
    // the environment failed (a full disk, a stalled store): no verdict, a message naming the cause
    if (err instanceof OperationFailedError || err instanceof EnvironmentError) return EXIT.failed;
    if (process.env.LIFEBOAT_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return EXIT.failed;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
