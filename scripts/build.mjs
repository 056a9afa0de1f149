// Bundles every action (src/actions/<name>/index.ts) into dist/<name>/index.js with ncc.
// Usage: node scripts/build.mjs [name ...]   (no names: all actions)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const all = readdirSync(join(root, 'src/actions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'src/actions', d.name, 'index.ts')))
  .map((d) => d.name)
  .sort();
// the CLI (src/cli.ts) is bundled like an action, as dist/cli/index.js
all.push('cli');
const names = process.argv.slice(2).length ? process.argv.slice(2) : all;
for (const name of names) {
  if (!all.includes(name)) {
    console.error(`no action named ${name} (have: ${all.join(', ')})`);
    process.exit(2);
  }
  const out = join(root, 'dist', name);
  rmSync(out, { recursive: true, force: true });
  // ncc's TypeScript loader looks for tsconfig.json from the entry upward: a temporary one beside
  // the entry limits the type check to what this bundle imports
  const entry = name === 'cli' ? 'src/cli.ts' : `src/actions/${name}/index.ts`;
  const localConfig = join(root, name === 'cli' ? 'src' : `src/actions/${name}`, 'tsconfig.json');
  const up = name === 'cli' ? '../tsconfig.json' : '../../../tsconfig.json';
  writeFileSync(localConfig, JSON.stringify({ extends: up, include: [], files: [entry.split('/').pop()] }));
  try {
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
        'build',
        entry,
        '-o',
        `dist/${name}`,
        '--license',
        'licenses.txt',
        '-q',
      ],
      { cwd: root, stdio: 'inherit' },
    );
  } finally {
    rmSync(localConfig, { force: true });
  }
  console.log(`built dist/${name}/index.js`);
}
