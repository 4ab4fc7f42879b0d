import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { stringify } from 'yaml';
import type { Behaviour } from './behaviour.js';
import { Controllers } from './controllers.js';
import { Crud } from './crud.js';
import { Fixtures } from './fixtures.js';
import type { PolicyRule } from './rbac.js';
import { Router, type RecordedRequest, type UpgradeHandler } from './router.js';
import { StatusError } from './status.js';
import { Store } from './store.js';
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
  /** What tests arrange in the cluster and read back from it (fixtures.ts). */
  readonly fixtures: Fixtures;
  /** The simulated controllers' loop, for fault injection to pause while the API server is away. */
  readonly controllers: Pick<Controllers, 'start' | 'stop' | 'behaviour'>;
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
    const store = new Store();
    const controllers = (this.controllers = new Controllers(store, behaviour));
    this.watches = new Watches(store, controllers.behaviour);
    this.crud = new Crud(store, controllers);
    this.router = new Router(this, this.crud, this.watches);
    this.fixtures = new Fixtures(store, this.crud);
    for (const name of ['default', 'kube-system']) this.fixtures.addNamespace(name);
    // A default StorageClass, as kind and the managed clusters install one (kind's is `standard`).
    this.fixtures.seed('StorageClass', {
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
