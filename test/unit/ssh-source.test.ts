import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigurationError, OperationFailedError } from '../../src/util/errors.js';
import {
  SSH_CONFIGURATION_FAILURES,
  SshSource,
  explainSshFailure,
  normalizeKnownHosts,
  normalizePrivateKey,
  parseSshVersion,
  validateSshHost,
  validateSshPort,
  validateSshUser,
} from '../../src/sources/ssh-source.js';
import { UNUSABLE_OPENSSH_KEY } from '../helpers/openssh-key.js';

const KEY = UNUSABLE_OPENSSH_KEY;
const ENCRYPTED = KEY.replace(
  /\n.*\n/,
  `\n${Buffer.concat([Buffer.from('openssh-key-v1\0', 'latin1'), Buffer.from([0, 0, 0, 10]), Buffer.from('aes256-ctr')]).toString('base64')}\n`,
);

function source(extra: Partial<ConstructorParameters<typeof SshSource>[0]> = {}) {
  return new SshSource({
    host: 'vps.example.com',
    port: 2222,
    user: 'backup',
    privateKey: KEY,
    knownHosts: '[vps.example.com]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI',
    sudo: false,
    ...extra,
  });
}

describe('ssh source', () => {
  it('pins the host key and trusts nothing else', () => {
    const args = source().sshArgs({ key: '/t/key', knownHosts: '/t/known_hosts' });
    const opts = args.filter((_, i) => args[i - 1] === '-o');
    expect(opts).toContain('StrictHostKeyChecking=yes');
    expect(opts).toContain('UserKnownHostsFile=/t/known_hosts');
    expect(opts).toContain('GlobalKnownHostsFile=/dev/null');
    expect(opts).toContain('IdentitiesOnly=yes');
    expect(opts).toContain('BatchMode=yes');
    expect(opts).toContain('IdentityFile=/t/key');
    expect(opts.some((o) => /StrictHostKeyChecking=(no|accept-new|ask)/.test(o))).toBe(false);
    expect(args.slice(-4)).toEqual(['-p', '2222', '--', 'backup@vps.example.com']);
  });

  it('sends sh -c, or sudo -n sh -c', () => {
    expect(source().remoteCommand('echo hi')).toBe("sh -c 'echo hi'");
    expect(source({ sudo: true }).remoteCommand('echo hi')).toBe("sudo -n sh -c 'echo hi'");
    expect(() => source().remoteCommand("echo 'x'")).toThrow(/single quote/);
  });

  it('validates host, port and user', () => {
    expect(validateSshHost('host', '203.0.113.5')).toBe('203.0.113.5');
    expect(validateSshHost('host', '2001:db8::1')).toBe('2001:db8::1');
    expect(validateSshHost('host', 'vps-1.example.com')).toBe('vps-1.example.com');
    for (const bad of ['-oProxyCommand=x', 'a@b', 'a b', '[::1]', 'host:22', '', 'a;b']) {
      expect(() => validateSshHost('host', bad), bad).toThrow(ConfigurationError);
    }
    expect(validateSshPort('port', '22')).toBe(22);
    for (const bad of ['0', '65536', '22x', '-1', ''])
      expect(() => validateSshPort('port', bad)).toThrow(ConfigurationError);
    expect(validateSshUser('user', 'ubuntu')).toBe('ubuntu');
    for (const bad of ['-l', 'a b', 'root@x', 'x'.repeat(33)])
      expect(() => validateSshUser('user', bad)).toThrow(ConfigurationError);
  });

  it('accepts a private key without passphrase and refuses the rest without showing it', () => {
    expect(normalizePrivateKey('ssh-key', `${KEY.replace(/\n/g, '\r\n')}\r\n`)).toBe(`${KEY}\n`);
    expect(() => normalizePrivateKey('ssh-key', ENCRYPTED)).toThrow(/passphrase/);
    expect(() =>
      normalizePrivateKey(
        'ssh-key',
        '-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----',
      ),
    ).toThrow(/passphrase/);
    expect(() => normalizePrivateKey('ssh-key', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI me@x')).toThrow(
      /public key/,
    );
    try {
      normalizePrivateKey('ssh-key', 'SECRETSECRET');
    } catch (err) {
      expect((err as Error).message).not.toContain('SECRETSECRET');
    }
  });

  it('parses known_hosts minimally and refuses an empty one with the ssh-keyscan hint', () => {
    expect(
      normalizeKnownHosts(
        'known-hosts',
        '# c\n\nh ssh-ed25519 AAAA\r\n@cert-authority *.ex ssh-rsa AAAB==\n',
        'h',
        22,
      ),
    ).toBe('h ssh-ed25519 AAAA\n@cert-authority *.ex ssh-rsa AAAB==\n');
    expect(() => normalizeKnownHosts('known-hosts', '  ', 'h', 2222)).toThrow(/ssh-keyscan -p 2222 h/);
    expect(() => normalizeKnownHosts('known-hosts', 'h ssh-ed25519', 'h', 22)).toThrow(/line 1/);
    expect(() => normalizeKnownHosts('known-hosts', '@bogus h ssh-ed25519 AAAA', 'h', 22)).toThrow(/line 1/);
  });

  it('explains the ssh failures people meet: a kind to branch on, and a message for the person', () => {
    const o = { host: 'h', port: 22, user: 'u' };
    const kindOf = (stderr: string[]) => explainSshFailure(o, stderr)?.kind;
    expect(explainSshFailure(o, ['Host key verification failed.'])).toEqual({
      kind: 'changed-host-key',
      message: expect.stringMatching(/^Host key verification failed: the key/),
    });
    expect(
      explainSshFailure(o, [
        'No ED25519 host key is known for h and you have requested strict checking.',
        'Host key verification failed.',
      ]),
    ).toEqual({ kind: 'unknown-host-key', message: expect.stringMatching(/has no line for h:22/) });
    expect(
      explainSshFailure({ ...o, port: 2222 }, [
        'No ED25519 host key is known for [h]:2222 and you have requested strict checking.',
        'Host key verification failed.',
      ])?.message,
    ).toContain('the line must start with [h]:2222');
    expect(
      kindOf([
        '@@@@@@@@@@@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @@@@@@@@@@@',
        'No ED25519 host key is known for h',
        'Host key verification failed.',
      ]),
    ).toBe('changed-host-key');
    expect(explainSshFailure(o, ['u@h: Permission denied (publickey).'])).toEqual({
      kind: 'auth',
      message: expect.stringMatching(/refused the key in the 'ssh-key' input for user u/),
    });
    expect(kindOf(['Load key "/t/key": invalid format'])).toBe('key-format');
    expect(kindOf(['ssh: connect to host h port 22: Connection refused'])).toBe('refused');
    expect(kindOf(['ssh: connect to host h port 22: Connection timed out'])).toBe('timeout');
    expect(kindOf(['ssh: Could not resolve hostname h: Name or service not known'])).toBe('dns');
    expect(explainSshFailure(o, ['Connection to h closed by remote host.'])).toEqual({
      kind: 'lost',
      message: expect.stringContaining('was lost (Connection to h closed by remote host.)'),
    });
    expect(explainSshFailure(o, [])).toEqual({
      kind: 'lost',
      message: expect.stringContaining('was lost (ssh exited with status 255 without a message)'),
    });
    expect(explainSshFailure(o, ['something else entirely'])).toBeUndefined();
    // what a person fixes in the inputs or on the server, against what may pass on a second run
    expect([...SSH_CONFIGURATION_FAILURES].sort()).toEqual(
      ['auth', 'changed-host-key', 'dns', 'key-format', 'refused', 'unknown-host-key'].sort(),
    );
    expect(parseSshVersion('OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.19 27 Jan 2026')).toBe(
      'OpenSSH_9.2p1',
    );
  });

  describe('preflight: a failure the person fixes is a configuration error, the others are operation failures', () => {
    // an ssh client that reports a version and then fails the way $FAKE_SSH_STDERR says
    const dir = mkdtempSync(join(tmpdir(), 'lb-fake-ssh-'));
    const ssh = join(dir, 'ssh');
    writeFileSync(
      ssh,
      '#!/bin/sh\nif [ "$1" = -V ]; then echo "OpenSSH_9.2p1" >&2; exit 0; fi\necho "$FAKE_SSH_STDERR" >&2\nexit 255\n',
    );
    chmodSync(ssh, 0o755);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const preflight = (stderr: string) =>
      source({ ssh, tempRoot: dir, env: { ...process.env, FAKE_SSH_STDERR: stderr } }).preflight();

    it('Connection refused: ConfigurationError with the explanation alone', async () => {
      const err = await preflight('ssh: connect to host vps.example.com port 2222: Connection refused').catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ConfigurationError);
      expect((err as Error).message).toMatch(
        /^Connection refused by vps\.example\.com:2222: check the 'host' input/,
      );
    });

    it('a timeout: OperationFailedError naming the server, then the explanation', async () => {
      const err = await preflight(
        'ssh: connect to host vps.example.com port 2222: Connection timed out',
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OperationFailedError);
      expect((err as Error).message).toMatch(
        /^ssh could not connect to vps\.example\.com:2222: Connecting to vps\.example\.com:2222 timed out/,
      );
    });

    it('a message lifeboat does not know: OperationFailedError quoting ssh', async () => {
      const err = await preflight('kex_exchange_identification: banner line too long').catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(OperationFailedError);
      expect((err as Error).message).toContain('banner line too long');
    });
  });
});
