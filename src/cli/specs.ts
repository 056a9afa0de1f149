import { DEFAULTS, LIGHTSAIL_DEFAULTS, type Defaults } from '../options/defaults.js';
import type { FlagKind, FlagSpec } from './flags.js';

/**
 * Flags mirror the action inputs: the same names, and the same defaults, which come from the one
 * table (src/options/defaults.ts; test/unit/cli-defaults.test.ts compares it with every action.yml).
 * A flag the table does not know has no default, except that a boolean flag is off unless given.
 */
function option(kind: FlagKind, name: string, help: string, table: Defaults = DEFAULTS): FlagSpec {
  const fromTable = (table as Readonly<Record<string, string>>)[name];
  const value = fromTable ?? (kind === 'flag' ? 'false' : undefined);
  return { name, kind, help, ...(value === undefined ? {} : { default: value }) };
}
export const text = (name: string, help: string, table?: Defaults) => option('text', name, help, table);
export const list = (name: string, help: string, table?: Defaults) => option('list', name, help, table);
export const flag = (name: string, help: string, table?: Defaults) => option('flag', name, help, table);

export const STORAGE: FlagSpec[] = [
  text('bucket', 'bucket that holds the backups'),
  text('prefix', 'folder in the bucket for every target'),
  text('endpoint', 'S3 endpoint URL (R2, Spaces, B2, MinIO); empty for AWS'),
  text('region', 'region of the bucket ("auto" for R2)'),
  flag('force-path-style', 'address the bucket as endpoint/bucket'),
  text('sse', 'server-side encryption: AES256 | aws:kms'),
  text('sse-kms-key-id', 'KMS key for sse aws:kms'),
];

export const TARGET: FlagSpec = text('target', 'backup target (folder under prefix)');

export const RETENTION: FlagSpec[] = [
  text('keep-last', 'keep the newest N good snapshots'),
  text('keep-daily', 'keep one per day for N days'),
  text('keep-weekly', 'keep one per ISO week for N weeks'),
  text('keep-monthly', 'keep one per month for N months'),
];

const FLYCTL = text('flyctl', 'flyctl command or path (>= 0.4.80)');

export const FLY: FlagSpec[] = [
  text('app', 'Fly app (source: the machine over flyctl ssh console)'),
  text('machine', 'Fly machine id (default: the first started machine)'),
  FLYCTL,
];

export const SSH: FlagSpec[] = [
  text('host', 'SSH host (source: any Linux host over OpenSSH)'),
  text('port', 'SSH port'),
  text('user', 'SSH user'),
  text('ssh-key-file', 'private key file (or LIFEBOAT_SSH_KEY with the key itself)'),
  text('known-hosts-file', 'known_hosts file that pins the host key'),
  flag(
    'sudo',
    "run lifeboat's scripts on the host (the archive and --pre-command; a restore's listing, staging and swap) as root with sudo -n sh -c ...: the user needs passwordless sudo",
  ),
];

/** restore into an SSH host (the same flags as an SSH backup source) */
const SSH_RESTORE: FlagSpec[] = SSH.map((f) =>
  f.name === 'host' ? { ...f, help: 'restore into this SSH host instead of a Fly app' } : f,
);

export const DECRYPTION_IDENTITY = text(
  'decryption-identity',
  'age identity (prefer LIFEBOAT_DECRYPTION_IDENTITY)',
);

export const BACKUP: FlagSpec[] = [
  TARGET,
  text('path', 'the volume: mount point on the machine, or a local directory with --local'),
  flag('local', 'back up a directory of this machine (real local tar)'),
  list('exclude', 'tar --exclude pattern'),
  text('pre-command', 'shell command run on the source first (e.g. sqlite3 .backup)'),
  text('compression', 'auto | zstd | gzip | none'),
  text('label', 'suffix of the snapshot id'),
  ...RETENTION,
  text('min-size-ratio', 'wiped-volume guard threshold (0 = off)'),
  flag('allow-shrink', 'accept a backup the guard marks suspect'),
  text(
    'max-files-gone-ratio',
    'suspect when more than this fraction of the previous files are gone (1 = off)',
  ),
  text('truncated-file-min-size', 'bytes: a file at least this large that shrank is checked'),
  text('truncated-file-ratio', 'suspect when such a file shrank below this fraction (0 = off)'),
  flag('require-versioning', 'refuse a bucket without versioning'),
  flag('dry-run', 'write nothing: stream and check the archive, report what would be stored and pruned'),
  list('encryption-recipients', 'age recipient (age1...) to encrypt for'),
  flag('allow-unencrypted', 'store it unencrypted although the previous snapshot was age-encrypted'),
  text(
    'source-idle-timeout',
    'seconds: fail when the source sends no byte this long while lifeboat is ready to read (0 = off)',
  ),
];

export const SNAPSHOT: FlagSpec = text(
  'snapshot',
  'latest | <snapshot id> | before:<ISO-8601 time, UTC unless it names a zone>',
);

