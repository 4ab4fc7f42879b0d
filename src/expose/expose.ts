import { formatDuration } from '../duration.js';
import type { PublishedPort } from '../docker/compose.js';
import { UserError } from '../errors.js';
import type { Ids } from '../ids.js';
import { applyPlan } from '../kube/apply.js';
import type { KubeClient } from '../kube/client.js';
import {
  ANNOTATIONS,
  DOCKER_HOST_COMPONENT,
  EXPOSE_COMPONENT,
  LABELS,
  environmentSelector,
  identityLabels,
  kindKey,
  parseKindKey,
  type KubeObject,
  type ObjectRef,
} from '../kube/object.js';
import type { Logger } from '../log.js';
import { buildExposurePlan, type PlanOptions } from '../plan.js';
import type { Settings } from '../settings.js';
import { sleep } from '../sleep.js';
import { loadTemplate, renderTemplate } from '../template.js';
import { exposureEntries, htpasswdLine, type ExposureEntry } from './entries.js';
import { checkUrls, type UrlState } from './health.js';

/** How a reviewer reaches one published port of the preview. */
export interface PreviewUrl {
  service: string;
  port: number;
  /** Absent with `expose: none`. */
  url: string | undefined;
  /** `expose: none`: the command that reaches the port from a workstation. */
  command: string | undefined;
  /** `not-checked` when there is no URL to check. */
  state: UrlState | 'not-checked';
  /** What the health gate saw: `HTTP 200`, `ECONNREFUSED`, … */
  detail: string | undefined;
}

export interface ExposeContext {
  client: KubeClient;
  settings: Settings;
  ids: Ids;
  dockerHost: ObjectRef;
  /** The docker-host pod's name, for `kubectl port-forward`. */
  podName: string;
  planOptions: PlanOptions;
  log: Logger;
  signal: AbortSignal;
}

const LOAD_BALANCER_POLL_MS = 2000;

/**
 * Makes the published ports reachable: renders and applies the exposure template, removes exposure
 * objects a previous deploy made that this one no longer renders, learns each URL and waits, bounded by
 * url-timeout, until it answers.
 */
