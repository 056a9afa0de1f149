/**
 * The files GNU tar read while they changed, and said so on stderr. GNU tar exits 1 (its warning
 * status, TAREXIT_DIFFERS) for three things it meets while it reads a file, and goes on with a
 * complete archive; each has its own line, the name quoted as tar quotes it:
 *   "tar: ./db.sqlite: file changed as we read it"              the bytes may be a torn copy
 *   "tar: ./app.log: File shrank by 2048 bytes; padding with zeros"   the archive holds zeros there
 *   "tar: ./db.sqlite-wal: File removed before we read it"      the name is not in the archive
 * (GNU tar 1.34's create.c and misc.c; the first two together from an SQLite database that a
 * process wrote while it was archived, as in a public write-up of an uptime-kuma backup, and
 * reproduced here by truncating a file while GNU tar 1.34 read it.) The backup logs each line as it
 * is; this turns them into the names of the exit-1 warning, so the warning says which files to
 * distrust. A tar that says it in another language is only logged, and the warning stays general.
 */
const TAR_PREFIX = 'tar: ';
/** How many names the warning lists of each kind. */
const SHOWN = 5;

interface Kind {
  /** The end of tar's line, after the name (a prefix match for the one that carries a count). */
  readonly matches: (rest: string) => boolean;
  /** What happened to the file, after its name. */
  readonly told: string;
}

const KINDS: readonly Kind[] = [
  { matches: (rest) => rest === 'file changed as we read it', told: 'changed while it was read' },
  {
    matches: (rest) => rest.startsWith('File shrank by ') && rest.endsWith('; padding with zeros'),
    told: 'shrank while it was read (the archive holds zeros for the missing bytes)',
  },
  {
    matches: (rest) => rest === 'File removed before we read it',
    told: 'was removed before it was read (it is not in the archive)',
  },
];

/** tar's separator between the name and the message: the last ": " (tar quotes a colon in a name). */
const SEPARATOR = ': ';

export class ChangedMembers {
  private readonly names: string[][] = KINDS.map(() => []);
  private readonly counts: number[] = KINDS.map(() => 0);

  /** Reads one stderr line of the source. */
  readonly note = (line: string): void => {
    if (!line.startsWith(TAR_PREFIX)) return;
    const body = line.slice(TAR_PREFIX.length);
    const at = body.lastIndexOf(SEPARATOR);
    if (at <= 0) return;
    const rest = body.slice(at + SEPARATOR.length);
    const kind = KINDS.findIndex((k) => k.matches(rest));
    if (kind < 0) return;
    this.counts[kind]!++;
    if (this.names[kind]!.length < SHOWN) this.names[kind]!.push(body.slice(0, at));
  };

  /** The files by kind, for the exit-1 warning; undefined when tar named none. */
  described(): string | undefined {
    const parts = KINDS.flatMap((kind, i) => {
      const count = this.counts[i]!;
      if (count === 0) return [];
      const shown = this.names[i]!;
      const more = count > shown.length ? ` and ${count - shown.length} more` : '';
      return [`${shown.join(', ')}${more} ${kind.told}`];
    });
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
}
