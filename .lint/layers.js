// The architecture of src/, as lint enforces it: a folder may import its own files and the
// folders of lower layers, never a higher layer or another folder of its own layer.
// README "Development" shows the same table.
import { dirname, relative, resolve, sep } from 'node:path';

export const LAYERS = [
  ['util'], // errors, formatting, logging, processes, shell quoting, input validation
  ['storage', 'crypto'], // the ObjectStore port and its S3 backing; age streams
  ['catalog'], // every document lifeboat keeps in the bucket, and the rules over them
  ['sources'], // where an archive comes from: flyctl, OpenSSH, local tar
  ['archive'], // the tar stream: script, framing, inspection, upload
  ['restore'], // safe extraction, holding directories, restores to a machine
  ['jobs', 'guard', 'lightsail', 'flysnap', 'report'], // what a command does, start to end
  ['options'], // typed options read the same way by every action and the CLI
  ['actions', 'cli'], // the edges: inputs and flags in, outputs and text out
];

const layerOf = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i])));

function folderOf(srcRoot, file) {
  const rel = relative(srcRoot, file);
  if (rel.startsWith('..')) return undefined;
  const parts = rel.split(sep);
  return parts.length === 1 ? '.' : parts[0];
}

export const layersPlugin = {
  rules: {
    layers: {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const srcRoot = resolve(context.cwd, 'src');
        const from = folderOf(srcRoot, context.filename);
        if (from === undefined) return {};
        const check = (node, spec) => {
          if (typeof spec !== 'string' || !spec.startsWith('.')) return;
          const to = folderOf(srcRoot, resolve(dirname(context.filename), spec));
          if (to === undefined || to === from || from === '.') return;
          const a = layerOf.get(from);
          const b = layerOf.get(to);
          if (a === undefined)
            return context.report({
              node,
              message: `src/${from}/ is not in the layer table (.lint/layers.js)`,
            });
          if (b === undefined || b >= a) {
            context.report({
              node,
              message: `src/${from}/ may not import src/${to}/: a folder imports only lower layers (.lint/layers.js, README "Development")`,
            });
          }
        };
        return {
          ImportDeclaration: (n) => check(n, n.source.value),
          ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
          ExportAllDeclaration: (n) => check(n, n.source.value),
          ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
        };
      },
    },
  },
};
