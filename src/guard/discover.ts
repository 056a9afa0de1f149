import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, posix, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { errorMessage } from '../util/errors.js';
import { finding, type Finding } from './findings.js';
import { readPulumiProject } from './pulumi-yaml.js';
import { readText } from './read-input.js';
import { DEFAULT_PATHS } from './default-paths.js';

export type InputKind = 'typescript' | 'pulumi-yaml' | 'fly-toml';

export interface DiscoveredFile {
  kind: InputKind;
  /** Relative to the workspace, with "/" separators. */
  file: string;
}

/** A glob of files the guard does not read, with the reason a person gave. */
export interface SkipRule {
  glob: string;
  reason: string;
}

export interface DiscoverOptions {
  workspace: string;
  /** Globs; a leading "!" excludes. */
  paths: readonly string[];
  skip?: readonly SkipRule[];
  /** The most files listed below the workspace (100,000 unless a test says otherwise). */
  maxFiles?: number;
  /** Lists a folder; tests replace it to make a folder unreadable (root reads every folder). */
  readDir?: ReadDir;
}

export type ReadDir = (abs: string) => Dirent[];

const readDirSync: ReadDir = (abs) => readdirSync(abs, { withFileTypes: true });

export interface Discovery {
  files: DiscoveredFile[];
  notes: string[];
  /** LB007 findings: what the guard was asked to read and cannot. */
  findings: Finding[];
  /** Every file of the workspace the guard may read (skipped ones excluded): where imports resolve. */
  listed: ReadonlySet<string>;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.sst', '.pulumi', '.terraform']);
/** The files the guard reads when `paths` is not given (kept in default-paths.ts, which the defaults table reads). */
export { DEFAULT_PATHS };

export const TS_EXT = /\.(ts|tsx|mts|cts)$/;
const JS_EXT = /\.(js|mjs|cjs|jsx)$/;
export const MAX_FILES = 100_000;

export function toPosix(p: string): string {
  return p.split(sep).join(posix.sep);
}

/**
 * Unit tests and their mocks are not the program: `*.test.ts`, `*.spec.ts` and files under
 * `test/`, `tests/`, `__tests__/`, `__mocks__/` are never read as infrastructure code.
 */
export function isTestFile(file: string): boolean {
  return (
    /(^|\/)(__tests__|__mocks__|tests?)\//.test(file) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(basename(file))
  );
}

/** A TypeScript source the guard reads (declaration files and tests are not). */
export function isProgramSource(file: string): boolean {
  return TS_EXT.test(file) && !/\.d\.[cm]?ts$/.test(file) && !isTestFile(file);
}

interface Listing {
  files: string[];
  /** Folders whose entries could not be listed, with the reason. */
  unreadable: { dir: string; reason: string }[];
  /** The listing stopped at maxFiles: files after that were not seen. */
  truncated: boolean;
}

/**
 * Every file below dir (relative, posix, sorted), skipping node_modules, .git, tool caches and the
 * folders `prune` names. Symbolic links to folders are followed once (a loop is not walked twice).
 * Invariant: nothing is left out silently: an unreadable folder and a listing cut at maxFiles are
 * returned, and the caller turns them into findings.
 */
export function listFiles(
  dir: string,
  maxFiles = MAX_FILES,
  prune: (rel: string) => boolean = () => false,
  readDir: ReadDir = readDirSync,
): Listing {
  const out: Listing = { files: [], unreadable: [], truncated: false };
  const seen = new Set<string>();
  const walk = (abs: string): void => {
    try {
      const real = realpathSync(abs);
      if (seen.has(real)) return;
      seen.add(real);
    } catch {
      // unreadable below: readdirSync reports it
    }
    let entries;
    try {
      entries = readDir(abs);
    } catch (err) {
      out.unreadable.push({ dir: toPosix(relative(dir, abs)) || '.', reason: errorMessage(err) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.files.length >= maxFiles) {
        out.truncated = true;
        return;
      }
      const child = join(abs, e.name);
      const rel = toPosix(relative(dir, child));
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = statSync(child);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          isFile = true; // a dangling or looping link: listed, so that reading it, if asked, is a finding
        }
      }
      if (isDir) {
        if (!SKIP_DIRS.has(e.name) && !prune(rel)) walk(child);
      } else if (isFile) out.files.push(rel);
    }
  };
  walk(dir);
  out.files.sort();
  return out;
}

