import type { Logger } from '../../src/util/logger.js';

/** A Logger that keeps every line, warnings marked, and the titles of the groups it ran. */
export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  readonly warnings: string[] = [];
  readonly groups: string[] = [];

  info = (message: string): void => {
    this.lines.push(message);
  };

  warning = (message: string): void => {
    this.lines.push(`warning: ${message}`);
    this.warnings.push(message);
  };

  debug = (): void => undefined;

  group = async <T>(title: string, fn: () => Promise<T>): Promise<T> => {
    this.groups.push(title);
    return fn();
  };

  get text(): string {
    return this.lines.join('\n');
  }
}
