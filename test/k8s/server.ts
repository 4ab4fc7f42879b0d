import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { stringify } from 'yaml';
import { Controllers, type Behaviour } from './controllers.js';
import { Crud } from './crud.js';
import { patch } from './crud-patch.js';
import type { Json, JsonObject } from './patch.js';
import { accessReview, forbidden, rulesReview, type PolicyRule } from './rbac.js';
import { findType, groupList, resourceList, typeOfKind, type ResourceType } from './resources.js';
import { parseLabelSelector } from './selectors.js';
import { StatusError } from './status.js';
import { Store, meta } from './store.js';
import { serverCredentials } from './tls.js';
import { RECORDED_VERSION, upgradeDenial, versionInfo } from './upgrades.js';
import { Watches } from './watch.js';
import {
  NotFoundPage,
  decode,
  methodNotAllowed,
  notFoundPage,
  readBody,
  sendError,
  sendJson,
  status,
} from './wire.js';

export { StatusError };

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string | undefined;
}

/** Sub-resources handled outside the REST store (exec and port-forward, over WebSocket upgrades). */
export type UpgradeHandler = (
  request: http.IncomingMessage,
  socket: import('node:stream').Duplex,
  head: Buffer,
  target: { namespace: string; pod: JsonObject; subresource: string; query: URLSearchParams },
) => void;

/**
 * A wire-level test double of the Kubernetes API server: REST with the documented status codes, Status
 * bodies and content types; label and field selectors; server-side apply and the three patch types;
 * delete with propagation policies and finalizers; watches with resourceVersions, bookmarks and 410 Gone;
 * and simulated controllers (StatefulSet, Deployment, ReplicaSet, kubelet, PVC binding, garbage collector).
 */
export class FakeKubeApiServer {
  readonly store = new Store();
  readonly controllers: Controllers;
  readonly requests: RecordedRequest[] = [];
  readonly token = 'kube-pod-preview-test-token';
  /** Consulted before each request; return a StatusError to fail it (fault injection). */
  interceptor: ((request: RecordedRequest) => StatusError | undefined) | undefined;
  upgradeHandler: UpgradeHandler | undefined;
  /**
   * Fault injection (test/k8s/outage.ts): sees every request (with its response) and every upgrade
   * (without) first; a promise it returns holds the request until it settles.
   */
  gate:
    | ((req: http.IncomingMessage, res: http.ServerResponse | undefined) => Promise<void> | undefined)
    | undefined;
  /**
   * RBAC: when set, every request is authorized against these rules, as one Role bound to the token's
   * user in every namespace; discovery and self-reviews (access, rules) stay open to every user, as the
   * system:discovery and system:basic-user ClusterRoles make them. Undefined: everything is allowed.
   */
  rules: PolicyRule[] | undefined;
  /** Who the token is, in RBAC's messages. */
  user = 'system:serviceaccount:default:kube-pod-preview';
  /**
   * The version the server answers GET /version with, and authorizes WebSocket upgrades as (upgrades.ts);
   * by default that of the cluster the recordings under shared/real-cluster came from.
   */
  kubernetesVersion = RECORDED_VERSION;
  private server: https.Server | undefined;
  private readonly credentials = serverCredentials();
  private readonly watches: Watches;
  private readonly crud: Crud;

  constructor(behaviour: Partial<Behaviour> = {}) {
    this.controllers = new Controllers(this.store, behaviour);
    this.watches = new Watches(this.store, this.controllers.behaviour);
    this.crud = new Crud(this.store, this.controllers);
    for (const name of ['default', 'kube-system']) this.createNamespace(name);
    // A default StorageClass, as kind and the managed clusters install one (kind's is `standard`).
    this.seed('storage.k8s.io/v1', 'StorageClass', {
      metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    });
  }

  get behaviour(): Behaviour {
    return this.controllers.behaviour;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('the API server double is not started');
    return `https://127.0.0.1:${address.port}`;
  }

  async start(): Promise<string> {
    this.server = https.createServer({ key: this.credentials.key, cert: this.credentials.cert }, (req, res) =>
      this.admit(req, res, () => void this.handle(req, res)),
    );
    this.server.on('upgrade', (req, socket, head) =>
      this.admit(req, undefined, () => this.upgrade(req, socket, head)),
    );
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.controllers.start();
    return this.url;
  }

