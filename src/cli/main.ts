import {
  ConfigurationError,
  EnvironmentError,
  InterruptedError,
  OperationFailedError,
  errorMessage,
} from '../util/errors.js';
import { LIFEBOAT_VERSION } from '../util/version.js';
import { COMMANDS, EXIT, commandNamed } from './commands.js';
import { helpText, readFlags } from './flags.js';
import { terminalLogger } from './terminal-logger.js';
import { CLI_WORDS } from './words.js';
import { redactSecrets } from '../util/redact.js';
import { speak } from '../util/vocabulary.js';
import { interruptCleanup } from '../util/interrupt-cleanup.js';
import { endEarlySignalHandling } from './early-signal.js';

function usage(): string {
  // one column of summaries, as wide as the longest command name (check-fly-snapshots)
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)} ${c.summary}`);
  return [
    `lifeboat ${LIFEBOAT_VERSION}: keep small production apps recoverable`,
    '',
    'usage: lifeboat <command> [options]      lifeboat <command> --help',
    '',
    'commands:',
    ...rows,
    '',
    'exit codes: 0 ok, 1 a check failed (suspect backup, failed verification, refused restore,',
    '            a snapshot find skipped because its index is damaged), 2 usage or configuration',
    '            error, 3 the operation or its environment failed (network, store, full disk,',
    '            missing tool; no verdict recorded), 130 interrupted',
    '',
    'Credentials come from the standard AWS environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, ...),',
    'flyctl from FLY_API_TOKEN. Every option can also be set as LIFEBOAT_<NAME> (e.g. LIFEBOAT_BUCKET).',
    '',
  ].join('\n');
}

/**
 * How long an interrupted command may take to end before the process exits (EXIT.interrupted).
 * Not shorter than INTERRUPT_CLEANUP_MS: the clean-up that matters (aborting the upload, releasing
 * the claim) starts at the signal and is waited for; only the rest of the unwinding is cut.
 */
const SIGNAL_GRACE_MS = 4000;

/** After a signal: what the clean-up that matters could not do (util/interrupt-cleanup.ts), and how it goes away. */
function reportLeftBehind(
  name: string,
  left: string[],
  onThisMachine: string[] = [],
  onTheMachine: string[] = [],
): void {
  for (const swap of onTheMachine) {
    process.stderr.write(`lifeboat ${name}: the interruption came during ${swap}.\n`);
  }
  if (onThisMachine.length > 0) {
    process.stderr.write(
      `lifeboat ${name}: the clean-up after the interruption did not finish, so this machine may still hold ${onThisMachine.join('; ')}.\n`,
    );
  }
  if (left.length === 0) return;
  process.stderr.write(
    `lifeboat ${name}: the clean-up after the interruption did not finish, so the bucket may still hold ${left.join('; ')}. ` +
      `An open multipart upload is removed by the bucket's AbortIncompleteMultipartUpload lifecycle rule (README, "The lifecycle rule"); ` +
      `a snapshot folder holding only a claim is removed by the next retention run once it is 24 h old.\n`,
  );
}

/** The kind of a failure, as --json names it, and its exit code (the README's exit-code table). */
function classify(err: unknown, interrupted: boolean): { kind: string; exitCode: number } {
  if (interrupted || err instanceof InterruptedError)
    return { kind: 'interrupted', exitCode: EXIT.interrupted };
  if (err instanceof ConfigurationError) return { kind: 'configuration', exitCode: EXIT.usage };
  if (err instanceof EnvironmentError) return { kind: 'environment', exitCode: EXIT.failed };
  if (err instanceof OperationFailedError) return { kind: 'operation', exitCode: EXIT.failed };
  return { kind: 'unexpected', exitCode: EXIT.failed };
}

/** stdout as the results go to it, and the write that failed, if one did. */
interface ResultStream {
  stream: NodeJS.WritableStream;
  /** The error of a write that failed for another reason than a reader that went away. */
  failure(): NodeJS.ErrnoException | undefined;
}

/**
 * stdout as the results go to it: once its reader went away (`lifeboat snapshots | head -1`),
 * writes are dropped instead of crashing on EPIPE, and the command still ends with its own exit
 * code (a failed verify piped into head still exits 1). Any other failed write (a full disk under
 * `>> /var/log/lifeboat.log`) drops the rest too and is kept for main to report: it used to be
 * thrown from the 'error' event, a stack trace and exit 1 after a backup that had succeeded.
 */
function resultStream(out: NodeJS.WritableStream): ResultStream {
  let closed = false;
  let failed: NodeJS.ErrnoException | undefined;
  out.on('error', (err: NodeJS.ErrnoException) => {
    closed = true;
    if (err.code !== 'EPIPE') failed ??= err;
  });
  return {
    stream: {
      write: (chunk: string) => (closed ? true : out.write(chunk)),
    } as NodeJS.WritableStream,
    failure: () => failed,
  };
}

