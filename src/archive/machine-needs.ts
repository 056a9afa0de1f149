/**
 * What lifeboat needs on the machine that holds the data, and how to add each piece to an image:
 * one table, quoted by the messages of a run that stops for want of it (judge-run.ts) and by the
 * README's "Machines" section. Each line is one a person pastes into a Dockerfile.
 *
 * The images in the wild (FACTS.md): Debian slim has GNU tar and no zstd; Alpine has busybox tar
 * (long options, -X, -T) and no zstd; Debian's busybox-static has a tar without --exclude, -X or
 * -T; a distroless image has no shell at all.
 */
export type MachineTool = 'sh' | 'tar' | 'zstd' | 'gzip' | 'cat' | 'du';

export interface ToolInstall {
  /** The Dockerfile lines, Debian/Ubuntu first, then Alpine. */
  lines: string[];
  /** What the tool is for, for the message. */
  purpose: string;
}

export const MACHINE_TOOLS: Record<MachineTool, ToolInstall> = {
  sh: {
    purpose: 'lifeboat runs its archive script with sh',
    lines: [
      // a distroless image has no package manager either: copy a static busybox in (exec form, no shell needed)
      'COPY --from=busybox:1.36.1-musl /bin/busybox /bin/busybox',
      'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
    ],
  },
  tar: {
    purpose: "lifeboat archives the volume with the machine's tar",
    lines: [
      'RUN apt-get update && apt-get install -y --no-install-recommends tar',
      'RUN apk add --no-cache tar',
    ],
  },
  zstd: {
    purpose: 'compression zstd runs zstd on the machine',
    lines: [
      'RUN apt-get update && apt-get install -y --no-install-recommends zstd',
      'RUN apk add --no-cache zstd',
    ],
  },
  gzip: {
    purpose:
      "compression gzip runs gzip on the machine (and so does auto on a machine without zstd when the runner's Node.js has no zstd)",
    lines: [
      'RUN apt-get update && apt-get install -y --no-install-recommends gzip',
      'RUN apk add --no-cache gzip',
    ],
  },
  cat: {
    purpose: 'compression none, and auto on a machine without zstd, pass the tar through cat',
    lines: [
      'RUN apt-get update && apt-get install -y --no-install-recommends coreutils',
      'RUN apk add --no-cache coreutils',
    ],
  },
  du: {
    purpose: "du measures the volume, which sizes the upload's parts",
    lines: [
      'RUN apt-get update && apt-get install -y --no-install-recommends coreutils',
      'RUN apk add --no-cache coreutils',
    ],
  },
};

/** The machine in messages, from the source's label: "the Fly machine", "the SSH host", "this machine". */
export function machineOf(label: string): string {
  if (label === 'flyctl') return 'the Fly machine';
  if (label === 'ssh') return 'the SSH host';
  return 'this machine';
}

/** "add it to the image: `LINE` (Debian, Ubuntu) or `LINE` (Alpine)" for a tool. */
export function howToAdd(tool: MachineTool): string {
  const [first, second] = MACHINE_TOOLS[tool].lines;
  if (tool === 'sh') {
    return (
      `add a shell to the image (a distroless image has none; build from a base that has one, such as debian:bookworm-slim ` +
      `or alpine, or copy a static busybox in with the Dockerfile lines \`${first}\` and \`${second}\`)`
    );
  }
  return `add it to the image with the Dockerfile line \`${first}\` (Debian, Ubuntu) or \`${second}\` (Alpine)`;
}

/** The message for a tool the machine lacks: what it is for and how to add it. */
export function missingTool(tool: MachineTool, where: string): string {
  return `${tool} is not installed on ${where}: ${MACHINE_TOOLS[tool].purpose}. To fix it, ${howToAdd(tool)}.`;
}
