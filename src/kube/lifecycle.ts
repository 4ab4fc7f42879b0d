import type { Logger } from '../util/log.js';
import type { KubeClient } from './client.js';
import { deleteMatching } from './teardown.js';
import {
  ANNOTATIONS,
  DOCKER_HOST_COMPONENT,
  EXPOSE_COMPONENT,
  LABELS,
  MANAGER,
  WORKLOAD_KIND_KEYS,
  annotatedTime,
  environmentSelector,
  parseKindKey,
  refOf,
  type KubeObject,
  type ObjectRef,
} from '../model/objects.js';
import { isWorkload, type Workload } from '../model/kinds.js';
import type { RecordedUrl } from '../model/urls.js';

/**
 * What happens to an environment between deploys: its expiry pushed (`/preview extend`), put to sleep by
 * `cleanup` (scaled to zero, exposure removed, volume kept) and woken by the next deploy. All of it is
 * recorded on the docker-host workload, which is where `cleanup` looks.
 */

/** The docker-host workloads of every environment in the namespace, or of environment `id`. */
export async function dockerHosts(client: KubeClient, id?: string): Promise<Workload[]> {
  const environment = id === undefined ? `${LABELS.managedBy}=${MANAGER}` : environmentSelector(id);
  const selector = `${environment},${LABELS.component}=${DOCKER_HOST_COMPONENT}`;
  const hosts: Workload[] = [];
  for (const key of WORKLOAD_KIND_KEYS) {
    const { apiVersion, kind } = parseKindKey(key);
    const { items } = await client.list<Workload>(apiVersion, kind, { labelSelector: selector });
    // Items of a list carry no apiVersion and kind of their own.
    hosts.push(...items.map((host) => ({ ...host, apiVersion, kind })));
  }
  return hosts;
}

/** The environment's docker-host workload; undefined when it has none. */
export async function findDockerHost(client: KubeClient, id: string): Promise<Workload | undefined> {
  return (await dockerHosts(client, id))[0];
}

/** When the environment expires, per its annotation; undefined without one (no ttl). */
export function expiryOf(host: KubeObject): Date | undefined {
  return annotatedTime(host, ANNOTATIONS.expiresAt);
}

/** Since when the environment sleeps; undefined when it is awake. */
export function asleepSince(host: KubeObject): Date | undefined {
  return annotatedTime(host, ANNOTATIONS.sleepingSince);
}

/** The URLs the last deploy reported, as recorded on the workload. */
export function recordedUrls(host: KubeObject): RecordedUrl[] {
  try {
    const parsed: unknown = JSON.parse(host.metadata.annotations?.[ANNOTATIONS.urls] ?? '[]');
    return Array.isArray(parsed) ? (parsed as RecordedUrl[]) : [];
  } catch {
    return [];
  }
}

export async function setExpiry(client: KubeClient, host: ObjectRef, expiresAt: Date): Promise<void> {
  await annotate(client, host, { [ANNOTATIONS.expiresAt]: expiresAt.toISOString() });
}

/** Keeps the deploy's URLs on the workload: a sleeping environment's comment still lists them. */
export async function recordUrls(client: KubeClient, host: ObjectRef, urls: RecordedUrl[]): Promise<void> {
  await annotate(client, host, { [ANNOTATIONS.urls]: JSON.stringify(urls) });
}

/**
 * Scales the docker-host workload to zero and removes the environment's exposure. The volume claim stays
 * (a StatefulSet keeps its claims when scaled down), so images and build cache survive the sleep.
 */
export async function putToSleep(client: KubeClient, host: Workload, now: Date, log: Logger): Promise<void> {
  await client.mergePatch({
    ...refHeader(refOf(host)),
    metadata: { name: host.metadata.name, annotations: { [ANNOTATIONS.sleepingSince]: now.toISOString() } },
    spec: { replicas: 0 },
  });
  const id = host.metadata.labels?.[LABELS.id] ?? '';
  const kinds = host.metadata.annotations?.[ANNOTATIONS.exposureKinds]?.split(',').filter(Boolean) ?? [];
  await deleteMatching(client, kinds, `${environmentSelector(id)},${LABELS.component}=${EXPOSE_COMPONENT}`, {
    propagation: 'Background',
    why: 'asleep',
    log,
  });
}

/**
 * Undoes a sleep before a deploy: the replicas its template asks for (one when it does not say), and
 * no sleeping mark. The apply that follows sets the rest.
 */
export async function wakeIfAsleep(client: KubeClient, desired: KubeObject, log: Logger): Promise<boolean> {
  const live = await client.read<Workload>(refOf(desired));
  if (!live || !asleepSince(live)) return false;
  const replicas = (isWorkload(desired) ? desired.spec?.replicas : undefined) ?? 1;
  await client.mergePatch({
    ...refHeader(refOf(desired)),
    metadata: { name: desired.metadata.name, annotations: { [ANNOTATIONS.sleepingSince]: null } },
    spec: { replicas },
  });
  log.info(`Waking the environment: ${desired.kind}/${desired.metadata.name} back to ${replicas} replica(s)`);
  return true;
}

async function annotate(
  client: KubeClient,
  ref: ObjectRef,
  annotations: Record<string, string>,
): Promise<void> {
  await client.mergePatch({ ...refHeader(ref), metadata: { name: ref.name, annotations } });
}

function refHeader(ref: ObjectRef) {
  return { apiVersion: ref.apiVersion, kind: ref.kind };
}
