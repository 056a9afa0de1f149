/**
 * What tar left out of an archive and said so on stderr: sockets. No tar can archive a socket
 * (GNU tar and busybox both print "tar: ./x.sock: socket ignored" and go on); a socket is made
 * again by the program that listens on it. The backup logs tar's line as it is, and this turns the
 * lines into one warning that the manifest keeps, so what is missing from a restore is written
 * down where the snapshot is. A tar that says it in another language is only logged.
 */
const SOCKET_IGNORED = ': socket ignored';
const TAR_PREFIX = 'tar: ';
/** How many names the warning lists. */
const SHOWN = 5;

export class LeftOutMembers {
  private readonly sockets: string[] = [];
  private count = 0;

  /** Reads one stderr line of the source. */
  readonly note = (line: string): void => {
    if (!line.startsWith(TAR_PREFIX) || !line.endsWith(SOCKET_IGNORED)) return;
    this.count++;
    if (this.sockets.length < SHOWN) this.sockets.push(line.slice(TAR_PREFIX.length, -SOCKET_IGNORED.length));
  };

  /** The manifest's warning, when tar left anything out. */
  warnings(): string[] {
    if (this.count === 0) return [];
    const more = this.count > this.sockets.length ? ` and ${this.count - this.sockets.length} more` : '';
    return [
      `tar left out ${this.count} socket${this.count === 1 ? '' : 's'} (${this.sockets.join(', ')}${more}): ` +
        'no tar archives sockets; the program that listens on one makes it again when it starts',
    ];
  }
}
