/** What the engine needs to tell a person; the edges map it onto @actions/core or a terminal. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** Runs fn inside a collapsible log section where the edge supports one. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
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