export async function exposePorts(ctx: ExposeContext, ports: PublishedPort[]): Promise<PreviewUrl[]> {
  const { client, settings, ids, log } = ctx;
  const { expose } = settings;
  const entries = exposureEntries(ports, expose, ids);
  const skipped = ports.filter((p) => p.protocol !== 'tcp');
  for (const p of skipped)
    log.info(`  ${p.service} ${p.targetPort}/${p.protocol} is not exposed: only TCP is`);

  const rendered = expose.mode === 'none' || entries.length === 0 ? undefined : render(ctx, entries);
  const plan = buildExposurePlan(rendered?.objects ?? [], {
    ...ctx.planOptions,
    provenance: { ...ctx.planOptions.provenance, templateHash: rendered?.hash ?? '' },
  });
  const recorded = await recordKinds(ctx, plan.kinds);
  if (plan.objects.length > 0)
    await applyPlan(client, plan, { serverSideApply: settings.serverSideApply, log });
  await prune(ctx, recorded, new Set(plan.objects.map((o) => `${kindKey(o)}/${o.metadata.name}`)));

  if (expose.mode === 'none') {
    return entries.map((e) => ({
      service: e.service,
      port: e.port,
      url: undefined,
      command: `kubectl --namespace ${settings.namespace} port-forward pod/${ctx.podName} ${e.publishedPort}:${e.publishedPort}`,
      state: 'not-checked',
      detail: undefined,
    }));
  }
  const urls =
    expose.mode === 'loadbalancer'
      ? await loadBalancerUrls(ctx, plan.objects, entries)
      : entries.map((e) => e.url);
  const { basicAuth } = expose;
  const reachable = urls.filter((u): u is string => u !== undefined);
  const checks = await log.group(`Wait for ${reachable.length} URLs to answer`, () =>
    checkUrls(reachable, {
      timeoutMs: expose.urlTimeoutMs,
      signal: ctx.signal,
      authorization: basicAuth
        ? `Basic ${Buffer.from(`${basicAuth.user}:${basicAuth.password}`).toString('base64')}`
        : undefined,
    }),
  );
  const checkOf = new Map(reachable.map((url, i) => [url, checks[i]!]));
  return entries.map((e, index) => {
    const url = urls[index];
    const check = url ? checkOf.get(url) : undefined;
    if (check) log.info(`  ${url} (${e.service}:${e.port}): ${check.state}, ${check.detail}`);
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

function render(ctx: ExposeContext, entries: ExposureEntry[]): { objects: KubeObject[]; hash: string } {
  const { settings, ids } = ctx;
  const { expose } = settings;
  const labels = identityLabels(ids);
  const template = loadTemplate(expose.template);
  const objects = renderTemplate(template, {
    namespace: settings.namespace,
    id: ids.id,
    envId: ids.envId,
    labels,
    selector: { ...labels, [LABELS.component]: DOCKER_HOST_COMPONENT },
    expose: expose.mode,
    entries,
    ingressClass: expose.ingressClass,
    tlsSecret: expose.tlsSecret,
    ingressAnnotations: expose.ingressAnnotations,
    basicAuth: expose.basicAuth
      ? {
          secretName: `${ids.id}-basic-auth`,
          htpasswd: htpasswdLine(expose.basicAuth.user, expose.basicAuth.password),
        }
      : undefined,
  });
  return { objects, hash: template.hash };
}

/**
 * Records the exposure's kinds on the docker-host workload before creating anything of them, so that a
 * teardown finds them even if this run dies half-way. Returns every kind recorded so far.
 */
async function recordKinds(ctx: ExposeContext, kinds: string[]): Promise<string[]> {
  const host = await ctx.client.read(ctx.dockerHost);
  const before = host?.metadata.annotations?.[ANNOTATIONS.exposureKinds]?.split(',').filter(Boolean) ?? [];
  const all = [...new Set([...before, ...kinds])].sort();
  if (host && all.length !== before.length) {
    await ctx.client.mergePatch({
      apiVersion: ctx.dockerHost.apiVersion,
      kind: ctx.dockerHost.kind,
      metadata: { name: ctx.dockerHost.name, annotations: { [ANNOTATIONS.exposureKinds]: all.join(',') } },
    });
  }
  return all;
}

/** Deletes exposure objects of earlier deploys that this deploy did not render (a port no longer published). */
async function prune(ctx: ExposeContext, kinds: string[], keep: Set<string>): Promise<void> {
  const selector = `${environmentSelector(ctx.ids.id)},${LABELS.component}=${EXPOSE_COMPONENT}`;
  for (const key of kinds) {
    const { apiVersion, kind } = parseKindKey(key);
    if (!(await ctx.client.resource(apiVersion, kind))) continue;
    const { items } = await ctx.client.list<KubeObject>(apiVersion, kind, { labelSelector: selector });
    for (const object of items) {
      if (keep.has(`${key}/${object.metadata.name}`)) continue;
      if (await ctx.client.delete({ apiVersion, kind, name: object.metadata.name }, 'Background')) {
        ctx.log.info(`  ${kind}/${object.metadata.name} deleted: no longer exposed`);
      }
    }
  }
}

interface ServiceObject extends KubeObject {
  spec?: { type?: string; ports?: { port: number }[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

/**
 * Waits (bounded by url-timeout) for each LoadBalancer Service to get an address, and gives every entry
 * the URL of the Service port that carries its published port.
 */
async function loadBalancerUrls(
  ctx: ExposeContext,
  objects: KubeObject[],
  entries: ExposureEntry[],
): Promise<(string | undefined)[]> {
  const services = objects.filter(
    (o): o is ServiceObject => o.kind === 'Service' && (o as ServiceObject).spec?.type === 'LoadBalancer',
  );
  const timeoutMs = ctx.settings.expose.urlTimeoutMs;
  const deadline = Date.now() + timeoutMs;
  const addresses = new Map<string, string>();
  await ctx.log.group(`Wait for the address of ${services.length} LoadBalancer Services`, async () => {
    for (const service of services) {
      const name = service.metadata.name;
      while (true) {
        // sleep() returns at once on an aborted signal: without this the loop would spin until the deadline.
        ctx.signal.throwIfAborted();
        const current = await ctx.client.read<ServiceObject>({ apiVersion: 'v1', kind: 'Service', name });
        const ingress = current?.status?.loadBalancer?.ingress?.[0];
        const address = ingress?.ip ?? ingress?.hostname;
        if (address) {
          addresses.set(name, address.includes(':') ? `[${address}]` : address);
          ctx.log.info(`  Service/${name}: ${address}`);
          break;
        }
        if (Date.now() + LOAD_BALANCER_POLL_MS > deadline) {
          throw new UserError(
            `The LoadBalancer Service ${name} got no address within ${formatDuration(timeoutMs)} (input url-timeout). Does the cluster have a load-balancer implementation (a cloud provider, MetalLB, cloud-provider-kind)? Otherwise set input expose to ingress or none.`,
          );
        }
        await sleep(LOAD_BALANCER_POLL_MS, ctx.signal);
      }
    }
  });
  return entries.map((entry) => {
    const service = services.find((s) => s.spec?.ports?.some((p) => p.port === entry.publishedPort));
    const address = service && addresses.get(service.metadata.name);
    return address ? `http://${address}:${entry.publishedPort}` : undefined;
  });
}
