import { formatBytes, formatRate } from './format.js';
import type { Logger } from './logger.js';

/** Logs "<verb> 1.2 GiB (85.0 MB/s)" at most once per interval while a transfer runs. */
export function startProgress(
  logger: Logger,
  verb: string,
  bytes: () => number,
  intervalMs = 10_000,
): { stop(): void } {
  const started = Date.now();
  const timer = setInterval(() => {
    const n = bytes();
    logger.info(`${verb} ${formatBytes(n)} (${formatRate(n, (Date.now() - started) / 1000)})`);
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
