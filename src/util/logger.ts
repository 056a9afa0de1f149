/** What the engine needs to tell a person; the edges map it onto @actions/core or a terminal. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** Runs fn inside a collapsible log section where the edge supports one. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /**
   * A live progress display (a terminal). When present it is called often, with `final` once at
   * the end; without it, progress is logged as a line every 10 s.
   */
  progress?(verb: string, bytes: number, total: number | undefined, seconds: number, final: boolean): void;
}

export const silentLogger: Logger = {
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
  group: (_title, fn) => fn(),
};

export const consoleLogger: Logger = {
  info: (m) => console.error(m),
  warning: (m) => console.error(`warning: ${m}`),
  debug: (m) => {
    if (process.env.LIFEBOAT_DEBUG) console.error(`debug: ${m}`);
  },
  group: async (title, fn) => {
    console.error(`== ${title}`);
    return fn();
  },
};