  async stop(): Promise<void> {
    this.controllers.stop();
    this.watches.resetAll();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A kubeconfig for this server: its CA, and a bearer token the server checks. */
  kubeconfig(context = 'double'): string {
    return stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: context,
          cluster: {
            server: this.url,
            'certificate-authority-data': Buffer.from(this.credentials.ca).toString('base64'),
          },
        },
      ],
      users: [{ name: context, user: { token: this.token } }],
      contexts: [{ name: context, context: { cluster: context, user: context } }],
      'current-context': context,
    });
  }

  /** Ends every open watch, as an API server restart or a load balancer's idle timeout does. */
  endWatches(): void {
    this.watches.endAll();
  }

  /**
   * Drops every open watch's connection without an ERROR event or the body's end, as the kernel closes
   * a killed server's sockets (a Node client sees ECONNRESET, "aborted").
   */
  resetWatches(): void {
    this.watches.resetAll();
  }

  /** The listening server, for fault injection (test/k8s/outage.ts) to stop and start listening. */
  get listener(): https.Server | undefined {
    return this.server;
  }

  private admit(req: http.IncomingMessage, res: http.ServerResponse | undefined, go: () => void): void {
    const held = this.gate?.(req, res);
    if (!held) return go();
    void held.then(() => !req.socket.destroyed && go());
  }

  /** A namespace; its labels may set Pod Security (`pod-security.kubernetes.io/enforce: baseline`). */
  createNamespace(name: string, labels: Record<string, string> = {}): void {
    const type = typeOfKind('v1', 'Namespace')!;
    const metadata = { name, ...(Object.keys(labels).length ? { labels } : {}) } as unknown as Json;
    this.store.create(type, { metadata, status: { phase: 'Active' } }, false);
  }

  /** Labels an existing namespace, as `kubectl label namespace` does. */
  labelNamespace(name: string, labels: Record<string, string>): void {
    const type = typeOfKind('v1', 'Namespace')!;
    const ns = structuredClone(this.crud.mustGet(type, undefined, name));
    meta(ns).labels = { ...meta(ns).labels, ...labels };
    this.store.update(type, ns);
  }

  /** An object an operator made beforehand (a StorageClass, an IngressClass, a Secret), stored as is. */
  seed(apiVersion: string, kind: string, object: JsonObject): void {
    const type = typeOfKind(apiVersion, kind)!;
    this.store.create(type, { apiVersion, kind, ...structuredClone(object) }, false);
  }

  /** Creates a bare pod (no workload) and resolves once the simulated kubelet runs it. */
  async runningPod(name: string, namespace = 'default'): Promise<void> {
    const pods = typeOfKind('v1', 'Pod')!;
    const spec = { containers: [{ name: 'docker', image: 'docker:dind' }] };
    this.crud.create(pods, namespace, { metadata: { name }, spec }, new URLSearchParams());
    // Running and Ready: the kubelet's last status change, so a watch opened after sees no event.
    const settled = () => {
      const status = this.store.get(pods, namespace, name)?.status as JsonObject | undefined;
      const conditions = (status?.conditions ?? []) as JsonObject[];
      return status?.phase === 'Running' && conditions.some((c) => c.type === 'Ready' && c.status === 'True');
    };
    while (!settled()) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Every object in a namespace, across kinds, as `Kind/name`: what a test expects not to be there. */
  objectsIn(namespace: string): string[] {
    return this.store
      .all()
      .filter((e) => e.resource.kind !== 'Event' && meta(e.object).namespace === namespace)
      .map((e) => `${e.resource.kind}/${meta(e.object).name}`)
      .sort();
  }

  /** Installs a RuntimeClass (cluster-scoped), as a cluster with that container runtime has. */
  createRuntimeClass(name: string, handler = name): void {
    this.store.create(
      typeOfKind('node.k8s.io/v1', 'RuntimeClass')!,
      { metadata: { name } as unknown as Json, handler },
      false,
    );
  }

  /** Every object whose labels match, across kinds, as `Kind/name`. */
  objectsMatching(selector: string): string[] {
    const matches = parseLabelSelector(selector);
    return this.store
      .all()
      .filter((e) => matches(meta(e.object).labels ?? {}))
      .map((e) => `${e.resource.kind}/${meta(e.object).name}`)
      .sort();
  }

  /** A client's create, through admission and validation. */
  create(type: ResourceType, namespace: string | undefined, input: Json, q: URLSearchParams): JsonObject {
    return this.crud.create(type, namespace, input, q);
  }

  /** A client's delete, with its propagation policy. */
  delete(type: ResourceType, namespace: string | undefined, name: string, propagationPolicy: string): void {
    this.crud.delete(type, namespace, name, propagationPolicy);
  }

  /** The CA that signed the server's certificate. */
  get ca(): string {
    return this.credentials.ca;
  }

  private upgrade(req: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/(exec|portforward|attach)$/.exec(url.pathname);
    const fail = (code: number, text: string) => {
      socket.end(
        `HTTP/1.1 ${code} ${http.STATUS_CODES[code]}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${text}`,
      );
    };
    if (req.headers.authorization !== `Bearer ${this.token}`) return fail(401, 'Unauthorized');
    if (!m) return fail(404, '404 page not found');
    const pod = this.store.get(typeOfKind('v1', 'Pod')!, m[1], m[2]!);
    if (!pod) return fail(404, `pods "${m[2]}" not found`);
    const target = { namespace: m[1]!, name: m[2]!, subresource: m[3]! };
    const denied = upgradeDenial(this.kubernetesVersion, target, (verb) =>
      forbidden(this, { verb, group: '', resource: 'pods', ...target }),
    );
    if (denied) {
      const body = JSON.stringify(status(denied));
      socket.end(
        `HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      return;
    }
    if (!this.upgradeHandler) return fail(400, 'upgrade not supported by this double');
    this.upgradeHandler(req, socket, head, {
      namespace: m[1]!,
      pod,
      subresource: m[3]!,
      query: url.searchParams,
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      contentType: req.headers['content-type']?.split(';')[0],
    };
    this.requests.push(recorded);
    try {
      if (req.headers.authorization !== `Bearer ${this.token}`) {
        throw new StatusError(401, 'Unauthorized', 'Unauthorized');
      }
      const injected = this.interceptor?.(recorded);
      if (injected) throw injected;
      const body = await readBody(req);
      await this.route(recorded, body, req, res);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, error);
    }
  }

  private async route(
    request: RecordedRequest,
    body: Buffer,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<void> {
    const parts = request.path.split('/').filter(Boolean).map(decodeURIComponent);
    if (request.method === 'GET' && request.path === '/api') {
      return sendJson(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
    }
    if (request.method === 'GET' && request.path === '/apis') return sendJson(res, 200, groupList());
    if (request.method === 'GET' && request.path === '/version') {
      return sendJson(res, 200, versionInfo(this.kubernetesVersion));
    }
    let group: string;
    let version: string;
    let rest: string[];
    if (parts[0] === 'api') [group, version, rest] = ['', parts[1] ?? '', parts.slice(2)];
    else if (parts[0] === 'apis') [group, version, rest] = [parts[1] ?? '', parts[2] ?? '', parts.slice(3)];
    else throw new NotFoundPage();
    // A group/version the server does not serve is not routed at all: a plain-text 404 page, not a
    // Status (../shared/real-cluster/api/unknown-kind.json).
    const served = resourceList(group, version);
    if (!served) throw new NotFoundPage();
    if (rest.length === 0) {
      if (request.method !== 'GET') throw methodNotAllowed(request.method);
      return sendJson(res, 200, served);
    }
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const [plural, name, subresource] = rest;
    const type = findType(group, version, plural!);
    if (!type || rest.length > 3) throw notFoundPage();
    if (namespace !== undefined && !type.namespaced) throw notFoundPage();
    if (type.namespaced && namespace === undefined && name !== undefined) throw notFoundPage();
    const method = request.method;
    const q = request.query;
    if (type.name === 'selfsubjectaccessreviews') {
      if (method !== 'POST' || name !== undefined) throw methodNotAllowed(method);
      return sendJson(res, 201, accessReview(this, decode(body, request.contentType) as JsonObject));
    }
    if (type.name === 'selfsubjectrulesreviews') {
      if (method !== 'POST' || name !== undefined) throw methodNotAllowed(method);
      return sendJson(res, 201, rulesReview(this, decode(body, request.contentType) as JsonObject));
    }
    const verb =
      method === 'GET'
        ? name !== undefined
          ? 'get'
          : q.get('watch') === 'true' || q.get('watch') === '1'
            ? 'watch'
            : 'list'
        : ({ POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: name ? 'delete' : 'deletecollection' }[
            method
          ] ?? method.toLowerCase());
    const denied = forbidden(this, { verb, group, resource: type.name, subresource, namespace, name });
    if (denied) throw denied;
    // The API server's ValidateDryRun: "All" is the only value (API concepts, "Dry-run").
    const dryRun = q.getAll('dryRun');
    if (dryRun.some((v) => v !== 'All')) {
      throw new StatusError(
        400,
        'BadRequest',
        `dryRun: Unsupported value: []string{${dryRun.map((v) => `"${v}"`).join(', ')}}: supported values: "All"`,
      );
    }

    if (name === undefined) {
      if (method === 'GET' && (q.get('watch') === 'true' || q.get('watch') === '1'))
        return this.watches.watch(type, namespace, q, req, res);
      if (method === 'GET') return sendJson(res, 200, this.watches.list(type, namespace, q));
      if (method === 'POST') {
        const object = decode(body, request.contentType);
        return sendJson(res, 201, this.crud.create(type, namespace, object, q));
      }
      throw methodNotAllowed(method);
    }
    if (subresource !== undefined && subresource !== 'status') throw notFoundPage();
    if (method === 'GET') return sendJson(res, 200, this.crud.mustGet(type, namespace, name));
    if (method === 'PUT') {
      return sendJson(
        res,
        200,
        this.crud.replace(
          type,
          namespace,
          name,
          decode(body, request.contentType),
          q,
          subresource === 'status',
        ),
      );
    }
    if (method === 'PATCH') {
      const target = { type, namespace, name, statusOnly: subresource === 'status' };
      const [code, object] = patch(this.crud, target, body, request.contentType, q);
      return sendJson(res, code, object);
    }
    if (method === 'DELETE') {
      const options = body.length ? (decode(body, request.contentType) as JsonObject) : {};
      const grace = q.get('gracePeriodSeconds') ?? options.gracePeriodSeconds;
      const [code, result] = this.crud.delete(
        type,
        namespace,
        name,
        String(q.get('propagationPolicy') ?? options.propagationPolicy ?? 'Background'),
        grace === undefined || grace === null ? undefined : Number(grace),
      );
      return sendJson(res, code, result);
    }
    throw methodNotAllowed(method);
  }
}
