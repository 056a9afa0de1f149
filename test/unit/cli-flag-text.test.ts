import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { readFlags } from '../../src/cli/flags.js';
import { remoteRestoreSource, storageCliFlags } from '../../src/options/remote-source.js';
import { readStorage } from '../../src/options/storage-options.js';
import type { SshSourceOptions } from '../../src/sources/ssh-source.js';
import type { S3Location } from '../../src/storage/s3-client.js';

/** The words a shell makes of the printed text (the values hold no spaces; "" is an empty word). */
const words = (text: string) => text.split(' ').map((w) => (w === '""' ? '' : w));

/** Reads printed flags back with the CLI's own parser, as `lifeboat restore` would. */
const asRestoreFlags = (text: string) => readFlags(words(text), COMMANDS.restore!.flags, {}).reader;

const ssh: SshSourceOptions = {
  host: '2001:db8::1',
  port: 2222,
  user: 'backup',
  privateKey: 'unused',
  knownHosts: 'unused',
  sudo: true,
};

describe('the CLI flags verify-restore prints for the swap (src/options/remote-source.ts)', () => {
  it('storage flags read back as the same location and prefix', () => {
    const locations: [S3Location, string][] = [
      [{ bucket: 'lb-bucket', endpoint: '', region: 'us-east-1', forcePathStyle: false }, 'lifeboat'],
      [{ bucket: 'lb-bucket', endpoint: 'http://127.0.0.1:7480', region: 'auto', forcePathStyle: true }, ''],
    ];
    for (const [location, prefix] of locations) {
      const text = storageCliFlags(location, prefix);
      expect(readStorage(asRestoreFlags(text)), text).toEqual({ location, prefix });
    }
    expect(storageCliFlags(locations[0]![0], '')).toBe('--bucket lb-bucket --prefix ""');
  });

  it('the machine flags read back as the same SSH host, port, user and sudo, or the same Fly app', () => {
    const sshFlags = remoteRestoreSource({ ssh, path: '/data' }).cliFlags;
    expect(sshFlags).toBe(
      '--host 2001:db8::1 --port 2222 --user backup --ssh-key-file <key> --known-hosts-file <known_hosts> --sudo',
    );
    const r = asRestoreFlags(sshFlags);
    expect([r.text('host'), r.text('port'), r.text('user'), r.flag('sudo')]).toEqual([
      '2001:db8::1',
      '2222',
      'backup',
      true,
    ]);
    expect(
      asRestoreFlags(remoteRestoreSource({ ssh: { ...ssh, sudo: false }, path: '/data' }).cliFlags).flag(
        'sudo',
      ),
    ).toBe(false);
    const fly = remoteRestoreSource({ fly: { app: 'my-app', flyctl: 'flyctl' }, path: '/data' }).cliFlags;
    expect(asRestoreFlags(fly).text('app')).toBe('my-app');
  });
});

describe("a restore's selection is never read from the environment", () => {
  it('LIFEBOAT_EXCLUDE and LIFEBOAT_INCLUDE (the backup’s settings in a cron environment) do not filter a restore', () => {
    const env = { LIFEBOAT_EXCLUDE: 'uploads/**', LIFEBOAT_INCLUDE: 'db/**', LIFEBOAT_TARGET: 'app' };
    const restore = readFlags([], COMMANDS.restore!.flags, env).reader;
    expect(restore.lines('exclude')).toEqual([]);
    expect(restore.lines('include')).toEqual([]);
    // other flags still come from the environment, and the backup's exclude does too
    expect(restore.text('target')).toBe('app');
    expect(readFlags([], COMMANDS.backup!.flags, env).reader.lines('exclude')).toEqual(['uploads/**']);
    // given on the command line, they select
    expect(readFlags(['--exclude', 'a/**'], COMMANDS.restore!.flags, env).reader.lines('exclude')).toEqual([
      'a/**',
    ]);
  });
});
