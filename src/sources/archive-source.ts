import type { SourceDescription } from '../catalog/manifest.js';
import type { RunningProcess } from '../util/process.js';

export interface StartOptions {
  signal?: AbortSignal;
  onStderrLine?: (line: string) => void;
  keepStdin?: boolean;
}

/** Which machine a source reaches; the archived path and options are added by the backup. */
export type SourceIdentity = Omit<SourceDescription, 'path' | 'excludes' | 'preCommand'>;

/** Where a volume's archive comes from: a Fly machine, an SSH host, or a local directory. */
export interface ArchiveSource {
  readonly description: SourceIdentity;
  /** A short name for messages: "flyctl", "ssh", "local tar". */
  readonly label: string;
  /**
   * Everything that can be checked before data moves (the tool is installed and recent enough,
   * the token is set). Returns tool versions to record in the manifest.
   */
  preflight(signal?: AbortSignal): Promise<Record<string, string>>;
  /**
   * Runs a script on the source: the archive script, whose stdout is the framed stream
   * (remote-script.ts), or a restore script that reads stdin. stdin is closed at once unless
   * keepStdin is set.
   */
  start(script: string, options: StartOptions): RunningProcess;
}
