import { formatBytes, formatRate } from '../util/format.js';
import { redactSecrets } from '../util/redact.js';
import type { Logger } from '../util/logger.js';

/**
 * The CLI's logger: messages on stderr (stdout stays for results and --json). On a terminal,
 * transfers show one live line (bytes, rate, percentage and ETA when the size is known); when
 * stderr is not a terminal (cron, pipes), a plain line every 10 s.
 */
export function terminalLogger(stream: NodeJS.WriteStream = process.stderr, quiet = false): Logger {
  const tty = Boolean(stream.isTTY);
  let live = false;
  const clearLive = () => {
    if (live) stream.write('\r\x1b[K');
    live = false;
  };
  const line = (text: string) => {
    clearLive();
    stream.write(`${redactSecrets(text)}\n`);
  };
  const logger: Logger = {
    info: (m) => {
      if (!quiet) line(m);
    },
    warning: (m) => line(`warning: ${m}`),
    debug: (m) => {
      if (process.env.LIFEBOAT_DEBUG) line(`debug: ${m}`);
    },
    group: async (title, fn) => {
      if (!quiet) line(`== ${title}`);
      return fn();
    },
  };
  if (tty && !quiet) {
    logger.progress = (verb, bytes, total, seconds, final) => {
      const rate = seconds > 0 ? bytes / seconds : 0;
      let text = `${verb} ${formatBytes(bytes)}`;
      if (total) {
        const pct = Math.min(100, (bytes / total) * 100);
        const eta = rate > 0 ? Math.max(0, (total - bytes) / rate) : undefined;
        text += ` of ${formatBytes(total)} (${pct.toFixed(0)}%)`;
        if (eta !== undefined && !final) text += `, ETA ${Math.ceil(eta)} s`;
      }
      text += `, ${formatRate(bytes, seconds)}`;
      stream.write(`\r\x1b[K${text}`);
      live = true;
      if (final) clearLive();
    };
  }
  return logger;
}
