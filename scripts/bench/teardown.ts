import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mapInputs } from '../../src/model/inputs.js';
import { runPreview } from '../../src/entry/run-preview.js';
import { NO_EVENT } from '../../test/helpers.js';
import { NAMESPACE, ROOT, quiet, startDouble } from './double.js';
import { repeat, secondsSince, show } from './figures.js';

/** PID 1 without a SIGTERM handler ignores SIGTERM: `docker stop` waits out its whole timeout for it. */
const STUBBORN = `services:
  stubborn:
    build:
      context: .
      dockerfile_inline: |
        FROM scratch
        COPY busybox /busybox
        CMD ["/busybox", "sleep", "3600"]
`;

/**
 * `down` of examples/hello with a service that ignores SIGTERM, against the in-process double (whose pod
 * deletion stops what the pod's Docker server ran, as the pod's dockerd would): the whole `down`, the pod's
 * own deletion (deletionTimestamp to gone), and what `down` adds to it.
 */
export async function teardownTime(runs: number): Promise<void> {
  const { api } = await startDouble();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kube-pod-preview-bench-'));
  cpSync(path.join(ROOT, 'examples/hello'), dir, { recursive: true });
  execFileSync('sh', [path.join(dir, 'prepare.sh')]);
  writeFileSync(path.join(dir, '.env'), 'COMPOSE_PROJECT_NAME=hello-bench-down\nHELLO_PORT=18091\n');
  writeFileSync(path.join(dir, 'compose.override.yaml'), STUBBORN);
  const run = (command: string) =>
    runPreview({
      input: mapInputs({
        command,
        'env-id': 'bench-down',
        namespace: NAMESPACE,
        kubeconfig: api.kubeconfig(),
        'working-directory': dir,
      }),
      context: { ...NO_EVENT, repository: 'bench/hello' },
      log: quiet,
      signal: new AbortController().signal,
      cwd: dir,
    });
  // When each pod was marked for deletion, and how long it took to go.
  const marked = new Map<string, number>();
  const podSeconds: number[] = [];
  api.fixtures.onChange((change) => {
    if (change.kind !== 'Pod') return;
    const { uid, deletionTimestamp } = change.object.metadata as { uid: string; deletionTimestamp?: string };
    if (deletionTimestamp && !marked.has(uid)) marked.set(uid, performance.now());
    if (change.type === 'DELETED' && marked.has(uid)) podSeconds.push(secondsSince(marked.get(uid)!));
  });
  try {
    const results = await repeat(runs, async () => {
      await run('up');
      const pods = podSeconds.length;
      const started = performance.now();
      const outcome = await run('down');
      const seconds = secondsSince(started);
      return { seconds, teardown: outcome.timings.teardown! / 1000, pod: podSeconds.slice(pods)[0] ?? NaN };
    });
    console.log('(3) down of examples/hello plus a service that ignores SIGTERM (in-process double)');
    console.log(
      show(
        'the whole down',
        results.map((r) => r.seconds),
        's',
      ),
    );
    console.log(
      show(
        'of which deleting and waiting (teardown)',
        results.map((r) => r.teardown),
        's',
      ),
    );
    console.log(
      show(
        "the pod's own deletion",
        results.map((r) => r.pod),
        's',
      ),
    );
    console.log(
      show(
        'down minus the pod deletion',
        results.map((r) => r.seconds - r.pod),
        's',
      ),
    );
  } finally {
    await run('down').catch(() => {});
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync('/var/lib/kube-pod-preview/projects/hello-bench-down', { recursive: true, force: true });
  }
}
