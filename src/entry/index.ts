// The bundle's two entry points. dist/index.js (the action's main and post steps) and dist/cli/index.js
// (the CLI) are launchers, written by scripts/build.mjs, that check the Node.js version before importing
// this bundle. Bundling once keeps dist/ at one copy of the dependencies.
export { runAction } from './action.js';
export { runCli } from './cli.js';
