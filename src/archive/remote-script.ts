import type { Compression } from '../catalog/layout.js';
import { shWord } from '../util/shell.js';

/**
 * The sh script that runs where the data lives (a Fly machine, an SSH host, or locally). It writes
 * one framed stream to stdout:
 *
 *   LIFEBOAT-STREAM/1 <compression> <KiB>\n  header: the compression actually used, and the KiB
 *                                          in use below the path (du -sk; 0 when unknown,
 *                                          "nodu" when the machine has no du),
 *                                          which sizes the upload's parts
 *   <archive bytes>                        tar, compressed
 *   \n#LIFEBOAT-END-7c1f93# pre=N tar=N zip=N err=WORD\n   trailer: exit statuses, in-band
 *
 * or, when the machine cannot make the archive (no tar, no compressor, a tar that cannot exclude
 * what was asked, a missing path, a failed pre-command), one line instead of the header:
 *
 *   LIFEBOAT-STOP/1 pre=N tar=0 zip=0 err=WORD\n
 *
 * so that the run ends before any archive byte exists and the upload never starts: these checks
 * are the probe, made in the same run as the stream (one round trip to the machine, not two).
 *
 * The trailer is how lifeboat learns the remote exit statuses (flyctl does not propagate them) and
 * proves the stream arrived whole: a stream without it was cut short, whatever the exit code.
 * Everything a person should read (tar warnings, pre-command output) goes to stderr.
 *
 * tar is whichever the machine has. GNU tar's exit 1 means "a file changed as it was read" (a
 * warning); any other tar's exit 1 is an error (busybox: a file it could not read, such as a path
 * past PATH_MAX), reported as err=tar so that nothing it left out is stored as good. A tar
 * without --exclude (a busybox built without FEATURE_TAR_FROM, such as Debian's busybox-static)
 * archives `.` whole, or, when lifeboat's own folders are there, the root's own entry (the first
 * block of tar's `.`, cut by head; without head the archive has no root entry) and the top-level
 * entries less those folders (lifeboatFoldersPlan), or only the end-of-archive blocks when there
 * is nothing else; more entries than one exec carries stop the run before the header
 * (err=toomany). User excludes on such a tar stop the run before the pre-command (err=noexclude).
 *
 * What the script needs on the machine: sh (POSIX: dash, bash, busybox ash), tar, the compressor
 * (zstd, gzip, or cat for none), and du, which is optional (the header then says "nodu" and the
 * upload's parts get their smallest size). Everything else it uses is a shell builtin (printf,
 * echo, test, command -v, ulimit), so a PATH of busybox applets is enough; head and getconf are
 * used when present.
 */
export const STREAM_HEADER_PREFIX = 'LIFEBOAT-STREAM/1 ';
export const STREAM_STOP_PREFIX = 'LIFEBOAT-STOP/1 ';
/** The header's size field when the machine has no du: the size is unknown. */
export const NO_DU = 'nodu';
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

/** A case pattern matching an exclude glob: its literal parts quoted, its `*` left to match. */
function casePattern(glob: string): string {
  return glob
    .split('*')
    .map((part) => (part === '' ? '' : shWord(part)))
    .join('*');
}

/** A tar block: the root's header is one, and the end of an archive is two zero blocks. */
const TAR_BLOCK = 512;

/**
 * The most bytes of arguments and environment one exec may carry, where the machine does not say:
 * Linux gives max(128 KiB, min(6 MiB, stack limit / 4)) (fs/exec.c, bprm_stack_limits); 128 KiB is
 * what it gives whatever the stack limit, 6 MiB what it gives at most.
 */
export const EXEC_ARGS_FLOOR = 131072;
export const EXEC_ARGS_CAP = 6291456;

