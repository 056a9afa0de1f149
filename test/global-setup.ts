import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { NODE24, assertNode24 } from './helpers/node24.js';

export interface S3TestServer {
  endpoint: string;
  /** The same store over TLS (self-signed certificate), and the CA file its clients trust. */
  tlsEndpoint: string;
  caFile: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** For scripts/s3-server.sh add-user. */
  dir: string;
  monPort: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    s3: S3TestServer;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

const root = new URL('..', import.meta.url).pathname;

/** Starts one Ceph RGW for the whole run, on free ports, so that parallel runs never collide. */
export default async function setup(project: TestProject) {
  assertNode24(NODE24);
  const monPort = await freePort();
  const rgwPort = await freePort();
  const sslPort = await freePort();
  const dir = `/tmp/lifeboat-s3-test-${process.pid}`;
  const env = {
    ...process.env,
    CEPH_S3_DIR: dir,
    CEPH_MON_PORT: String(monPort),
    CEPH_RGW_PORT: String(rgwPort),
    CEPH_RGW_SSL_PORT: String(sslPort),
    S3_ACCESS_KEY: 'LIFEBOATTESTKEY',
    S3_SECRET_KEY: 'LifeboatTestSecret0123456789',
  };
  const script = join(root, 'scripts/s3-server.sh');
  execFileSync('bash', [script, 'start'], { env, stdio: 'inherit' });
  const server: S3TestServer = {
    endpoint: `http://127.0.0.1:${rgwPort}`,
    tlsEndpoint: `https://127.0.0.1:${sslPort}`,
    caFile: join(dir, 'tls/cert.pem'),
    accessKeyId: env.S3_ACCESS_KEY,
    secretAccessKey: env.S3_SECRET_KEY,
    region: 'us-east-1',
    dir,
    monPort,
  };
  project.provide('s3', server);
  return () => {
    execFileSync('bash', [script, 'stop'], { env, stdio: 'inherit' });
  };
}
