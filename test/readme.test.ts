import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadKubeConfig } from '../src/kube/config.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import { NAMESPACE, ROOT, memoryLogger, node, scratchDir, startDouble } from './helpers.js';

/**
 * The README's quick start, followed where it needs no real cluster: its shell snippets are taken from
 * README.md by their marker comment and run as written in a scratch directory, so they cannot rot.
 */
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The first ```sh block after `<!-- test: NAME -->`. */
function snippet(name: string): string {
  const marker = README.indexOf(`<!-- test: ${name} -->`);
  if (marker < 0) throw new Error(`README.md has no <!-- test: ${name} --> marker`);
  const block = /```sh\n([\s\S]*?)```/.exec(README.slice(marker));
  if (!block) throw new Error(`no sh block after <!-- test: ${name} -->`);
  return block[1]!;
}

/** The quick start's section of the README. */
const QUICK_START = README.slice(
  README.indexOf('## Quick start on your own cluster'),
  README.indexOf('\n## ', README.indexOf('## Quick start on your own cluster') + 3),
);

describe("the README's quick start", () => {
  let api: FakeKubeApiServer;
  beforeAll(async () => {
    ({ api } = await startDouble());
  });
  afterAll(async () => {
    await api.stop();
  });

  /**
   * An administrator's kubeconfig for the double: its cluster with the CA in a file (what --flatten
   * must embed), an admin user with credentials of its own, a current context in namespace default.
   */
  function adminKubeconfig(dir: string): string {
    const double = parse(api.kubeconfig()) as {
      clusters: { cluster: Record<string, string> }[];
    };
    const ca = path.join(dir, 'admin-ca.crt');
    writeFileSync(ca, Buffer.from(double.clusters[0]!.cluster['certificate-authority-data']!, 'base64'));
    const file = path.join(dir, 'admin-kubeconfig');
    writeFileSync(
      file,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          { name: 'prod-cluster', cluster: { server: api.url, 'certificate-authority': ca } },
          { name: 'other', cluster: { server: 'https://other.example:6443' } },
        ],
        users: [{ name: 'kubernetes-admin', user: { token: 'ADMIN-SECRET-TOKEN' } }],
        contexts: [
          { name: 'admin@prod', context: { cluster: 'prod-cluster', user: 'kubernetes-admin' } },
          { name: 'admin@other', context: { cluster: 'other', user: 'kubernetes-admin' } },
        ],
        'current-context': 'admin@prod',
      }),
    );
    return file;
  }

  it('names NAMESPACE and TOKEN in the steps before the kubeconfig, the way the kubeconfig step reads them', () => {
    expect(QUICK_START).toContain('NAMESPACE=previews\n');
    expect(QUICK_START).toContain(
      'TOKEN=$(kubectl -n "$NAMESPACE" create token kube-pod-preview --duration=8760h)',
    );
    expect(QUICK_START).toContain('kubectl apply -n "$NAMESPACE" -f deploy/rbac.yaml');
    expect(QUICK_START).toContain('--serviceaccount="$NAMESPACE:kube-pod-preview"');
    expect(snippet('no-cluster')).toContain('namespace: "$NAMESPACE"');
    expect(snippet('no-cluster')).toContain('token: "$TOKEN"');
  });

  it('makes a kubeconfig for the ServiceAccount alone, in the namespace, that doctor then uses as written', async () => {
    using scratch = scratchDir();
    const env = {
      PATH: process.env.PATH!,
      HOME: scratch.dir,
      KUBECONFIG: adminKubeconfig(scratch.dir),
      NAMESPACE,
      TOKEN: api.token,
    };
    // Not execFileSync: the machine's kubectl may ask the cluster (this process's double) its version.
    await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', snippet('no-cluster')], {
      cwd: scratch.dir,
      env,
    });

    const file = path.join(scratch.dir, 'preview-kubeconfig');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('ADMIN-SECRET-TOKEN');
    const config = parse(text);
    expect(config.users).toEqual([{ name: 'kube-pod-preview', user: { token: api.token } }]);
    expect(config.contexts).toEqual([
      {
        name: 'kube-pod-preview',
        context: { cluster: 'prod-cluster', user: 'kube-pod-preview', namespace: NAMESPACE },
      },
    ]);
    expect(config['current-context']).toBe('kube-pod-preview');
    const ca = readFileSync(path.join(scratch.dir, 'admin-ca.crt')).toString('base64');
    expect(config.clusters).toEqual([
      { name: 'prod-cluster', cluster: { server: api.url, 'certificate-authority-data': ca } },
    ]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const kc = loadKubeConfig({ kind: 'file', path: file, from: 'test' }, undefined, memoryLogger(), {});
    expect(kc.getCurrentCluster()?.server).toBe(api.url);

    // Step 6, as written but for npm ci and `npx node` (this test's Node 24 runs the built CLI).
    const doctor = snippet('doctor')
      .split('\n')
      .filter((l) => l && l !== 'npm ci')
      .join('\n');
    expect(doctor).toMatch(/^npx node dist\/cli\/index\.js doctor /);
    const args = doctor
      .replace(/^npx node /, '')
      .replace(/\\\n\s*/g, ' ')
      .trim()
      .split(/\s+/)
      .map((a) => a.replace(/^"\$PREVIEW_KUBECONFIG"$/, file));
    const result = await node(path.join(ROOT, args[0]!), args.slice(1), {
      cwd: ROOT,
      env: { GITHUB_REPOSITORY: 'acme/web' },
    });
    expect(result.stderr).toContain(
      `in namespace ${NAMESPACE} (the kubeconfig's context "kube-pod-preview")`,
    );
    expect(result.stderr).toMatch(/^✔ permissions for up: granted$/m);
    expect(result.stderr).not.toMatch(/^✖/m);
    expect(result.code).toBe(0);
  });
});