/** The literal start that every one of lifeboat's folders shares (`.lifeboat-`), `./` left off. */
function sharedStart(builtin: string[]): string {
  const literals = builtin.map((g) => {
    if (!g.startsWith('./')) throw new Error(`internal: a builtin exclude must start with ./ (${g})`);
    return g.slice(2).split('*')[0]!;
  });
  let start = literals[0] ?? '';
  for (const l of literals) while (!l.startsWith(start)) start = start.slice(0, -1);
  // the globs below are written from these characters as they are (no quoting needed), and the
  // start must be a dot name of at least two characters whose second is not a dot
  if (!/^\.[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(start))
    throw new Error(`internal: lifeboat's folders share no usable start (${start})`);
  return start;
}

/**
 * Globs that together give every top-level name (but `.` and `..`) that does not start with
 * `start`, each name once: names without a leading dot, `..x`, then for each position i of
 * `start` (after the dot) the names that agree with it before i and differ at i, and the names
 * that are `start` cut short. With `start` = `.lifeboat-`: `*`, `..?*`, `.[!.l]*`, `.l[!i]*`, ...,
 * `.lifeboat[!-]*`, `.l`, `.li`, ..., `.lifeboat`. The names that do start with `start` are the
 * glob `start*`, filtered one by one: only those go through the shell's list, so building it is
 * not quadratic in the number of top-level entries (the whole list is never rebuilt by `set --`).
 */
export function namesNotStartingWith(start: string): string[] {
  const globs = ['./*', './..?*', `./.[!.${start[1]}]*`];
  for (let i = 2; i < start.length; i++) globs.push(`./${start.slice(0, i)}[!${start[i]}]*`);
  for (let i = 2; i < start.length; i++) globs.push(`./${start.slice(0, i)}`);
  return globs;
}

/**
 * On a tar without --exclude, decides how to leave lifeboat's own folders out, before the header
 * (so that a stop sends no byte of archive):
 *
 * - K=0: none of them is at the top level (looked for by their own globs: a volume without one
 *   costs nothing), and tar archives `.` whole.
 * - K=1: tar gets the top-level entries less those folders: the matched globs of
 *   namesNotStartingWith (W, expanded by tar's own command line) and the names that start like
 *   lifeboat's folders but are none of them ("$@"). N and B count the entries and the bytes they
 *   and the environment take on tar's command line (a byte for each NUL, 8 for each pointer); past
 *   what one exec carries there (getconf ARG_MAX, else the stack limit as Linux computes it, at
 *   most EXEC_ARGS_CAP) the run stops (err=toomany) instead of failing with E2BIG. LC_ALL=C makes
 *   `${#f}` count bytes in a shell that counts characters in a UTF-8 locale (bash).
 */
function lifeboatFoldersPlan(builtin: string[]): string[] {
  const start = sharedStart(builtin);
  const others = namesNotStartingWith(start);
  const count = 'N=$((N+1)); B=$((B+${#f}+9))';
  return [
    `K=0; if [ "$X" = 0 ]; then for f in ${builtin.map(casePattern).join(' ')}; do if [ -e "$f" ] || [ -L "$f" ]; then K=1; break; fi; done; fi`,
    `set --; W=""`,
    `lb_eoa() { i=0; while [ $i -lt ${(2 * TAR_BLOCK) / 16} ]; do printf "${'\\0'.repeat(16)}"; i=$((i+1)); done; }`,
    `if [ "$K" = 1 ]; then`,
    `  LC_ALL=C; N=0; B=0`,
    `  lb_n() { if [ ! -e "$1" ] && [ ! -L "$1" ]; then return 1; fi; for f do ${count}; done; }`,
    `  for g in ${others.map((g) => `"${g}"`).join(' ')}; do if eval "lb_n $g"; then W="$W $g"; fi; done`,
    `  for f in ./${start}*; do`,
    `    if [ ! -e "$f" ] && [ ! -L "$f" ]; then continue; fi`,
    `    case "$f" in ${builtin.map(casePattern).join('|')}) continue;; esac`,
    `    set -- "$@" "$f"; ${count}`,
    `  done`,
    `  E=$(export -p); B=$((B+\${#E}+64))`,
    `  M=""; if command -v getconf >/dev/null 2>&1; then M=$(getconf ARG_MAX 2>/dev/null); fi`,
    `  case "$M" in ""|*[!0-9]*) M=${EXEC_ARGS_FLOOR}; S=$(ulimit -s 2>/dev/null); case "$S" in unlimited) M=${EXEC_ARGS_CAP};; ""|*[!0-9]*) ;; *) if [ "$S" -gt ${EXEC_ARGS_FLOOR / 256} ]; then M=$((S*256)); fi;; esac;; esac`,
    `  if [ "$M" -gt ${EXEC_ARGS_CAP} ]; then M=${EXEC_ARGS_CAP}; fi`,
    `  if [ "$B" -gt "$M" ]; then echo "lifeboat: tar here has no --exclude and a lifeboat folder is at the top level, so tar would be given the $N other top-level entries one by one: $B bytes with the environment, more than one command line carries here ($M bytes)" >&2; lb_quit 0 toomany; fi`,
    `fi`,
  ];
}

export function buildArchiveScript(options: ArchiveScriptOptions): string {
  const builtin = options.builtinExcludes ?? BUILTIN_EXCLUDES;
  const excludes = [...builtin, ...options.excludes];
  const excludeArgs = excludes.map((p) => `--exclude=${shWord(p)}`).join(' ');
  const lines = [
    // GNU tar reads options from TAR_OPTIONS (an SSH host's /etc/environment can set it through
    // PAM): --exclude there would leave files out of a backup that is then "ok"
    `unset TAR_OPTIONS`,
    `P=${shWord(options.path)}`,
    `C=${options.compression}`,
    `lb_head() { printf "${STREAM_HEADER_PREFIX}%s %s\\n" "$C" "$1"; }`,
    `lb_end() { printf "\\n%s pre=%s tar=%s zip=%s err=%s\\n" "${TRAILER_MAGIC}" "$1" "$2" "$3" "$4"; }`,
    // a run that stops before tar: the stop line instead of the header, so no upload starts
    `lb_quit() { printf "${STREAM_STOP_PREFIX}pre=%s tar=0 zip=0 err=%s\\n" "$1" "$2"; exit 0; }`,
    // auto: zstd when the machine has it; else plain tar, which the runner compresses with zstd
    // (runner-compress.ts), so the machine spends no CPU on compression: on one shared CPU without
    // zstd, any compression there is the whole backup's speed (bench/NOTES.md, "The slim Fly
    // machine"). Decided here, reported in the header.
    `if [ "$C" = auto ]; then if command -v zstd >/dev/null 2>&1; then C=zstd; else C=none; fi; fi`,
    `if ! command -v tar >/dev/null 2>&1; then lb_quit 0 notar; fi`,
    `case "$C" in zstd) Z="${COMPRESSORS.zstd}";; gzip) Z="${COMPRESSORS.gzip}";; *) Z="${COMPRESSORS.none}";; esac`,
    // nozstd, nogzip or nocat: the compressor's name says which one is missing
    `if ! command -v "\${Z%% *}" >/dev/null 2>&1; then lb_quit 0 "no\${Z%% *}"; fi`,
    `if [ ! -d "$P" ]; then lb_quit 0 nopath; fi`,
    // G: GNU tar (its exit 1 is a warning); X: tar can --exclude (GNU, Alpine's busybox)
    `G=0; case "$(tar --version 2>/dev/null)" in *"GNU tar"*) G=1;; esac`,
    `X=$G; if [ "$X" = 0 ] && tar --exclude=./.lifeboat-probe -cf /dev/null /dev/null >/dev/null 2>&1; then X=1; fi`,
    ...(options.excludes.length > 0 ? [`if [ "$X" = 0 ]; then lb_quit 0 noexclude; fi`] : []),
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
    ...lifeboatFoldersPlan(builtin),
    `lb_tar() {`,
    `  if [ "$X" = 1 ]; then tar -cf - ${excludeArgs} .; return; fi`,
    `  if [ "$K" = 0 ]; then tar -cf - .; return; fi`,
    // the root's own entry first (its mode, owner and mtime): the first block of tar's `.`, cut by
    // head as soon as tar wrote it (tar then dies of SIGPIPE, having read nothing else)
    `  if command -v head >/dev/null 2>&1; then tar -cf - . 2>/dev/null | head -c ${TAR_BLOCK}; fi`,
    // nothing but lifeboat's folders: the end-of-archive blocks alone (a tar with no member refuses
    // to write an "empty archive")
    `  if [ -z "$W" ] && [ $# = 0 ]; then lb_eoa; return 0; fi`,
    `  eval "tar -cf - $W \\"\\$@\\""`,
    `}`,
    // the KiB in use below the path, after the pre-command wrote its dump: sizes the upload's parts
    // (du prints "KIB<tab>."; the digits are cut out by the shell, no awk needed)
    `if command -v du >/dev/null 2>&1; then U=$(du -sk . 2>/dev/null); U=\${U%%[!0-9]*}; else U=${NO_DU}; fi`,
    `case "$U" in ${NO_DU}) ;; ""|*[!0-9]*) U=0;; esac`,
    `lb_head "$U"`,
    // POSIX sh has no pipefail: each side of the pipe reports its status on fd 4, captured here
    `exec 3>&1`,
    `S=$( { { lb_tar "$@" 4>&-; echo "T=$?" >&4; } | $Z >&3 4>&-; echo "Z=$?" >&4; } 4>&1 )`,
    `T=0; ZS=0; for kv in $S; do case "$kv" in T=*) T=\${kv#T=};; Z=*) ZS=\${kv#Z=};; esac; done`,
    `E=""; if [ "$T" != 0 ] && [ "$G" = 0 ]; then E=tar; fi`,
    `lb_end 0 "$T" "$ZS" "$E"`,
  );
  return lines.join('\n');
}
