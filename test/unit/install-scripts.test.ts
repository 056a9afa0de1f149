import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const read = (file: string) => JSON.parse(readFileSync(`${root}/${file}`, 'utf8')) as unknown;

interface Lock {
  packages: Record<string, { hasInstallScript?: boolean; version?: string }>;
}
interface Manifest {
  allowScripts?: Record<string, boolean>;
}

/** The package name of a lockfile key (`node_modules/a/node_modules/@s/b` -> `@s/b`). */
const nameOf = (key: string) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe("npm ci's install scripts", () => {
  // npm 11 warns about every install script that package.json's allowScripts does not cover
  // ("not yet covered by allowScripts"), and npm 12 skips it: each one is decided here, so that a
  // newcomer's `npm ci` prints no such warning and npm 11 and 12 install the same tree.
  const lock = read('package-lock.json') as Lock;
  const allow = (read('package.json') as Manifest).allowScripts ?? {};
  const withScripts = Object.entries(lock.packages)
    .filter(([key, p]) => key !== '' && p.hasInstallScript === true)
    .map(([key, p]) => ({ name: nameOf(key), version: p.version ?? '' }));

  it('every dependency with an install script has an allowScripts entry', () => {
    const covered = (d: { name: string; version: string }) =>
      d.name in allow || `${d.name}@${d.version}` in allow;
    expect(withScripts.filter((d) => !covered(d)).map((d) => `${d.name}@${d.version}`)).toEqual([]);
  });

  it('no entry names a package that no longer has one (npm install-scripts prune)', () => {
    const names = new Set(withScripts.map((d) => d.name));
    expect(Object.keys(allow).filter((k) => !names.has(k.replace(/(?<=.)@.*$/, '')))).toEqual([]);
  });

  it('only the node package runs its script: it downloads the Node.js 24 the npm scripts run under', () => {
    // esbuild's postinstall only re-fetches its binary when optional dependencies were left out
    // (the lockfile installs @esbuild/<platform>) and swaps its bin shim for the binary: tsx and
    // vitest call its JS API, which finds the platform package without it.
    expect(allow).toEqual({ node: true, esbuild: false });
    expect(Object.keys(lock.packages)).toContain(`node_modules/@esbuild/linux-x64`);
  });
});
