import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openUnnamedFile } from '../../src/util/unnamed-file.js';

describe('openUnnamedFile', () => {
  const dirs: string[] = [];
  const folder = () => {
    const d = mkdtempSync(join(tmpdir(), 'lb-unnamed-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('holds the text in a 0600 file no folder names, readable any number of times until closed', () => {
    const dir = folder();
    const text = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n'.repeat(2000);
    const file = openUnnamedFile(text, [join(dir, 'missing'), dir])!;
    expect(file.path).toMatch(new RegExp(`^/proc/${process.pid}/fd/\\d+$`));
    expect(readdirSync(dir)).toEqual([]);
    expect(readFileSync(file.path, 'utf8')).toBe(text);
    expect(readFileSync(file.path, 'utf8')).toBe(text);
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    file.close();
    file.close(); // safe twice
  });

  it('a folder where it cannot be made (not a folder, missing) is passed over; when none works, the error is thrown', () => {
    const dir = folder();
    const notAFolder = join(dir, 'file');
    writeFileSync(notAFolder, '');
    const file = openUnnamedFile('secret\n', [notAFolder, dir])!;
    expect(readFileSync(file.path, 'utf8')).toBe('secret\n');
    file.close();
    expect(() => openUnnamedFile('secret\n', [notAFolder, join(dir, 'missing')])).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual(['file']);
  });
});
