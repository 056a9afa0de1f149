/**
 * The files guard reads when no `paths` are given: its own module, so that the defaults table
 * (options/defaults.ts), which every command loads, does not load guard's parsers with it.
 */
export const DEFAULT_PATHS: readonly string[] = [
  '**/sst.config.ts',
  '**/Pulumi.yaml',
  '**/Pulumi.yml',
  '**/fly.toml',
  '**/fly.*.toml',
];
