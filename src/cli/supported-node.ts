/**
 * The Node.js versions the CLI runs on. zstd, lifeboat's default compression, comes from Node's own
 * zlib, which has it from 23.8 and, backported, from 22.15; Node 20 has none (there a backup failed
 * with SIGPIPE and verify recorded a good snapshot as not verified). Node 23 reached its end of life
 * in June 2025 and is not supported. Kept equal to package.json `engines.node` by a test.
 */
export const SUPPORTED_NODE = '^22.15.0 || >=24.0.0';

/** The exit code of a refusal: a configuration error (EXIT.usage in commands.ts; a test keeps them equal). */
export const UNSUPPORTED_NODE_EXIT = 2;

/** Whether a Node.js version (`process.versions.node`, e.g. "22.15.0") is one SUPPORTED_NODE admits. */
export function isSupportedNode(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major >= 24 || (major === 22 && minor >= 15);
}

/**
 * The one line a person sees when the CLI is started by an unsupported Node: the version found and
 * where, the version needed, and how to get it. Undefined when the version is supported.
 */
export function unsupportedNodeMessage(version: string, execPath: string): string | undefined {
  if (isSupportedNode(version)) return undefined;
  return (
    `Node.js ${version} (${execPath}) cannot run lifeboat: it needs Node.js 24, or 22.15 or later ` +
    `on the 22 line (zstd in zlib). Install Node.js 24 (https://nodejs.org/en/download, or: ` +
    `nvm install 24) and run lifeboat with that node; in a clone where npm ci ran, ` +
    `node_modules/.bin/node is Node.js 24.`
  );
}
