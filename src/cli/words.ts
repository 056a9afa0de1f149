import type { Vocabulary } from '../util/vocabulary.js';
import { envName } from './flags.js';

/** Where the action takes a secret as an input, the CLI takes a file: the flag's name differs. */
const FLAG_OF: Readonly<Record<string, string>> = {
  'ssh-key': 'ssh-key-file',
  'known-hosts': 'known-hosts-file',
};

/** The CLI's secret options: the flag names a file, or an environment variable holds the secret itself. */
const SECRET_SOURCES: Readonly<Record<string, string>> = {
  'ssh-key-file': 'a file named by --ssh-key-file (chmod 600), or put the key itself in LIFEBOAT_SSH_KEY',
  'decryption-identity':
    'the environment variable LIFEBOAT_DECRYPTION_IDENTITY (a flag would show the key in ps and the shell history)',
};

const flagOf = (option: string) => `--${FLAG_OF[option] ?? option}`;

/**
 * The CLI's words (src/util/vocabulary.ts): flags, `--no-<flag>` for false, environment variables
 * for secrets and for what flyctl and the AWS SDK read.
 */
export const CLI_WORDS: Vocabulary = {
  subject: flagOf,
  name: flagOf,
  option: flagOf,
  setting: (option, value) => {
    if (value === true || value === 'true') return flagOf(option);
    if (value === false || value === 'false') return `--no-${FLAG_OF[option] ?? option}`;
    return `${flagOf(option)} ${String(value)}`;
  },
  set: (option, value) => `pass ${CLI_WORDS.setting(option, value)}`,
  secret: (option) => {
    const flag = FLAG_OF[option] ?? option;
    return `give it in ${SECRET_SOURCES[flag] ?? `${envName(flag)} or --${flag}`}`;
  },
  environment: (variable) =>
    `export ${variable}=... in the shell that runs lifeboat (or in the environment file of its cron job)`,
  policy: () => "docs/iam/cli-policy.json in lifeboat's repository",
};
