import { applyPlan } from '../kube/apply.js';
import type { KubeClient } from '../kube/client.js';
import type { PortForwardTunnel } from '../kube/port-forward.js';
import { deleteMatching } from '../kube/teardown.js';
import type { ExposureEntry, PublishedPort } from '../model/exposure.js';
import { isService, type Service } from '../model/kinds.js';
import type { Ids } from '../model/ids.js';
import {
  ANNOTATIONS,
  EXPOSE_COMPONENT,
  LABELS,
  environmentSelector,
  kindKey,
  type KubeObject,
  type ObjectRef,
} from '../model/objects.js';
import type { ExposeSettings } from '../model/settings.js';
import type { PreviewUrl } from '../model/urls.js';
import { formatDuration } from '../util/duration.js';
import { UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import { sleep } from '../util/sleep.js';
import type { EnvironmentPlan } from '../plan/environment-plan.js';
import { STATE_TEXT, checkUrls } from './health.js';

/** What exposing needs to know of the deploy it follows. */
export interface ExposeOptions {
  expose: ExposeSettings;
  namespace: string;
  serverSideApply: boolean;
  ids: Ids;
  /** The docker-host workload (where the exposure's kinds are recorded) and its pod. */
  dockerHost: ObjectRef;
  podName: string;
  /** The run's plan: the exposure of these ports is rendered once, with the preflight's when they are the same. */
  plan: EnvironmentPlan;
  log: Logger;
  signal: AbortSignal;
}

const LOAD_BALANCER_POLL_MS = 2000;

/**
 * Makes the published ports reachable: plans the exposure objects (pure), records their kinds, applies
 * them, removes exposure objects an earlier deploy made that this one no longer plans, learns each URL
 * and waits, bounded by url-timeout, until it answers.
 */
export async function exposePorts(
  client: KubeClient,
  ports: PublishedPort[],
  options: ExposeOptions,
): Promise<PreviewUrl[]> {
  const { expose, log } = options;
  for (const p of ports.filter((p) => p.protocol !== 'tcp'))
    log.info(`  ${p.service} ${p.targetPort}/${p.protocol} is not exposed: only TCP is`);

  const { entries, objects: plan } = await options.plan.exposureFor(ports);
  const recorded = await recordKinds(client, options.dockerHost, plan.kinds);
  if (plan.objects.length > 0)
    await applyPlan(client, plan, { serverSideApply: options.serverSideApply, log });
  // Exposure objects of earlier deploys that this one did not plan (a port no longer published).
  await deleteMatching(
    client,
    recorded,
    `${environmentSelector(options.ids.id)},${LABELS.component}=${EXPOSE_COMPONENT}`,
    {
      propagation: 'Background',
      keep: new Set(plan.objects.map((o) => `${kindKey(o)}/${o.metadata.name}`)),
      why: 'no longer exposed',
      log,
    },
  );

  if (expose.mode === 'none') return entries.map((e) => portForwardCommand(e, options));
  const urls =
    expose.mode === 'loadbalancer'
      ? await loadBalancerUrls(client, plan.objects, entries, options)
      : entries.map((e) => e.url);
  return checkHealth(client, entries, urls, options);
}

function portForwardCommand(entry: ExposureEntry, options: ExposeOptions): PreviewUrl {
  return {
    service: entry.service,
    port: entry.port,
    url: undefined,
    command: `kubectl --namespace ${options.namespace} port-forward pod/${options.podName} ${entry.publishedPort}:${entry.publishedPort}`,
    state: 'not-checked',
    detail: undefined,
  };
}

/**
 * The health gate over every URL, side by side (see checkUrls): each URL, and its app through a
 * port-forward to its published port of the pod. It never sends the basic-auth credentials: a 401 from
 * the ingress already proves the route, and the password has no business reaching the app.
 */
async function checkHealth(
  client: KubeClient,
  entries: ExposureEntry[],
  urls: (string | undefined)[],
  options: ExposeOptions,
): Promise<PreviewUrl[]> {
  const { urlTimeoutMs } = options.expose;
  const checked = entries.flatMap((e, i) => (urls[i] ? [{ entry: e, url: urls[i] }] : []));
  await using tunnels = await appTunnels(
    client,
    [...new Set(checked.map((c) => c.entry.publishedPort))],
    options,
  );
  const title = `Wait for ${checked.length} ${checked.length === 1 ? 'URL' : 'URLs'} to answer, and the app behind each on its port (at most ${formatDuration(urlTimeoutMs)}, input url-timeout)`;
  const checks = await options.log.group(title, () =>
    checkUrls(
      checked.map(({ entry, url }) => ({
        url,
        app: { localPort: tunnels.port(entry.publishedPort), podPort: entry.publishedPort },
        appError: () => tunnels.lastError(entry.publishedPort),
      })),
      { timeoutMs: urlTimeoutMs, signal: options.signal, log: options.log },
    ),
  );
  return entries.map((e, index) => {
    const url = urls[index];
    const check = checks[checked.findIndex((c) => c.entry === e)];
    if (check)
      options.log.info(`  ${url} (${e.service}:${e.port}): ${STATE_TEXT[check.state]}, ${check.detail}`);
    return {
      service: e.service,
      port: e.port,
      url,
      command: undefined,
      state: check?.state ?? 'unreachable',
      detail: check?.detail ?? 'no address',
    };
  });
}

/**
 * One port-forward per published port, each connection on its own channel (no pool: a few requests a
 * poll), quiet: a refused connection is an answer of the health gate, kept for its detail, not a warning.
 */
async function appTunnels(client: KubeClient, ports: number[], options: ExposeOptions) {
  const errors = new Map<number, string>();
  const tunnels = new Map<number, PortForwardTunnel>();
  const close = async () => {
    await Promise.all([...tunnels.values()].map((t) => t.close()));
  };
  try {
    for (const port of ports) {
      const quiet: Logger = {
        ...options.log,
        info: () => {},
        warning: (message) => {
          errors.set(port, message);
          options.log.debug(message);
        },
      };
      tunnels.set(port, await client.portForward(options.podName, port, quiet, { size: 0 }));
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    port: (port: number) => tunnels.get(port)!.port,
    lastError: (port: number) => errors.get(port),
    [Symbol.asyncDispose]: close,
  };
}

/**
 * Records the exposure's kinds on the docker-host workload before creating anything of them, so that a
 * teardown finds them even if this run dies half-way. Returns every kind recorded so far.
 */
async function recordKinds(client: KubeClient, dockerHost: ObjectRef, kinds: string[]): Promise<string[]> {
  const host = await client.read(dockerHost);
  const before = host?.metadata.annotations?.[ANNOTATIONS.exposureKinds]?.split(',').filter(Boolean) ?? [];
  const all = [...new Set([...before, ...kinds])].sort();
  if (host && all.length !== before.length) {
    await client.mergePatch({
      apiVersion: dockerHost.apiVersion,
      kind: dockerHost.kind,
      metadata: { name: dockerHost.name, annotations: { [ANNOTATIONS.exposureKinds]: all.join(',') } },
    });
  }
  return all;
}

/**
 * Waits (bounded by url-timeout) for each LoadBalancer Service to get an address, and gives every entry
 * the URL of the Service port that carries its published port.
 */
async function loadBalancerUrls(
  client: KubeClient,
  objects: KubeObject[],
  entries: ExposureEntry[],
  options: ExposeOptions,
): Promise<(string | undefined)[]> {
  const services = objects.filter(isService).filter((o) => o.spec?.type === 'LoadBalancer');
  const deadline = Date.now() + options.expose.urlTimeoutMs;
  const addresses = new Map<string, string>();
  const what = `${services.length} LoadBalancer ${services.length === 1 ? 'Service' : 'Services'}`;
  await options.log.group(
    `Wait for the address of ${what} (at most ${formatDuration(options.expose.urlTimeoutMs)}, input url-timeout)`,
    async () => {
      for (const service of services) {
        const address = await loadBalancerAddress(client, service.metadata.name, deadline, options);
        addresses.set(service.metadata.name, address.includes(':') ? `[${address}]` : address);
      }
    },
  );
  return entries.map((entry) => {
    const service = services.find((s) => s.spec?.ports?.some((p) => p.port === entry.publishedPort));
    const address = service && addresses.get(service.metadata.name);
    return address ? `http://${address}:${entry.publishedPort}` : undefined;
  });
}

async function loadBalancerAddress(
  client: KubeClient,
  name: string,
  deadline: number,
  options: ExposeOptions,
): Promise<string> {
  while (true) {
    const current = await client.read<Service>({ apiVersion: 'v1', kind: 'Service', name });
    const ingress = current?.status?.loadBalancer?.ingress?.[0];
    const address = ingress?.ip ?? ingress?.hostname;
    if (address) {
      options.log.info(`  Service/${name}: ${address}`);
      return address;
    }
    if (Date.now() + LOAD_BALANCER_POLL_MS > deadline) {
      throw new UserError(explainNoAddress(name, options.expose.urlTimeoutMs));
    }
    await sleep(LOAD_BALANCER_POLL_MS, options.signal);
  }
}

function explainNoAddress(service: string, urlTimeoutMs: number): string {
  return `The LoadBalancer Service ${service} got no address within ${formatDuration(urlTimeoutMs)} (input url-timeout). Does the cluster have a load-balancer implementation (a cloud provider, MetalLB, cloud-provider-kind)? Otherwise set input expose to ingress or none.`;
}