export const VERIFY: FlagSpec[] = [
  TARGET,
  SNAPSHOT,
  text('mode', 'extract | stream'),
  text('holding-dir', 'where extract mode writes (default: a new temp directory)'),
  list('required-paths', 'glob that must match an entry'),
  text('min-entries', 'fail below this many entries'),
  list('sqlite', 'glob of restored SQLite files to integrity-check'),
  text('max-age', 'fail when the snapshot is older (e.g. 26h, 7d)'),
  flag('write-report', 'write verification.json beside the manifest'),
  DECRYPTION_IDENTITY,
  text('restore-to-app', "also restore into this Fly app's holding folder"),
  text('restore-path', 'volume mount point for restore-to-app'),
  FLYCTL,
];

export const RESTORE: FlagSpec[] = [
  TARGET,
  SNAPSHOT,
  text('to', 'restore into this local directory (must be empty or new)'),
  text('app', 'restore into this Fly app: <path>/.lifeboat-restore/<id>/, then --apply swaps it in'),
  ...SSH_RESTORE,
  text('path', 'the volume: mount point on the machine, or the local path with --if-empty'),
  FLYCTL,
  flag('apply', 'swap the verified copy in: live contents move aside, never deleted'),
  text('confirm', 'with --apply: the exact snapshot id being restored'),
  flag('if-empty', 'restore only when the path is empty (a fresh volume)'),
  DECRYPTION_IDENTITY,
];

/** restore --include / --exclude: only the members whose path inside the volume a glob matches. */
/** A restore's selection comes from its command line only: LIFEBOAT_EXCLUDE is the backup's setting. */
export const RESTORE_SELECTION: FlagSpec[] = [
  list('include', "restore only what this glob matches, on the path inside the volume ('uploads/**')"),
  list('exclude', "restore nothing this glob matches ('uploads/cache')"),
].map((f) => ({ ...f, fromEnv: false }));

/** dump: one file of a snapshot to stdout. */
export const DUMP: FlagSpec[] = [TARGET, SNAPSHOT, DECRYPTION_IDENTITY];

export const COMMON: FlagSpec[] = [
  flag('json', 'print the result as JSON on stdout'),
  flag('quiet', 'print only warnings and the result'),
  flag('help', 'show this help'),
];

export const LIGHTSAIL: FlagSpec[] = [
  list('instance', 'Lightsail instance name', LIGHTSAIL_DEFAULTS),
  list('disk', 'Lightsail block storage disk name', LIGHTSAIL_DEFAULTS),
  text('region', 'AWS region (default: AWS_REGION, then us-east-1)', LIGHTSAIL_DEFAULTS),
  text('warn-age', 'warn when the newest snapshot is older', LIGHTSAIL_DEFAULTS),
  text('max-age', 'fail when the newest successful snapshot is older', LIGHTSAIL_DEFAULTS),
  text('min-count', 'fail with fewer successful snapshots', LIGHTSAIL_DEFAULTS),
  flag('require-auto-snapshot', 'fail when the add-on is off', LIGHTSAIL_DEFAULTS),
  flag('create-snapshot', 'take a manual snapshot now', LIGHTSAIL_DEFAULTS),
  text('label', 'suffix of the manual snapshot name', LIGHTSAIL_DEFAULTS),
  flag('wait', 'wait until the manual snapshot is available', LIGHTSAIL_DEFAULTS),
  text('wait-timeout', 'how long to wait', LIGHTSAIL_DEFAULTS),
];

export const FLY_SNAPSHOTS: FlagSpec[] = [
  { name: 'app', kind: 'text', help: 'Fly app whose volumes to check' },
  {
    name: 'volume',
    kind: 'list',
    help: 'volume id to check (default: every volume of the app)',
    default: '',
  },
  { name: 'warn-age', kind: 'text', help: 'warn when the newest snapshot is older', default: '26h' },
  { name: 'max-age', kind: 'text', help: 'fail when the newest created snapshot is older', default: '50h' },
  {
    name: 'min-count',
    kind: 'text',
    help: 'fail with fewer created snapshots, or a shorter snapshot_retention',
    default: '7',
  },
  { name: 'create-snapshot', kind: 'flag', help: 'take an on-demand snapshot now', default: 'false' },
  { name: 'wait', kind: 'flag', help: 'wait until the new snapshot is created', default: 'false' },
  { name: 'wait-timeout', kind: 'text', help: 'how long to wait', default: '15m' },
  { name: 'flyctl', kind: 'text', help: 'flyctl command or path (>= 0.4.80)', default: 'flyctl' },
];

export const GUARD: FlagSpec[] = [
  text('workspace', 'repository root to check (default: the current directory)'),
  list('paths', 'glob of files to check'),
  list('skip', 'GLOB: reason — files not to read, with why'),
  text('unsupported', 'fail or warn: what an input the guard cannot read is'),
  list('stateful-types', 'extra resource types to treat as stateful'),
  list('ignore-types', 'built-in stateful types to leave out'),
  list('protected-stages', 'stages whose data must be protected'),
  text('min-snapshot-retention', 'minimum fly.toml snapshot_retention'),
  list('preview', 'pulumi preview --json or terraform show -json output file'),
  text('backup-bucket', 'freshness gate: the backup bucket'),
  text('backup-prefix', 'freshness gate: prefix'),
  list('backup-targets', 'freshness gate: targets'),
  text('backup-max-age', 'freshness gate: maximum age'),
  text('backup-endpoint', 'freshness gate: S3 endpoint'),
  text('backup-region', 'freshness gate: region'),
];
