// The CLI's end-to-end tests (test/e2e/cli.test.ts) once more, with the bundle run by the oldest
// Node.js that package.json "engines" admits (22.15, installed by scripts/setup-system.sh): a
// feature the CLI uses that 22.15 lacks fails here, not on a user's machine. The Node is chosen
// while cli.test.ts is loaded, so the variable is removed again as soon as it has been imported.
process.env.LIFEBOAT_CLI_TEST_NODE = 'oldest';
try {
  await import('./cli.test.js');
} finally {
  delete process.env.LIFEBOAT_CLI_TEST_NODE;
}
