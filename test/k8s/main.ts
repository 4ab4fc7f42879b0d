/**
 * Runs the API-server double as a process of its own, for the benchmark and for trying the CLI by hand:
 *   npm run bench   (starts it)     |   node lib/test/k8s/main.js > kubeconfig.yaml
 * It prints a kubeconfig for itself on stdout, has a namespace `previews` (environments stay out of
 * `default`, as on a shared cluster), creates a running pod `docker-0` there when given --pod, and stops
 * when its stdin closes or on SIGINT/SIGTERM.
 */
import { FakeKubeApiServer } from './server.js';
import { PodStreams } from './streams.js';

const api = new FakeKubeApiServer();
new PodStreams(api);
api.fixtures.addNamespace('previews');
await api.start();
if (process.argv.includes('--pod')) await api.fixtures.runningPod('docker-0', 'previews');
process.stdout.write(api.kubeconfig());
process.stdout.write('\n---\n');
const stop = () => void api.stop().then(() => process.exit(0));
process.stdin.on('end', stop);
process.stdin.resume();
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
