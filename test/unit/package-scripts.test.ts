import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// was: `npm run demo` left /tmp/tsx-0 behind (the tsx CLI makes it for its IPC socket, and its
// transform cache goes there too; newcomer, 2026-12-03). The scripts load tsx into node instead.
describe('package.json scripts', () => {
  it('run TypeScript through node --import tsx with its cache off, never the tsx CLI', () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const ts = Object.entries(scripts).filter(([, s]) => /\.ts\b/.test(s) && !s.includes('vitest'));
    expect(ts.map(([name]) => name).sort()).toEqual(['bench', 'demo', 'docs', 'faults:table']);
    for (const [name, script] of ts) {
      expect(script, name).toMatch(/TSX_DISABLE_CACHE=1 node --import tsx \S+\.ts$/);
      expect(script, name).not.toMatch(/(^|&& )tsx /);
    }
  });
});
