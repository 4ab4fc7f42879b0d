import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { mapInputs } from '../../src/model/inputs.js';
import { runPreview } from '../../src/entry/run-preview.js';
import { NO_EVENT } from '../../test/helpers.js';
import type { PolicyRule } from '../../test/k8s/rbac.js';
import { NAMESPACE, ROOT, quiet, startDouble } from './double.js';
import { repeat, secondsSince, show } from './figures.js';

/**
 * (6) Issue 14's preflight: how long an `up` takes to fail in a namespace enforcing Pod Security
 * baseline and what it leaves behind, with the preflight's pod dry run (deploy/rbac.yaml's Role) and
 * without it (the same Role less `create` on pods: the check is skipped, and the refusal comes from the
 * wait's fast failure, as every first deploy got before); and what the preflight costs a deploy that
 * goes through (examples/hello, first deploy and update).
 */
export async function preflightFigures(runs: number): Promise<void> {
  const { api } = await startDouble();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kpp-bench-preflight-'));
  cpSync(path.join(ROOT, 'examples/hello'), dir, { recursive: true });
  execFileSync('sh', [path.join(dir, 'prepare.sh')]);
  writeFileSync(path.join(dir, '.env'), 'COMPOSE_PROJECT_NAME=hello-bench-preflight\nHELLO_PORT=18092\n');
  const role = parseAllDocuments(readFileSync(path.join(ROOT, 'deploy/rbac.yaml'), 'utf8'))
    .map((d) => d.toJS() as { kind: string; rules?: PolicyRule[] })
    .find((d) => d.kind === 'Role')!.rules!;
  const withoutPodCreate = role.map((r) =>
    r.resources?.includes('pods') ? { ...r, verbs: r.verbs.filter((v) => v !== 'create') } : r,
  );
  const run = (command: string, envId: string) =>
    runPreview({
      input: mapInputs({
        command,
        'env-id': envId,
        namespace: NAMESPACE,
        kubeconfig: api.kubeconfig(),
        'working-directory': dir,
        timeout: '60s',
      }),
      context: { ...NO_EVENT, repository: 'bench/hello' },
      log: { ...quiet, notice: () => {} },
      signal: new AbortController().signal,
      cwd: dir,
    });
  const refused = async (envId: string) => {
    const started = performance.now();
    await run('up', envId).then(
      () => {
        throw new Error('up succeeded in a namespace enforcing baseline');
      },
      () => undefined,
    );
    const seconds = secondsSince(started);
    const left = api.fixtures.objectsMatching(`kube-pod-preview/env-id=${envId}`).length;
    await run('down', envId);
    return { seconds, left };
  };
  try {
    api.fixtures.labelNamespace(NAMESPACE, { 'pod-security.kubernetes.io/enforce': 'baseline' });
    api.rules = role;
    const now = await repeat(runs, (i) => refused(`bench-psa-${i}`));
    api.rules = withoutPodCreate;
    const wait = await repeat(runs, (i) => refused(`bench-psa-wait-${i}`));
    api.fixtures.labelNamespace(NAMESPACE, { 'pod-security.kubernetes.io/enforce': 'privileged' });
    api.rules = role;
    const cost = await repeat(runs, async (i) => {
      const first = await run('up', `bench-ok-${i}`);
      const update = await run('up', `bench-ok-${i}`);
      await run('down', `bench-ok-${i}`);
      return { first: first.timings.preflight!, update: update.timings.preflight! };
    });
    console.log(
      '(6) up in a namespace enforcing Pod Security baseline (in-process double, deploy/rbac.yaml)',
    );
    console.log(
      show(
        'refused by the preflight, seconds',
        now.map((r) => r.seconds),
        's',
      ),
    );
    console.log(
      show(
        '  objects it left',
        now.map((r) => r.left),
        '',
        0,
      ),
    );
    console.log(
      show(
        'refused by the wait (no pod dry run), seconds',
        wait.map((r) => r.seconds),
        's',
      ),
    );
    console.log(
      show(
        '  objects it left',
        wait.map((r) => r.left),
        '',
        0,
      ),
    );
    console.log(
      show(
        'preflight of a deploy, first',
        cost.map((r) => r.first),
        'ms',
        0,
      ),
    );
    console.log(
      show(
        'preflight of a deploy, update',
        cost.map((r) => r.update),
        'ms',
        0,
      ),
    );
  } finally {
    await api.stop();
    execFileSync('docker', ['compose', '-p', 'hello-bench-preflight', 'down', '--rmi', 'local', '-t', '1'], {
      cwd: dir,
      stdio: 'ignore',
    });
    rmSync(dir, { recursive: true, force: true });
  }
}
