import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputName } from '../src/model/inputs.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import {
  NAMESPACE,
  ROOT,
  doubleInputs,
  memoryLogger,
  run,
  scratchDir,
  type HelloProject,
} from './helpers.js';
import { useDoubleWithHello } from './use-double.js';

/**
 * A template of the shape of Preevy's own (its ServiceAccount, ConfigMap, StatefulSet running as that
 * ServiceAccount, Role and RoleBinding), deployed as a Preevy user would: the pod's ServiceAccount does
 * not exist before the apply, and a real API server refuses a pod dry run naming it
 * (../shared/real-cluster/api/dryrun-pod-missing-sa.json).
 */
const PREEVY_SHAPE = path.join(ROOT, 'test/fixtures/preevy/default-shape.yaml.njk');
const OURS = 'app.kubernetes.io/managed-by=kube-pod-preview';
const ADMISSION = 'pod admission (Pod Security, RuntimeClass, quotas)';

let api: FakeKubeApiServer;
let hello: HelloProject;

useDoubleWithHello({ double: 'per-test', hello: 'per-file' }, (made) => ({ api, hello } = made));

function inputs(extra: Partial<Record<InputName, string>> = {}): Partial<Record<InputName, string>> {
  return doubleInputs(api, hello.dir, { template: PREEVY_SHAPE, 'storage-class': 'standard', ...extra });
}

async function served(port: number): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await (await fetch(`http://127.0.0.1:${port}/`)).text();
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe("a template of the shape of Preevy's own", () => {
  it('deploys unchanged: up, served, down, and nothing left (its ServiceAccount, Role and RoleBinding too)', async () => {
    const log = memoryLogger();
    const up = await run(inputs({ command: 'up' }), { log });
    const id = up.ids.id;
    expect(up.state).toBe('running');
    expect(await served(hello.port)).toContain('hello from kube-pod-preview');
    // The preflight checked the pod under the default ServiceAccount, the rest of admission answering.
    expect(log.lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^✔ ${escape(ADMISSION)}: .*under the namespace's default ServiceAccount: ServiceAccount/${id}-sa is created by the deploy`,
        ),
      ),
    );
    // dockerd on every address: the existing warning.
    expect(log.warnings.join('\n')).toContain('listens on every address (tcp://0.0.0.0:2375)');
    expect(api.fixtures.objectsMatching(OURS)).toEqual([
      `ConfigMap/${id}-dc`,
      `PersistentVolumeClaim/data-${id}-0`,
      `Pod/${id}-0`,
      `Role/${id}-role`,
      `RoleBinding/${id}-rolebind`,
      `ServiceAccount/${id}-sa`,
      `StatefulSet/${id}`,
    ]);
    const down = await run(inputs({ command: 'down' }));
    expect(down.deleted).toEqual(
      expect.arrayContaining([`Role/${id}-role`, `RoleBinding/${id}-rolebind`, `ServiceAccount/${id}-sa`]),
    );
    expect(api.fixtures.objectsIn(NAMESPACE)).toEqual([]);
  });

  it('is still refused by Pod Security in the preflight: the ServiceAccount does not hide the pod’s refusal', async () => {
    // Taking the ServiceAccount's refusal as a pass would leave Pod Security unasked: it judges the pod
    // only after the mutating ServiceAccount plugin has let it through.
    api.fixtures.labelNamespace(NAMESPACE, { 'pod-security.kubernetes.io/enforce': 'baseline' });
    const error = await run(inputs({ command: 'up' })).catch((e: Error) => e);
    expect(String(error)).toContain(`${ADMISSION}:`);
    expect(String(error)).toContain('violates PodSecurity "baseline:latest": privileged');
    expect(String(error)).not.toContain('service account');
    expect(api.fixtures.objectsIn(NAMESPACE)).toEqual([]);
  });

  it('refuses a pod whose ServiceAccount neither exists nor is in the plan, in the admission plugin’s words', async () => {
    using scratch = scratchDir();
    const template = path.join(scratch.dir, 'no-account.yaml.njk');
    const text = readFileSync(PREEVY_SHAPE, 'utf8');
    writeFileSync(template, text.replace('serviceAccountName: {{ id }}-sa', 'serviceAccountName: builder'));
    const error = await run(inputs({ command: 'up', template })).catch((e: Error) => e);
    expect(String(error)).toMatch(
      new RegExp(
        `${escape(ADMISSION)}: .*is forbidden: error looking up service account ${NAMESPACE}/builder: serviceaccount "builder" not found`,
      ),
    );
    expect(api.fixtures.objectsIn(NAMESPACE)).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
