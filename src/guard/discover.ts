import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, posix, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { readPulumiProject } from './pulumi-yaml.js';

export type InputKind = 'typescript' | 'pulumi-yaml' | 'fly-toml';

export interface DiscoveredFile {
  kind: InputKind;
  /** Relative to the workspace, with "/" separators. */
  file: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.sst', '.pulumi', '.terraform']);
const TS_EXT = /\.(ts|tsx|mts|cts)$/;
const MAX_FILES = 100_000;

function toPosix(p: string): string {
  return p.split(sep).join(posix.sep);
}

/** Every file below dir (relative, posix), skipping node_modules, .git and tool caches. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= MAX_FILES) return;
      const child = join(abs, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(child);
      } else if (e.isFile()) out.push(toPosix(relative(dir, child)));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The files to check: the `paths` globs (a leading "!" excludes) matched against the workspace,
 * then expanded: a Pulumi.yaml brings its program (every TypeScript file of a nodejs project,
 * outside node_modules and *.d.ts; Main.yaml of a yaml project, or the Pulumi.yaml itself).
 */
export function discover(
  workspace: string,
  patterns: readonly string[],
): { files: DiscoveredFile[]; notes: string[] } {
  const all = listFiles(workspace);
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const matches = (f: string, globs: string[]) =>
    globs.some((g) => minimatch(f, g.replace(/^\.\//, ''), { dot: true }));
  const selected = all.filter((f) => matches(f, include) && !matches(f, exclude));
  const notes: string[] = [];
  const found = new Map<string, InputKind>();
  const add = (file: string, kind: InputKind) => {
    if (!matches(file, exclude) && !found.has(file)) found.set(file, kind);
  };
  for (const file of selected) {
    const name = basename(file);
    if (/^Pulumi\.ya?ml$/.test(name)) {
      const dir = dirname(file) === '.' ? '' : `${dirname(file)}/`;
      let project;
      try {
        project = readPulumiProject(readFileSync(join(workspace, file), 'utf8'));
      } catch (err) {
        notes.push(`${file}: cannot read the Pulumi project (${(err as Error).message})`);
        continue;
      }
      let programDir = dir;
      if (project.main) {
        const main = posix.normalize(`${dir}${project.main}`);
        const abs = join(workspace, main);
        programDir =
          existsSync(abs) && statSync(abs).isDirectory()
            ? `${main.replace(/\/$/, '')}/`
            : `${posix.dirname(main)}/`;
        if (programDir === './') programDir = '';
      }
      if (project.runtime === 'yaml') {
        add(file, 'pulumi-yaml');
        for (const main of ['Main.yaml', 'Main.yml']) {
          if (all.includes(`${programDir}${main}`)) add(`${programDir}${main}`, 'pulumi-yaml');
        }
      } else if (project.runtime === 'nodejs') {
        const program = all.filter((f) => f.startsWith(programDir) && TS_EXT.test(f) && !f.endsWith('.d.ts'));
        if (program.length === 0)
          notes.push(
            `${file}: no TypeScript files found for this nodejs project (JavaScript programs are not read)`,
          );
        for (const f of program) add(f, 'typescript');
      } else {
        notes.push(
          `${file}: runtime "${project.runtime}" is not read by this guard (TypeScript and YAML programs are)`,
        );
      }
    } else if (/^Pulumi\..+\.ya?ml$/.test(name)) {
      continue; // a stack's configuration, not a program
    } else if (TS_EXT.test(name) && !name.endsWith('.d.ts')) add(file, 'typescript');
    else if (/\.ya?ml$/.test(name)) add(file, 'pulumi-yaml');
    else if (/\.toml$/.test(name)) add(file, 'fly-toml');
    else notes.push(`${file}: not a TypeScript, YAML or TOML file; skipped`);
  }
  return {
    files: [...found].map(([file, kind]) => ({ file, kind })).sort((a, b) => (a.file < b.file ? -1 : 1)),
    notes,
  };
}
