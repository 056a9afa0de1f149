import { ConfigurationError, OperationFailedError, errorMessage } from '../util/errors.js';
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
    '            2 usage or configuration error, 3 the operation failed, 130 interrupted',
    '',
    'Credentials come from the standard AWS environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, ...),',
    'flyctl from FLY_API_TOKEN. Every option can also be set as LIFEBOAT_<NAME> (e.g. LIFEBOAT_BUCKET).',
    '',
  ].join('\n');
}

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
  const onSignal = (sig: NodeJS.Signals) => controller.abort(new Error(`interrupted by ${sig}`));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const { reader } = readFlags(rest, command.flags);
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
      result: (rows, value) => {
        if (json) out.write(`${JSON.stringify(value, null, 2)}\n`);
        else for (const [k, v] of rows) out.write(v ? `${k.padEnd(18)} ${v}\n` : `${k}\n`);
      },
    });
  } catch (err) {
    process.stderr.write(`lifeboat ${name}: ${errorMessage(err)}\n`);
    if (controller.signal.aborted) return EXIT.interrupted;
    if (err instanceof ConfigurationError) return EXIT.usage;
    if (err instanceof OperationFailedError) return EXIT.failed;
    if (process.env.LIFEBOAT_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return EXIT.failed;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
