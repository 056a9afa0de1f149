import { describe, expect, it } from 'vitest';
import { MemberSelection } from '../../src/restore/member-selection.js';
import { ConfigurationError } from '../../src/util/errors.js';
import { checkGlob, globMatch, MAX_GLOB_ALTERNATIVES } from '../../src/util/glob.js';

/** Globs a person gives: braces that expand too far are refused when read; each glob is compiled once (util/glob.ts). */

describe('globs with {a,b} braces', () => {
  it(`more than ${MAX_GLOB_ALTERNATIVES} alternatives is one ConfigurationError naming the option; up to it is accepted`, () => {
    expect(checkGlob('include', '{a,b}'.repeat(8))).toBe('{a,b}'.repeat(8));
    expect(() => checkGlob('include', '{a,b}'.repeat(9))).toThrow(ConfigurationError);
    expect(() => checkGlob('include', '{a,b}'.repeat(40))).toThrow(/expands to more than 256 patterns/);
    expect(() => checkGlob('include', '{1..100000}.txt')).toThrow(/include/);
    expect(checkGlob('include', 'uploads/**/*.{png,jpg}')).toBe('uploads/**/*.{png,jpg}');
    expect(globMatch('uploads/2024/a.png', 'uploads/**/*.{png,jpg}', { dot: true })).toBe(true);
    expect(globMatch('uploads/2024/a.gif', 'uploads/**/*.{png,jpg}', { dot: true })).toBe(false);
  });

  it('a selection with a brace bomb is refused when it is made, in well under a second, not matched for seconds a member', () => {
    const started = process.cpuUsage();
    expect(() => new MemberSelection(['{a,b}'.repeat(20)], []).includesOf('uploads/a.png')).toThrow(
      /include' "\{a,b\}.*" expands to more than 256 patterns/,
    );
    expect(() => new MemberSelection([], ['{1..100000}'])).toThrow(ConfigurationError);
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1e6).toBeLessThan(2);
    // an ordinary selection is unchanged
    const s = new MemberSelection(['uploads/**/*.{png,jpg}'], ['**/*.tmp']);
    expect(s.selects('uploads/2024/a.png')).toBe(true);
    expect(s.selects('uploads/2024/a.tmp')).toBe(false);
    expect(s.selects('db.sqlite3')).toBe(false);
  });
});
