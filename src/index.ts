import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runAction } from './main.js';

// One bundle serves both entry points: `node dist/index.js` is the action (action.yml runs it), and
// dist/cli/index.js imports runCli from it. Bundling once keeps dist/ at one copy of the dependencies.
export { runCli } from './cli/index.js';

const invokedDirectly =
  process.argv[1] !== undefined &&
  realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) await runAction();
