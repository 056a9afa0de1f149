import type { OptionReader } from './option-reader.js';
import { DEFAULT_PATHS } from '../guard/default-paths.js';

/** The region of a bucket, or of the Lightsail API, when none is given (the AWS SDK's own default). */
export const AWS_DEFAULT_REGION = 'us-east-1';

/**
 * The default of every option, by name: the one table of defaults. The readers of src/options
 * read an empty value as its default where the option has one (`orDefault`), the CLI's flags
 * (src/cli/specs.ts) apply and show it, and every action.yml input repeats it as its `default:`
 * (test/unit/cli-defaults.test.ts compares each action.yml and each CLI flag with this table).
 *
 * Invariants: a name means one thing in every action and command that has it, with one
 * exception, lightsail-snapshot-check (LIGHTSAIL_DEFAULTS); '' is the default of an option that
 * is off or derived when not given (target: the app or host name); an option that some action
 * requires has no non-empty default here. Booleans are 'true' or 'false', as action.yml writes them.
 */
export const DEFAULTS = {
  // storage: every action and command that reads or writes the bucket
  prefix: 'lifeboat',
  endpoint: '',
  region: AWS_DEFAULT_REGION,
  'force-path-style': 'false',
  sse: '',
  'sse-kms-key-id': '',
  // retention: backups, copy-snapshot, prune
  'keep-last': '7',
  'keep-daily': '14',
  'keep-weekly': '8',
  'keep-monthly': '12',
  // backup
  target: '',
  path: '/data',
  exclude: '',
  'pre-command': '',
  compression: 'auto',
  label: '',
  'min-size-ratio': '0.5',
  'allow-shrink': 'false',
  'max-files-gone-ratio': '0.5',
  'truncated-file-min-size': '1048576',
  'truncated-file-ratio': '0.1',
  'require-versioning': 'true',
  'dry-run': 'false',
  'encryption-recipients': '',
  'allow-unencrypted': 'false',
  // seconds without a byte from the source while lifeboat is ready to read (0: off); silent phases
  // that are normal (gzip -6 on a long run of zeros) last seconds (README, "A source that stalls")
  'source-idle-timeout': '300',
  // a Fly machine
  machine: '',
  flyctl: 'flyctl',
  // fly-snapshot-check: no volume named means every volume of the app
  volume: '',
  // an SSH host (ssh-volume-backup requires user, ssh-key and known-hosts; verify-restore only with restore-to-host)
  port: '22',
  sudo: 'false',
  user: '',
  'ssh-key': '',
  'known-hosts': '',
  // verify-restore
  snapshot: 'latest',
  mode: 'extract',
  'holding-dir': '',
  'required-paths': '',
  'min-entries': '1',
  sqlite: '',
  'max-age': '',
  'write-report': 'true',
  'decryption-identity': '',
  'restore-to-app': '',
  'restore-to-host': '',
  'restore-path': '/data',
  // copy-snapshot
  'require-verified': 'true',
  'to-prefix': 'lifeboat',
  'to-endpoint': '',
  'to-region': AWS_DEFAULT_REGION,
  'to-force-path-style': 'false',
  'to-access-key-id': '',
  'to-secret-access-key': '',
  // lightsail-snapshot-check (and LIGHTSAIL_DEFAULTS)
  instance: '',
  disk: '',
  'warn-age': '25h',
  'min-count': '7',
  'require-auto-snapshot': 'true',
  'create-snapshot': 'false',
  wait: 'false',
  'wait-timeout': '15m',
  // protected-deploy-guard
  paths: DEFAULT_PATHS.join('\n'),
  skip: '',
  unsupported: 'fail',
  'stateful-types': '',
  'ignore-types': '',
  'protected-stages': 'production',
  'min-snapshot-retention': '7',
  preview: '',
  'allow-label': 'allow-unprotected-deploy',
  'backup-bucket': '',
  'backup-prefix': 'lifeboat',
  'backup-targets': '',
  'backup-max-age': '26h',
  'backup-endpoint': '',
  'backup-region': AWS_DEFAULT_REGION,
  // failure-issue
  title: '',
  body: '',
  fingerprint: '',
  labels: 'lifeboat',
  'heartbeat-url': '',
  'close-on-success': 'true',
  'notify-on-cancel': 'false',
  // the root action.yml (backup, verify and report in one step list)
  'flyctl-version': '0.4.87',
  verify: 'extract',
  report: 'true',
} as const satisfies Record<string, string>;

/**
 * lightsail-snapshot-check's own meaning of two shared names: its region is empty by default
 * (then AWS_REGION, AWS_DEFAULT_REGION, us-east-1), and its max-age is the age of the newest
 * Lightsail snapshot, not of a backup.
 */
export const LIGHTSAIL_DEFAULTS = { ...DEFAULTS, region: '', 'max-age': '26h' } as const;

/**
 * fly-snapshot-check's own meaning of the two age limits: Fly takes one snapshot a day, so the
 * newest is late after 26 h and missing after 50 h (two days, plus slack).
 */
export const FLY_SNAPSHOT_DEFAULTS = { ...DEFAULTS, 'warn-age': '26h', 'max-age': '50h' } as const;

export type Defaults = Readonly<Record<keyof typeof DEFAULTS, string>>;
export type OptionName = keyof typeof DEFAULTS;

/** The value of option `name`, or its default (from `table`) when it is empty. */
export function orDefault(r: OptionReader, name: OptionName, table: Defaults = DEFAULTS): string {
  return r.text(name) || table[name];
}
