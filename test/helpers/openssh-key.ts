/**
 * A private key in the OpenSSH format that lifeboat's checks accept (magic, cipher "none") and
 * that no ssh could use: for tests that read inputs without connecting anywhere.
 */
export const UNUSABLE_OPENSSH_KEY = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'latin1'),
    Buffer.from([0, 0, 0, 4]),
    Buffer.from('none'),
  ]).toString('base64'),
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');
