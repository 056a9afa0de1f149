import { formatBytes, formatRate } from './format.js';
import type { Logger } from './logger.js';

/**
 * Reports a running transfer: on a live display (logger.progress) twice a second, otherwise as
 * "<verb> 1.2 GiB (85.0 MB/s)" at most once per interval. `total` enables a percentage and ETA.
 */
export function startProgress(
  logger: Logger,
  verb: string,
  bytes: () => number,
  intervalMs = 10_000,
  total?: number,
): { stop(): void } {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const live = logger.progress?.bind(logger);
  const timer = setInterval(
    () => {
      const n = bytes();
      if (live) live(verb, n, total, seconds(), false);
      else logger.info(`${verb} ${formatBytes(n)} (${formatRate(n, seconds())})`);
    },
    live ? 500 : intervalMs,
  );
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      live?.(verb, bytes(), total, seconds(), true);
    },
  };
}
