import type { Compression } from '../catalog/layout.js';
import { shWord } from '../util/shell.js';

/**
 * The sh script that runs where the data lives (a Fly machine, an SSH host, or locally). It writes
 * one framed stream to stdout:
 *
 *   LIFEBOAT-STREAM/1 <compression> <KiB>\n  header: the compression actually used, and the KiB
 *                                          in use below the path (du -sk; 0 when unknown),
 *                                          which sizes the upload's parts
 *   <archive bytes>                        tar, compressed
 *   \n#LIFEBOAT-END-7c1f93# pre=N tar=N zip=N err=WORD\n   trailer: exit statuses, in-band
 *
 * The trailer is how lifeboat learns the remote exit statuses (flyctl does not propagate them) and
 * proves the stream arrived whole: a stream without it was cut short, whatever the exit code.
 * Everything a person should read (tar warnings, pre-command output) goes to stderr.
 */
export const STREAM_HEADER_PREFIX = 'LIFEBOAT-STREAM/1 ';
export const TRAILER_MAGIC = '#LIFEBOAT-END-7c1f93#';

export type RequestedCompression = Compression | 'auto';

export interface ArchiveScriptOptions {
  path: string;
  compression: RequestedCompression;
  excludes: string[];
  preCommand?: string;
  /** Paths (relative to path) left out of every archive: lifeboat's own restore folders. */
  builtinExcludes?: string[];
}

export const BUILTIN_EXCLUDES = ['./.lifeboat-restore', './.lifeboat-pre-restore-*'];

export const COMPRESSORS: Record<Compression, string> = {
  zstd: 'zstd -3 -q -c -T0',
  gzip: 'gzip -6 -c',
  none: 'cat',
};

export function buildArchiveScript(options: ArchiveScriptOptions): string {
  const excludes = [...(options.builtinExcludes ?? BUILTIN_EXCLUDES), ...options.excludes];
  const excludeArgs = excludes.map((p) => `--exclude=${shWord(p)}`).join(' ');
  const lines = [
    `P=${shWord(options.path)}`,
    `C=${options.compression}`,
    `lb_head() { printf "${STREAM_HEADER_PREFIX}%s %s\\n" "$C" "$1"; }`,
    `lb_end() { printf "\\n%s pre=%s tar=%s zip=%s err=%s\\n" "${TRAILER_MAGIC}" "$1" "$2" "$3" "$4"; }`,
    // a run that stops before tar: the header (nothing to size), then the reason in the trailer
    `lb_quit() { lb_head 0; lb_end "$1" 0 0 "$2"; exit 0; }`,
    // auto: zstd when the machine has it, else gzip; decided here, reported in the header
    `if [ "$C" = auto ]; then if command -v zstd >/dev/null 2>&1; then C=zstd; else C=gzip; fi; fi`,
    `if ! command -v tar >/dev/null 2>&1; then lb_quit 0 notar; fi`,
    `case "$C" in zstd) Z="${COMPRESSORS.zstd}";; gzip) Z="${COMPRESSORS.gzip}";; *) Z="${COMPRESSORS.none}";; esac`,
    `if ! command -v "\${Z%% *}" >/dev/null 2>&1; then lb_quit 0 nocompressor; fi`,
    `if [ ! -d "$P" ]; then lb_quit 0 nopath; fi`,
  ];
  if (options.preCommand) {
    // the pre-command (for example a SQLite .backup) runs first; its output goes to stderr so the
    // archive stream stays clean, and its failure aborts the backup
    lines.push(
      `sh -c ${shWord(options.preCommand)} </dev/null >&2; S=$?`,
      `if [ "$S" -ne 0 ]; then lb_quit "$S" pre; fi`,
    );
  }
  lines.push(
    `cd "$P" || lb_quit 0 nocd`,
    // the KiB in use below the path, after the pre-command wrote its dump: sizes the upload's parts
    `U=$(du -sk . 2>/dev/null | awk "NR == 1 { print \\$1 }")`,
    `case "$U" in ""|*[!0-9]*) U=0;; esac`,
    `lb_head "$U"`,
    // POSIX sh has no pipefail: each side of the pipe reports its status on fd 4, captured here
    `exec 3>&1`,
    `S=$( { { tar -cf - ${excludeArgs} . 4>&-; echo "T=$?" >&4; } | $Z >&3 4>&-; echo "Z=$?" >&4; } 4>&1 )`,
    `T=0; ZS=0; for kv in $S; do case "$kv" in T=*) T=\${kv#T=};; Z=*) ZS=\${kv#Z=};; esac; done`,
    `lb_end 0 "$T" "$ZS" ""`,
  );
  return lines.join('\n');
}
