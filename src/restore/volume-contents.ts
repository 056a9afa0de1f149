/**
 * What a volume's data is, defined once for every restore target (a directory here, an SSH host, a
 * Fly machine): every name at its top except the file system's own `lost+found` (mkfs.ext4 makes one
 * on every fresh volume) and lifeboat's own folders, `.lifeboat-restore/` (holding copies of a
 * restore in progress) and `.lifeboat-pre-restore-<time>/` (live contents a swap moved aside).
 * A volume whose top holds nothing else is empty: `--if-empty` restores into it and `--to` accepts
 * it. The one exception: a lost+found that holds anything (what fsck recovered after a crash) may
 * be the volume's data, so it makes the volume non-empty (lostFoundData), though a swap still
 * leaves it where it is. The machines check it with a shell script whose patterns are generated here, from the same
 * lists, so the local, SSH and Fly answers cannot drift apart.
 */

/** `<path>/.lifeboat-restore/`: where a restore stages its copy before moving it into place. */
export const RESTORE_FOLDER = '.lifeboat-restore';
/** `<path>/.lifeboat-pre-restore-<time>/`: where a swap keeps the live contents it moved aside. */
export const PRE_RESTORE_PREFIX = '.lifeboat-pre-restore-';
/** The file system's folder for what fsck recovers; it belongs to the volume, not to its data. */
export const LOST_AND_FOUND = 'lost+found';

/** lifeboat's own folders: never data, never moved in or aside, left out of every backup. */
const LIFEBOAT_FOLDERS = { names: [RESTORE_FOLDER], prefixes: [PRE_RESTORE_PREFIX] };
/** Everything at a volume's top that is not its data. */
const NOT_DATA = { names: [LOST_AND_FOUND, ...LIFEBOAT_FOLDERS.names], prefixes: LIFEBOAT_FOLDERS.prefixes };

type NameSet = typeof NOT_DATA;

const matches = (set: NameSet, name: string) =>
  set.names.includes(name) || set.prefixes.some((p) => name.startsWith(p));

/** Whether a name at a volume's top is data (anything but lost+found and lifeboat's own folders). */
export function isVolumeData(name: string): boolean {
  return !matches(NOT_DATA, name);
}

/** Whether a name at a volume's top is one of lifeboat's own folders. */
export function isLifeboatFolder(name: string): boolean {
  return matches(LIFEBOAT_FOLDERS, name);
}

/** The data names among the names at a volume's top, in their order. */
export function volumeData(names: Iterable<string>): string[] {
  return [...names].filter(isVolumeData);
}

/** What a volume's lost+found holds: how many entries, or 'unreadable' (it may hold anything). */
export type LostFoundState = number | 'unreadable';

/**
 * A lost+found that is not empty, as data names for messages ("lost+found (2 entries fsck
 * recovered)"); none for an empty or missing one. Only an empty lost+found is "not data".
 */
export function lostFoundData(state: LostFoundState | undefined): string[] {
  if (state === undefined || state === 0) return [];
  if (state === 'unreadable') return [`${LOST_AND_FOUND} (unreadable here: it may hold what fsck recovered)`];
  return [
    `${LOST_AND_FOUND} (${state} ${state === 1 ? 'entry' : 'entries'} fsck recovered: look through them, then empty it)`,
  ];
}

/**
 * POSIX sh that sets L to what "$<dir>/lost+found" holds (lostFoundData's input): 0 when it is
 * missing or empty, the number of its entries, or `unreadable`.
 */
export function lostFoundCountScript(dir: string): string {
  const lf = `"${dir}/${LOST_AND_FOUND}"`;
  return (
    `L=0; if [ -d ${lf} ] && [ ! -L ${lf} ]; then if [ -r ${lf} ] && [ -x ${lf} ]; then ` +
    `for f in ${lf}/* ${lf}/.[!.]* ${lf}/..?*; do [ -e "$f" ] || [ -L "$f" ] || continue; L=$((L+1)); done; ` +
    `else L=unreadable; fi; fi`
  );
}

/** A literal for a POSIX sh `case` pattern: every character but [A-Za-z0-9._+-] escaped. */
const caseLiteral = (literal: string) => literal.replace(/[^A-Za-z0-9._+-]/g, (c) => `\\${c}`);

const casePatterns = (set: NameSet) =>
  [...set.names.map(caseLiteral), ...set.prefixes.map((p) => `${caseLiteral(p)}*`)].join('|');

/** `isVolumeData` as the patterns of a sh `case` branch that matches every name that is not data. */
export function notDataCasePatterns(): string {
  return casePatterns(NOT_DATA);
}

/** `isLifeboatFolder` as the patterns of a sh `case` branch. */
export function lifeboatFolderCasePatterns(): string {
  return casePatterns(LIFEBOAT_FOLDERS);
}
