/**
 * npm run bench: prints figures, asserts nothing. Each figure is a median with min and max
 * over RUNS runs (`npm run bench -- 5` for more), against the API-server double and the local engine:
 *  (1) tunnel vs direct throughput into dockerd, and two bare relays in the tunnel's place;
 *  (2) compose up through the tunnel vs directly, with the WebSocket upgrades it costs;
 *  (3) down with a service that ignores SIGTERM;
 *  (4) the permission check's requests and time;     (5) the bundle's start-up CPU;
 *  (6) a refusal by Pod Security: the preflight vs the wait, and the preflight's cost;
 *  (7) one render in the template sandbox (its own process) against one in-process;
 *  (8) the compose phase of a slow build: a new environment without and with the build cache of
 *      another environment (docker-registry on loopback), and an unchanged push.
 * The bundle figures are of dist/ as built: run `npm run build` first after changing src/.
 */
import { permissionCheck } from './access.js';
import { buildCacheFigures } from './build-cache.js';
import { preflightFigures } from './preflight.js';
import { renderFigures } from './render.js';
import { composeUp } from './compose.js';
import { startup } from './startup.js';
import { teardownTime } from './teardown.js';
import { throughput } from './throughput.js';

const RUNS = Math.max(3, Number(process.argv[2] ?? 3));

await throughput(RUNS);
await composeUp(RUNS);
await teardownTime(RUNS);
await permissionCheck(RUNS);
await startup(Math.max(RUNS, 5));
await preflightFigures(RUNS);
await renderFigures(Math.max(RUNS, 10));
await buildCacheFigures(RUNS);
