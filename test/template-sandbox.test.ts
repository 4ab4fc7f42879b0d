import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceId } from '../src/model/ids.js';
import { typeOfKind } from './k8s/resources.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import { doubleInputs, prepareHello, run, scratchDir, startDouble, type HelloProject } from './helpers.js';

/** Templates are the pull request's code: what they render is checked before anything is applied. */
const ids = { envId: 'pr-7', id: resourceId('acme/web', 'pr-7') };

describe('names belong to their environment', () => {
  const other = resourceId('acme/web', 'pr-11');
  const dockerHost = `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: "{{ id }}"\n  labels: {app.kubernetes.io/component: docker-host}\nspec:\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: docker, image: "docker:dind"}]}\n`;
  const withObject = (object: string) => `${dockerHost}---\n${object}`;
  const planOf = async (text: string) => {
    using scratch = scratchDir();
    writeFileSync(path.join(scratch.dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx\n');
    writeFileSync(path.join(scratch.dir, 't.njk'), text);
    return await run(
      { command: 'plan', 'env-id': 'pr-7', template: path.join(scratch.dir, 't.njk') },
      {
        cwd: scratch.dir,
        context: { repository: 'acme/web' },
      },
    );
  };

  it('refuses an object whose name lacks the id, naming it and saying to put {{ id }} in it', async () => {
    const error = await planOf(
      withObject('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: shared}\n'),
    ).catch((e: Error) => e);
    expect(String(error)).toContain(
      `The template creates ConfigMap/shared, whose name does not contain the environment's id (${ids.id})`,
    );
    expect(String(error)).toContain('Put {{ id }} in its name, e.g. name: {{ id }}-shared.');
  });

  it('refuses the lease of another environment, and its own', async () => {
    for (const name of [`kube-pod-preview-${other}`, 'kube-pod-preview-{{ id }}']) {
      const lease = `apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: "${name}"}\nspec: {holderIdentity: me}\n`;
      await expect(planOf(withObject(lease))).rejects.toThrow(
        /The template creates Lease\/kube-pod-preview-/,
      );
    }
  });

  describe('against the cluster', () => {
    let api: FakeKubeApiServer;
    let hello: HelloProject;
    beforeAll(async () => {
      ({ api } = await startDouble());
      hello = await prepareHello();
    });
    afterAll(async () => {
      await api.stop();
      hello.remove();
    });

    it.each([
      [
        "the Lease of another environment (pr-7's)",
        `apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: "kube-pod-preview-${ids.id}"}\nspec: {holderIdentity: pr-11, leaseDurationSeconds: 31536000}\n`,
      ],
    ])('up with %s fails before anything is created', async (_, object) => {
      using scratch = scratchDir();
      const template = path.join(scratch.dir, 't.njk');
      writeFileSync(template, withObject(object));
      await expect(
        run(doubleInputs(api, hello.dir, { command: 'up', 'env-id': 'pr-11', template }), {
          context: { repository: 'acme/web' },
        }),
      ).rejects.toThrow(/The template/);
      expect(api.store.list(typeOfKind('coordination.k8s.io/v1', 'Lease')!)).toEqual([]);
      expect(api.objectsMatching('app.kubernetes.io/managed-by=kube-pod-preview')).toEqual([]);
    });
  });
});