/**
 * The files to check: the `paths` globs (a leading "!" excludes) matched against the workspace,
 * less the `skip` globs, then expanded: a Pulumi.yaml brings its program (every TypeScript file of
 * a nodejs project outside tests and *.d.ts; Main.yaml of a yaml project, or the Pulumi.yaml
 * itself). Invariant (fail closed): whatever the guard was asked to read and cannot — an
 * unreadable folder, a listing cut at the file limit, a Pulumi project in a language it does not
 * read or built from JavaScript, a glob that matches nothing — is an LB007 finding, never a pass.
 */
export function discover(o: DiscoverOptions): Discovery {
  const skip = o.skip ?? [];
  const glob = (f: string, g: string) => minimatch(f, g.replace(/^\.\//, ''), { dot: true });
  const skipped = (f: string) => skip.find((s) => glob(f, s.glob));
  // a skip glob ending in /** prunes its folder from the walk (so it also keeps it out of the file limit)
  const pruned = (dirRel: string) =>
    skip.some((s) => s.glob.endsWith('/**') && glob(dirRel, s.glob.slice(0, -3)));
  const listing = listFiles(o.workspace, o.maxFiles, pruned, o.readDir);
  const notes: string[] = [];
  const findings: Finding[] = [];
  const unread = (file: string, message: string, line?: number) =>
    findings.push(
      finding('LB007', 'error', file, message, { file, ...(line !== undefined ? { line } : {}) }),
    );
  for (const u of listing.unreadable) {
    unread(u.dir, `cannot list the folder ${u.dir} (${u.reason}): the files in it were not checked.`);
  }
  if (listing.truncated) {
    findings.push(
      finding(
        'LB007',
        'error',
        'workspace',
        `the workspace has more than ${(o.maxFiles ?? MAX_FILES).toLocaleString('en-US')} files: the listing stopped there and the files after it were not checked.`,
        {},
        'Narrow `paths` to the folders that hold infrastructure code, or `skip` large folders with a glob ending in `/**` and a reason (for example `assets/**: images, no infrastructure code`).',
      ),
    );
  }
  const all = listing.files.filter((f) => !skipped(f));
  const allSet = new Set(all);
  const skippedCount = new Map<SkipRule, number>();
  for (const f of listing.files) {
    const s = skipped(f);
    if (s) skippedCount.set(s, (skippedCount.get(s) ?? 0) + 1);
  }
  for (const s of skip) {
    const n = skippedCount.get(s) ?? 0;
    notes.push(`skip ${s.glob}: ${n > 0 ? `${n} file(s) not read` : 'folder not read'} (${s.reason})`);
  }

  const include = o.paths.filter((p) => !p.startsWith('!'));
  const exclude = o.paths.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const excluded = (f: string) => exclude.some((g) => glob(f, g));
  const matchedBy = new Map<string, number>(include.map((g) => [g, 0]));
  const selected: string[] = [];
  for (const f of all) {
    let hit = false;
    for (const g of include) {
      if (glob(f, g)) {
        matchedBy.set(g, matchedBy.get(g)! + 1);
        hit = true;
      }
    }
    if (hit && !excluded(f)) selected.push(f);
  }
  const usesDefaults =
    include.length === DEFAULT_PATHS.length && include.every((g, i) => g === DEFAULT_PATHS[i]);
  if (!usesDefaults) {
    for (const [g, n] of matchedBy) {
      if (n === 0) {
        findings.push(
          finding(
            'LB007',
            'error',
            `paths: ${g}`,
            `the glob \`${g}\` in paths matches no file in the workspace: what it was meant to check was not checked.`,
            {},
            'Correct the glob (it is matched against paths relative to the workspace, with "/" separators), remove it from `paths`, or set `unsupported: warn`.',
          ),
        );
      }
    }
  }

  const found = new Map<string, InputKind>();
  const add = (file: string, kind: InputKind) => {
    if (!excluded(file) && !found.has(file)) found.set(file, kind);
  };
  let testFiles = 0;
  for (const file of selected) {
    const name = basename(file);
    if (/^Pulumi\.ya?ml$/.test(name)) {
      expandPulumiProject(o.workspace, file, all, allSet, add, unread, () => testFiles++);
    } else if (/^Pulumi\..+\.ya?ml$/.test(name)) {
      continue; // a stack's configuration, not a program
    } else if (TS_EXT.test(name) && !/\.d\.[cm]?ts$/.test(name)) {
      if (isTestFile(file)) testFiles++;
      else add(file, 'typescript');
    } else if (/\.ya?ml$/.test(name)) add(file, 'pulumi-yaml');
    else if (/\.toml$/.test(name)) add(file, 'fly-toml');
    else if (JS_EXT.test(name)) {
      unread(
        file,
        `${file} is JavaScript: the guard reads TypeScript, Pulumi YAML and fly.toml, so its resources were not checked.`,
      );
    } else notes.push(`${file}: not a TypeScript, YAML or TOML file; skipped`);
  }
  if (testFiles > 0)
    notes.push(
      `${testFiles} test file(s) (*.test.ts, *.spec.ts, test/, __tests__/) are not the program: not read`,
    );
  return {
    files: [...found].map(([file, kind]) => ({ file, kind })).sort((a, b) => (a.file < b.file ? -1 : 1)),
    notes,
    findings,
    listed: allSet,
  };
}

/** A Pulumi.yaml: its program's files, or an LB007 finding when the guard cannot read that program. */
function expandPulumiProject(
  workspace: string,
  file: string,
  all: readonly string[],
  allSet: ReadonlySet<string>,
  add: (file: string, kind: InputKind) => void,
  unread: (file: string, message: string, line?: number) => void,
  countTest: () => void,
): void {
  const dir = dirname(file) === '.' ? '' : `${dirname(file)}/`;
  const read = readText(join(workspace, file));
  if (!read.ok) {
    unread(file, `cannot read ${file} (${read.reason}): its program was not checked.`);
    return;
  }
  let project;
  try {
    project = readPulumiProject(read.text);
  } catch (err) {
    unread(
      file,
      `cannot read the Pulumi project ${file} (${errorMessage(err)}): its program was not checked.`,
    );
    return;
  }
  let programDir = dir;
  let mainFile: string | undefined;
  if (project.main) {
    const main = posix.normalize(`${dir}${project.main}`);
    const abs = join(workspace, main);
    if (existsSync(abs) && statSync(abs).isDirectory()) programDir = `${main.replace(/\/$/, '')}/`;
    else {
      programDir = `${posix.dirname(main)}/`;
      mainFile = main;
    }
    if (programDir === './') programDir = '';
  }
  if (project.runtime === 'yaml') {
    add(file, 'pulumi-yaml');
    for (const main of ['Main.yaml', 'Main.yml']) {
      if (allSet.has(`${programDir}${main}`)) add(`${programDir}${main}`, 'pulumi-yaml');
    }
    return;
  }
  if (project.runtime !== 'nodejs') {
    unread(
      file,
      `${file}: the Pulumi runtime "${project.runtime || '(none)'}" is not read by this guard (it reads TypeScript and YAML programs): the stateful resources of this program were not checked. A \`pulumi preview --json\` of it given as \`preview\` is still read.`,
    );
    return;
  }
  if (mainFile && JS_EXT.test(mainFile)) {
    unread(
      file,
      `${file}: main points at built JavaScript (${project.main}): the guard reads the TypeScript sources, not what they compile to. Point \`paths\` at the sources (for example \`${programDir || ''}src/**/*.ts\`) and \`skip\` this Pulumi.yaml with that reason.`,
    );
    return;
  }
  const inDir = all.filter((f) => f.startsWith(programDir));
  const program = inDir.filter((f) => TS_EXT.test(f) && !/\.d\.[cm]?ts$/.test(f));
  let added = 0;
  for (const f of program) {
    if (isTestFile(f)) countTest();
    else {
      add(f, 'typescript');
      added++;
    }
  }
  if (added === 0) {
    const js = inDir.some((f) => JS_EXT.test(f));
    unread(
      file,
      js
        ? `${file}: this nodejs project is written in JavaScript: the guard reads TypeScript programs, so its resources were not checked.`
        : `${file}: no TypeScript program found for this nodejs project in ${programDir || 'its folder'}: nothing of it was checked.`,
    );
  }
}
