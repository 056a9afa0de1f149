import type { FlagSpec } from './flags.js';

/** Flags mirror the action inputs: same names, same defaults (a test compares them with action.yml). */
export const STORAGE: FlagSpec[] = [
  { name: 'bucket', kind: 'text', help: 'bucket that holds the backups' },
  { name: 'prefix', kind: 'text', help: 'folder in the bucket for every target', default: 'lifeboat' },
  {
    name: 'endpoint',
    kind: 'text',
    help: 'S3 endpoint URL (R2, Spaces, B2, MinIO); empty for AWS',
    default: '',
  },
  { name: 'region', kind: 'text', help: 'region of the bucket ("auto" for R2)', default: 'us-east-1' },
  { name: 'force-path-style', kind: 'flag', help: 'address the bucket as endpoint/bucket', default: 'false' },
  { name: 'sse', kind: 'text', help: 'server-side encryption: AES256 | aws:kms', default: '' },
  { name: 'sse-kms-key-id', kind: 'text', help: 'KMS key for sse aws:kms', default: '' },
];

export const TARGET: FlagSpec = { name: 'target', kind: 'text', help: 'backup target (folder under prefix)' };

export const RETENTION: FlagSpec[] = [
  { name: 'keep-last', kind: 'text', help: 'keep the newest N good snapshots', default: '7' },
  { name: 'keep-daily', kind: 'text', help: 'keep one per day for N days', default: '14' },
  { name: 'keep-weekly', kind: 'text', help: 'keep one per ISO week for N weeks', default: '8' },
  { name: 'keep-monthly', kind: 'text', help: 'keep one per month for N months', default: '12' },
];

export const FLY: FlagSpec[] = [
  { name: 'app', kind: 'text', help: 'Fly app (source: the machine over flyctl ssh console)' },
  { name: 'machine', kind: 'text', help: 'Fly machine id (default: the first started machine)', default: '' },
  { name: 'flyctl', kind: 'text', help: 'flyctl command or path (>= 0.4.80)', default: 'flyctl' },
];

export const SSH: FlagSpec[] = [
  { name: 'host', kind: 'text', help: 'SSH host (source: any Linux host over OpenSSH)' },
  { name: 'port', kind: 'text', help: 'SSH port', default: '22' },
  { name: 'user', kind: 'text', help: 'SSH user' },
  { name: 'ssh-key-file', kind: 'text', help: 'private key file (or LIFEBOAT_SSH_KEY with the key itself)' },
  { name: 'known-hosts-file', kind: 'text', help: 'known_hosts file that pins the host key' },
  { name: 'sudo', kind: 'flag', help: 'archive as root through sudo -n', default: 'false' },
];

/** restore into an SSH host (the same flags as an SSH backup source) */
const SSH_RESTORE: FlagSpec[] = SSH.map((f) =>
  f.name === 'host' ? { ...f, help: 'restore into this SSH host instead of a Fly app' } : f,
);

export const BACKUP: FlagSpec[] = [
  TARGET,
  {
    name: 'path',
    kind: 'text',
    help: 'the volume: mount point on the machine, or a local directory with --local',
    default: '/data',
  },
  {
    name: 'local',
    kind: 'flag',
    help: 'back up a directory of this machine (real local tar)',
    default: 'false',
  },
  { name: 'exclude', kind: 'list', help: 'tar --exclude pattern', default: '' },
  {
    name: 'pre-command',
    kind: 'text',
    help: 'shell command run on the source first (e.g. sqlite3 .backup)',
    default: '',
  },
  { name: 'compression', kind: 'text', help: 'auto | zstd | gzip | none', default: 'auto' },
  { name: 'label', kind: 'text', help: 'suffix of the snapshot id', default: '' },
  ...RETENTION,
  { name: 'min-size-ratio', kind: 'text', help: 'wiped-volume guard threshold (0 = off)', default: '0.5' },
  { name: 'allow-shrink', kind: 'flag', help: 'accept a backup the guard marks suspect', default: 'false' },
  { name: 'require-versioning', kind: 'flag', help: 'refuse a bucket without versioning', default: 'true' },
  {
    name: 'dry-run',
    kind: 'flag',
    help: 'write nothing: stream and check the archive, report what would be stored and pruned',
    default: 'false',
  },
  {
    name: 'encryption-recipients',
    kind: 'list',
    help: 'age recipient (age1...) to encrypt for',
    default: '',
  },
];

export const SNAPSHOT: FlagSpec = {
  name: 'snapshot',
  kind: 'text',
  help: 'latest | <snapshot id> | before:<ISO-8601 time>',
  default: 'latest',
};

