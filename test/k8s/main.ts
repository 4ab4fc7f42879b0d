/**
 * Runs the API-server double as a process of its own, for the benchmark and for trying the CLI by hand:
 *   npm run bench   (starts it)     |   node lib/test/k8s/main.js > kubeconfig.yaml
 * It prints a kubeconfig for itself on stdout, creates a running pod `docker-0` in `default` when
 * given --pod, and stops when its stdin closes or on SIGINT/SIGTERM.
 */
import { FakeKubeApiServer } from './server.js';
import { PodStreams } from './streams.js';
import { typeOfKind } from './resources.js';

const api = new FakeKubeApiServer();
new PodStreams(api);
await api.start();
if (process.argv.includes('--pod')) {
  const pods = typeOfKind('v1', 'Pod')!;
  api.create(
    pods,
    'default',
    { metadata: { name: 'docker-0' }, spec: { containers: [{ name: 'docker', image: 'docker:dind' }] } },
    new URLSearchParams(),
  );
  while (
    (api.store.get(pods, 'default', 'docker-0')!.status as { phase?: string } | undefined)?.phase !==
    'Running'
  ) {
    await new Promise((r) => setTimeout(r, 20));
  }
}
process.stdout.write(api.kubeconfig());
process.stdout.write('\n---\n');
const stop = () => void api.stop().then(() => process.exit(0));
process.stdin.on('end', stop);
process.stdin.resume();
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
