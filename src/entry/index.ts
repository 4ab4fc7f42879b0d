// The bundle's two entry points. dist/index.js (the action's main and post steps) and dist/cli/index.js
// (the CLI) are launchers, written by scripts/build.mjs, that check the Node.js version before importing
// this bundle. Bundling once keeps dist/ at one copy of the dependencies; each entry point loads its own
// part of it when it runs, so the CLI does not parse the action's libraries (start-up CPU).
export async function runAction(): Promise<void> {
  const action = await import('./action.js');
  await action.runAction();
}

export async function runCli(argv: string[]): Promise<number> {
  const cli = await import('./command-line.js');
  return cli.runCli(argv);
}