export const VERIFY: FlagSpec[] = [
  TARGET,
  SNAPSHOT,
  { name: 'mode', kind: 'text', help: 'extract | stream', default: 'extract' },
  {
    name: 'holding-dir',
    kind: 'text',
    help: 'where extract mode writes (default: a new temp directory)',
    default: '',
  },
  { name: 'required-paths', kind: 'list', help: 'glob that must match an entry', default: '' },
  { name: 'min-entries', kind: 'text', help: 'fail below this many entries', default: '1' },
  { name: 'sqlite', kind: 'list', help: 'glob of restored SQLite files to integrity-check', default: '' },
  { name: 'max-age', kind: 'text', help: 'fail when the snapshot is older (e.g. 26h, 7d)', default: '' },
  {
    name: 'write-report',
    kind: 'flag',
    help: 'write verification.json beside the manifest',
    default: 'true',
  },
  {
    name: 'decryption-identity',
    kind: 'text',
    help: 'age identity (prefer LIFEBOAT_DECRYPTION_IDENTITY)',
    default: '',
  },
  {
    name: 'restore-to-app',
    kind: 'text',
    help: "also restore into this Fly app's holding folder",
    default: '',
  },
  { name: 'restore-path', kind: 'text', help: 'volume mount point for restore-to-app', default: '/data' },
  { name: 'flyctl', kind: 'text', help: 'flyctl command or path (>= 0.4.80)', default: 'flyctl' },
];

export const RESTORE: FlagSpec[] = [
  TARGET,
  SNAPSHOT,
  { name: 'to', kind: 'text', help: 'restore into this local directory (must be empty or new)' },
  {
    name: 'app',
    kind: 'text',
    help: 'restore into this Fly app: <path>/.lifeboat-restore/<id>/, then --apply swaps it in',
  },
  ...SSH_RESTORE,
  {
    name: 'path',
    kind: 'text',
    help: 'the volume: mount point on the machine, or the local path with --if-empty',
    default: '/data',
  },
  { name: 'flyctl', kind: 'text', help: 'flyctl command or path (>= 0.4.80)', default: 'flyctl' },
  {
    name: 'apply',
    kind: 'flag',
    help: 'swap the verified copy in: live contents move aside, never deleted',
    default: 'false',
  },
  { name: 'confirm', kind: 'text', help: 'with --apply: the exact snapshot id being restored' },
  {
    name: 'if-empty',
    kind: 'flag',
    help: 'restore only when the path is empty (a fresh volume)',
    default: 'false',
  },
  {
    name: 'decryption-identity',
    kind: 'text',
    help: 'age identity (prefer LIFEBOAT_DECRYPTION_IDENTITY)',
    default: '',
  },
];

export const COMMON: FlagSpec[] = [
  { name: 'json', kind: 'flag', help: 'print the result as JSON on stdout', default: 'false' },
  { name: 'quiet', kind: 'flag', help: 'print only warnings and the result', default: 'false' },
  { name: 'help', kind: 'flag', help: 'show this help', default: 'false' },
];

export const LIGHTSAIL: FlagSpec[] = [
  { name: 'instance', kind: 'list', help: 'Lightsail instance name', default: '' },
  { name: 'disk', kind: 'list', help: 'Lightsail block storage disk name', default: '' },
  { name: 'region', kind: 'text', help: 'AWS region (default: AWS_REGION, then us-east-1)', default: '' },
  { name: 'warn-age', kind: 'text', help: 'warn when the newest snapshot is older', default: '25h' },
  {
    name: 'max-age',
    kind: 'text',
    help: 'fail when the newest successful snapshot is older',
    default: '26h',
  },
  { name: 'min-count', kind: 'text', help: 'fail with fewer successful snapshots', default: '7' },
  { name: 'require-auto-snapshot', kind: 'flag', help: 'fail when the add-on is off', default: 'true' },
  { name: 'create-snapshot', kind: 'flag', help: 'take a manual snapshot now', default: 'false' },
  { name: 'label', kind: 'text', help: 'suffix of the manual snapshot name', default: '' },
  { name: 'wait', kind: 'flag', help: 'wait until the manual snapshot is available', default: 'false' },
  { name: 'wait-timeout', kind: 'text', help: 'how long to wait', default: '15m' },
];

export const GUARD: FlagSpec[] = [
  { name: 'workspace', kind: 'text', help: 'repository root to check (default: the current directory)' },
  {
    name: 'paths',
    kind: 'list',
    help: 'glob of files to check (default: sst.config.ts, Pulumi programs, fly.toml)',
  },
  { name: 'stateful-types', kind: 'list', help: 'extra resource types to treat as stateful', default: '' },
  { name: 'ignore-types', kind: 'list', help: 'built-in stateful types to leave out', default: '' },
  {
    name: 'protected-stages',
    kind: 'list',
    help: 'stages whose data must be protected',
    default: 'production',
  },
  { name: 'min-snapshot-retention', kind: 'text', help: 'minimum fly.toml snapshot_retention', default: '7' },
  {
    name: 'preview',
    kind: 'list',
    help: 'pulumi preview --json or terraform show -json output file',
    default: '',
  },
  { name: 'backup-bucket', kind: 'text', help: 'freshness gate: the backup bucket', default: '' },
  { name: 'backup-prefix', kind: 'text', help: 'freshness gate: prefix', default: 'lifeboat' },
  { name: 'backup-targets', kind: 'list', help: 'freshness gate: targets', default: '' },
  { name: 'backup-max-age', kind: 'text', help: 'freshness gate: maximum age', default: '26h' },
  { name: 'backup-endpoint', kind: 'text', help: 'freshness gate: S3 endpoint', default: '' },
  { name: 'backup-region', kind: 'text', help: 'freshness gate: region', default: 'us-east-1' },
];
