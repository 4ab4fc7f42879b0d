/**
 * npm run soak [-- N]: N consecutive `up`s of examples/hello (default 100) through the port-forward
 * tunnel, against the API-server double whose port-forward leaves out the two port messages at the rate
 * recorded on a real cluster (../shared/real-cluster). Prints how many succeeded and how many
 * connections came without port messages; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeError } from '../src/util/errors.js';
import { mapInputs } from '../src/model/inputs.js';
import { runPreview } from '../src/entry/run-preview.js';
import { consoleLogger, type Logger } from '../src/util/log.js';
import { NO_EVENT } from '../test/helpers.js';
import { FakeKubeApiServer } from '../test/k8s/server.js';
import { PodStreams } from '../test/k8s/streams.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NAMESPACE = 'previews';
const runs = Number(process.argv[2] ?? 100);
const quiet: Logger = { ...consoleLogger(), info: () => {}, group: (_t, fn) => fn() };

const api = new FakeKubeApiServer();
const streams = new PodStreams(api);
api.fixtures.addNamespace(NAMESPACE);
await api.start();
const dir = mkdtempSync(path.join(os.tmpdir(), 'kube-pod-preview-soak-'));
cpSync(path.join(ROOT, 'examples/hello'), dir, { recursive: true });
execFileSync('sh', [path.join(dir, 'prepare.sh')]);
writeFileSync(path.join(dir, '.env'), 'COMPOSE_PROJECT_NAME=hello-soak\nHELLO_PORT=18081\n');
const run = (command: string) =>
  runPreview({
    input: mapInputs({
      command,
      'env-id': 'soak',
      namespace: NAMESPACE,
      kubeconfig: api.kubeconfig(),
      'working-directory': dir,
    }),
    context: { ...NO_EVENT, repository: 'soak/hello' },
    log: quiet,
    signal: new AbortController().signal,
    cwd: dir,
  });

let succeeded = 0;
const failures: string[] = [];
const started = performance.now();
try {
  for (let i = 0; i < runs; i++) {
    try {
      await run('up');
      succeeded++;
    } catch (error) {
      failures.push(`up ${i + 1}: ${describeError(error).split('\n')[0]}`);
    }
  }
} finally {
  await run('down').catch(() => {});
  await api.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync('/var/lib/kube-pod-preview/projects/hello-soak', { recursive: true, force: true });
}
const { total, withoutPortMessages } = streams.portForwards;
console.log(`docker compose up of examples/hello through the tunnel: ${succeeded} of ${runs} succeeded`);
console.log(
  `port-forward connections: ${total}, of which ${withoutPortMessages} (${((100 * withoutPortMessages) / total).toFixed(0)}%) came without port messages (setting ${(100 * streams.options.portMessagesOmitted).toFixed(0)}%)`,
);
console.log(`time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const failure of failures.slice(0, 10)) console.log(`  ${failure}`);
process.exitCode = failures.length ? 1 : 0;
