import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { stringify } from 'yaml';
import type { Behaviour } from './behaviour.js';
import { Controllers } from './controllers.js';
import { Crud } from './crud.js';
import type { Json, JsonObject } from './patch.js';
import type { PolicyRule } from './rbac.js';
import { typeOfKind, type ResourceType } from './resources.js';
import { Router, type RecordedRequest, type UpgradeHandler } from './router.js';
import { parseLabelSelector } from './selectors.js';
import { StatusError } from './status.js';
import { Store, meta } from './store.js';
import { serverCredentials } from './tls.js';
import { RECORDED_VERSION } from './upgrades.js';
import { Watches } from './watch.js';
import { readBody, sendError } from './wire.js';

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
  private readonly router: Router;

  constructor(behaviour: Partial<Behaviour> = {}) {
    this.controllers = new Controllers(this.store, behaviour);
    this.watches = new Watches(this.store, this.controllers.behaviour);
    this.crud = new Crud(this.store, this.controllers);
    this.router = new Router(this, this.crud, this.watches);
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
      this.admit(req, undefined, () => this.router.upgrade(req, socket, head)),
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
      this.router.route(recorded, body, req, res);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, error);
    }
  }
}
