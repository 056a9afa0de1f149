import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getInputs as sshBackupInputs } from '../../src/actions/ssh-volume-backup/inputs.js';
import { getInputs as verifyRestoreInputs } from '../../src/actions/verify-restore/inputs.js';
import { backupSource } from '../../src/cli/backup-source.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { readFlags } from '../../src/cli/flags.js';
import { readBackup } from '../../src/options/backup-options.js';
import { hostTarget } from '../../src/options/ssh-options.js';
import { ConfigurationError } from '../../src/util/errors.js';
import { actionDefaults } from '../helpers/run-action.js';
import { UNUSABLE_OPENSSH_KEY } from '../helpers/openssh-key.js';

const KNOWN_HOSTS = '2001:db8::1 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDummy';
const dir = mkdtempSync(join(tmpdir(), 'lb-ssh-options-'));
const knownHostsFile = join(dir, 'known_hosts');
writeFileSync(knownHostsFile, KNOWN_HOSTS);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `read` with the action's inputs set as the runner sets them (action.yml defaults first). */
function withInputs<T>(action: string, inputs: Record<string, string>, read: () => T): T {
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
  for (const [k, v] of Object.entries({ ...actionDefaults(action), ...inputs }))
    process.env[`INPUT_${k.toUpperCase()}`] = v;
  try {
    return read();
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

const actionBackup = (inputs: Record<string, string>) =>
  withInputs(
    'ssh-volume-backup',
    {
      user: 'backup',
      'ssh-key': UNUSABLE_OPENSSH_KEY,
      'known-hosts': KNOWN_HOSTS,
      bucket: 'lb-bucket',
      ...inputs,
    },
    sshBackupInputs,
  );

function cliBackup(argv: string[]) {
  const env = { LIFEBOAT_SSH_KEY: UNUSABLE_OPENSSH_KEY };
  const { reader } = readFlags(
    ['--bucket', 'lb-bucket', '--known-hosts-file', knownHostsFile, ...argv],
    COMMANDS.backup!.flags,
    env,
  );
  const source = backupSource(reader, env);
  return { ...source, ...readBackup(reader, source.defaultTarget) };
}

const errorOf = (read: () => unknown): string => {
  try {
    read();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigurationError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigurationError');
};

describe('one reader of the SSH settings (src/options/ssh-options.ts)', () => {
  for (const host of ['2001:db8::1', '[2001:db8::1]']) {
    it(`an IPv6 host ${host} gives a valid default target through the action and through the CLI`, () => {
      const action = actionBackup({ host });
      expect(action.ssh.host).toBe('2001:db8::1');
      expect(action.backup.target).toBe('2001-db8--1');

      const cli = cliBackup(['--host', host, '--user', 'backup']);
      expect(cli.source.description).toEqual({ kind: 'ssh', host: '2001:db8::1' });
      expect(cli.machine).toBe('2001:db8::1');
      expect(cli.backup.target).toBe('2001-db8--1');
    });
  }

  it('the default target is the host name made into a folder name, the same rule everywhere', () => {
    expect(hostTarget('vps-1.example.com')).toBe('vps-1.example.com');
    expect(hostTarget('203.0.113.5')).toBe('203.0.113.5');
    expect(hostTarget('::1')).toBe('1');
    expect(actionBackup({ host: 'vps.example.com' }).backup.target).toBe('vps.example.com');
    expect(cliBackup(['--host', 'vps.example.com', '--user', 'u']).backup.target).toBe('vps.example.com');
    expect(cliBackup(['--host', 'vps.example.com', '--user', 'u', '--target', 'db']).backup.target).toBe(
      'db',
    );
  });

  it('verify-restore reads restore-to-host with the same rules', () => {
    const inputs = withInputs(
      'verify-restore',
      {
        bucket: 'lb-bucket',
        target: 'vps',
        'restore-to-host': '[2001:db8::1]',
        port: '2222',
        user: 'backup',
        'ssh-key': UNUSABLE_OPENSSH_KEY,
        'known-hosts': KNOWN_HOSTS,
      },
      verifyRestoreInputs,
    );
    expect(inputs.restoreTo).toMatchObject({ ssh: { host: '2001:db8::1', port: 2222, user: 'backup' } });
  });

  it('only a bracketed IPv6 address loses its brackets; a name, a port or a user@ in the host is refused naming the input', () => {
    for (const host of ['[vps.example.com]', '[2001:db8::1]:22', 'backup@vps.example.com', '[::1']) {
      expect(
        errorOf(() => actionBackup({ host })),
        host,
      ).toMatch(/^Input 'host' is /);
      expect(
        errorOf(() => cliBackup(['--host', host, '--user', 'u'])),
        host,
      ).toMatch(/^Input 'host' is /);
    }
    const verify = errorOf(() =>
      withInputs(
        'verify-restore',
        { bucket: 'lb-bucket', target: 'vps', 'restore-to-host': '[x]' },
        verifyRestoreInputs,
      ),
    );
    expect(verify).toMatch(/^Input 'restore-to-host' is /);
  });

  it('a missing user gets one message wherever the host is named', () => {
    const message = "Input 'user' is required: the login name on the server (for example ubuntu).";
    expect(errorOf(() => actionBackup({ host: 'vps.example.com', user: '' }))).toBe(message);
    expect(errorOf(() => cliBackup(['--host', 'vps.example.com']))).toBe(message);
    expect(
      errorOf(() =>
        withInputs(
          'verify-restore',
          { bucket: 'lb-bucket', target: 'vps', 'restore-to-host': 'vps.example.com' },
          verifyRestoreInputs,
        ),
      ),
    ).toBe(message);
  });

  it('the key and known_hosts are named as the person gave them: inputs in the action, files in the CLI', () => {
    expect(errorOf(() => actionBackup({ host: 'h', 'ssh-key': 'not a key' }))).toMatch(/^Input 'ssh-key' /);
    expect(errorOf(() => actionBackup({ host: 'h', 'known-hosts': '' }))).toMatch(
      /^Input 'known-hosts' is empty/,
    );
    const noKey = () => {
      const { reader } = readFlags(
        ['--host', 'h', '--user', 'u', '--bucket', 'lb-bucket'],
        COMMANDS.backup!.flags,
        {},
      );
      return backupSource(reader, {});
    };
    expect(errorOf(noKey)).toMatch(/^Input 'ssh-key-file' is empty/);
    expect(
      errorOf(() => cliBackup(['--host', 'h', '--user', 'u', '--known-hosts-file', join(dir, 'none')])),
    ).toMatch(/^--known-hosts-file .*none cannot be read/);
  });
});