/**
 * The exit code once stdout is settled: a result that could not be written is this machine's
 * fault (exit 3), named with what the command itself ended in, which stays true (a backup that
 * was published stays published).
 */
async function withStdoutSettled(name: string, results: ResultStream, code: number): Promise<number> {
  // a stream's write error is emitted on a later tick
  await new Promise((resolve) => setImmediate(resolve));
  const failed = results.failure();
  // a command that failed already said why (dump's own write to stdout among them)
  if (!failed || (code !== EXIT.ok && code !== EXIT.checkFailed)) return code;
  process.stderr.write(
    `lifeboat ${name}: could not write its result to stdout (${failed.message}); ` +
      `the command itself ended with exit code ${code}${code === EXIT.ok ? ' (it did its work)' : ''}. ` +
      'Free space where stdout goes (a full disk under a log file?) or send it elsewhere, then run it again to see the result.\n',
  );
  return EXIT.failed;
}

/** Runs one CLI invocation and returns its exit code (see EXIT). */
export async function main(argv: string[], stdout: NodeJS.WritableStream = process.stdout): Promise<number> {
  // every message names flags and environment variables, not action inputs (util/vocabulary.ts)
  speak(CLI_WORDS);
  const results = resultStream(stdout);
  const out = results.stream;
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out.write(usage());
    return withStdoutSettled(name ?? 'help', results, name ? EXIT.ok : EXIT.usage);
  }
  if (name === '--version' || name === 'version') {
    out.write(`${LIFEBOAT_VERSION}\n`);
    return withStdoutSettled(name, results, EXIT.ok);
  }
  const command = commandNamed(name);
  if (!command) {
    process.stderr.write(`lifeboat: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  const controller = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => {
    // a second Ctrl-C must not kill the clean-up the first one started (Node's default action
    // would: a partial restore, an open multipart upload left behind); the grace timer still ends it
    if (controller.signal.aborted) {
      process.stderr.write(
        `lifeboat ${name}: ${sig} again: already stopping, cleaning up what this run wrote\n`,
      );
      return;
    }
    controller.abort(new Error(`interrupted by ${sig}`));
    // whatever the command waits on (a store that never answers, its clean-up), a signal ends it
    // within seconds: the aborted command gets this long to finish, then the process exits once
    // the clean-up that matters (started at the signal, bounded on its own) has settled
    setTimeout(() => {
      void Promise.all([
        interruptCleanup(controller.signal),
        interruptCleanup(controller.signal, 'this machine'),
        interruptCleanup(controller.signal, 'the machine restored into'),
      ]).then(([left, onThisMachine, onTheMachine]) => {
        process.stderr.write(
          `lifeboat ${name}: interrupted by ${sig}; stopped after ${SIGNAL_GRACE_MS / 1000} s without waiting for the rest of its clean-up\n`,
        );
        reportLeftBehind(name, left, onThisMachine, onTheMachine);
        process.exit(EXIT.interrupted);
      });
    }, SIGNAL_GRACE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // from here on this handler answers signals, not the one the entry installed (cli.ts)
  endEarlySignalHandling();
  // known before the flags are parsed, so that a usage error is JSON too
  const json = rest.includes('--json');
  try {
    const { reader, positionals } = readFlags(rest, command.flags);
    if (reader.flag('help')) {
      out.write(helpText(name, command.summary, command.flags, command.usage));
      return await withStdoutSettled(name, results, EXIT.ok);
    }
    const logger = terminalLogger(process.stderr, reader.flag('quiet'));
    const code = await command.run({
      reader,
      logger,
      signal: controller.signal,
      // the stream itself, for a command that writes bytes there (dump handles a closed reader itself)
      out: stdout,
      positionals,
      json,
      result: (rows, value) => {
        if (json) out.write(`${JSON.stringify(value, null, 2)}\n`);
        else for (const [k, v] of rows) out.write(v ? `${k.padEnd(18)} ${v}\n` : `${k}\n`);
      },
    });
    return await withStdoutSettled(name, results, code);
  } catch (err) {
    const message = redactSecrets(errorMessage(err));
    process.stderr.write(`lifeboat ${name}: ${message}\n`);
    // the environment failed (a full disk, a stalled store): no verdict, a message naming the cause
    const { kind, exitCode } = classify(err, controller.signal.aborted);
    if (controller.signal.aborted) {
      reportLeftBehind(
        name,
        await interruptCleanup(controller.signal),
        await interruptCleanup(controller.signal, 'this machine'),
        await interruptCleanup(controller.signal, 'the machine restored into'),
      );
    }
    if (json) out.write(`${JSON.stringify({ error: { kind, message, exitCode } }, null, 2)}\n`);
    if (kind === 'unexpected' && process.env.LIFEBOAT_DEBUG && err instanceof Error)
      process.stderr.write(`${redactSecrets(err.stack ?? '')}\n`);
    return await withStdoutSettled(name, results, exitCode);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
