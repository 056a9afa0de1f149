/**
 * The words a message uses for the options a person gave. An action is configured with inputs
 * (`Input 'bucket' is required`, `set require-versioning: false`, a repository secret); the CLI with
 * flags and environment variables (`--bucket is required`, `--no-require-versioning`,
 * `LIFEBOAT_DECRYPTION_IDENTITY`). Every message of the engine that names an option asks `words()`,
 * never spells an input itself, so each face speaks its own vocabulary.
 *
 * Invariant: one face per process. The entry point of a bundle (an action's run-step, the CLI's
 * main) calls `speak()` before it reads any option; a bundle is an action or the CLI, never both.
 * The action's vocabulary is the default, so the engine's unit tests read the actions' words.
 */
export interface Vocabulary {
  /** The option as the subject of a sentence: "Input 'bucket'" | "--bucket". */
  subject(option: string): string;
  /** The option named inside a sentence: "'max-age'" | "--max-age". */
  name(option: string): string;
  /** The option as a thing to check or fix: "the 'host' input" | "--host". */
  option(option: string): string;
  /** The option with a value: "allow-shrink: true" | "--allow-shrink"; "mode: extract" | "--mode extract". */
  setting(option: string, value: string | boolean): string;
  /** The instruction to give it that value: "set allow-shrink: true" | "pass --allow-shrink". */
  set(option: string, value: string | boolean): string;
  /**
   * How a secret option is given: "store it as a repository secret and pass it as ssh-key:
   * ${{ secrets.SSH_KEY }}" | "put it in a file named by --ssh-key-file (or in LIFEBOAT_SSH_KEY)".
   */
  secret(option: string, secretName: string): string;
  /**
   * How a variable a tool reads (FLY_API_TOKEN, AWS_ACCESS_KEY_ID) is given: "store it as a
   * repository secret and pass it to the step as env FLY_API_TOKEN" | "export FLY_API_TOKEN=... in
   * the shell (or the cron job's environment file)".
   */
  environment(variable: string): string;
  /**
   * Where the least-privilege IAM policy is written down: "the IAM policy in the action's README" |
   * "docs/iam/cli-policy.json in lifeboat's repository".
   */
  policy(): string;
}

/** The actions' words: inputs of action.yml, set under `with:`, secrets of the repository. */
export const ACTION_WORDS: Vocabulary = {
  subject: (option) => `Input '${option}'`,
  name: (option) => `'${option}'`,
  option: (option) => `the '${option}' input`,
  setting: (option, value) => `${option}: ${String(value)}`,
  set: (option, value) => `set ${option}: ${String(value)}`,
  secret: (option, secretName) =>
    `store it as a repository secret and pass it as ${option}: \${{ secrets.${secretName} }}`,
  environment: (variable) => `store it as a repository secret and pass it to the step as env ${variable}`,
  policy: () => "the IAM policy in the action's README",
};

let current: Vocabulary = ACTION_WORDS;

/** Chooses the face's vocabulary (see the invariant above). */
export function speak(vocabulary: Vocabulary): void {
  current = vocabulary;
}

/** The vocabulary of this process's face. */
export function words(): Vocabulary {
  return current;
}
