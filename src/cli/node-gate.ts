/**
 * Imported first by the CLI entry (src/cli.ts), so that it runs before any other module of the
 * bundle is evaluated: on an unsupported Node.js it prints one line and exits with a configuration
 * error, before anything is read or written.
 */
import { UNSUPPORTED_NODE_EXIT, unsupportedNodeMessage } from './supported-node.js';

const refusal = unsupportedNodeMessage(process.versions.node, process.execPath);
if (refusal) {
  process.stderr.write(`lifeboat: ${refusal}\n`);
  process.exit(UNSUPPORTED_NODE_EXIT);
}
