import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Crud } from './crud.js';
import { patch } from './crud-patch.js';
import type { JsonObject } from './patch.js';
import { accessReview, forbidden, rulesReview, type Policy } from './rbac.js';
import { findType, groupList, resourceList, typeOfKind, type ResourceType } from './resources.js';
import { StatusError } from './status.js';
import { upgradeDenial, versionInfo } from './upgrades.js';
import type { Watches } from './watch.js';
import { NotFoundPage, decode, methodNotAllowed, notFoundPage, sendJson, status } from './wire.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string | undefined;
}

/** Sub-resources handled outside the REST store (exec and port-forward, over WebSocket upgrades). */
export type UpgradeHandler = (
  request: http.IncomingMessage,
  socket: Duplex,
  head: Buffer,
  target: { namespace: string; pod: JsonObject; subresource: string; query: URLSearchParams },
) => void;

/** What of the server's settings routing reads, at each request (tests change them as they go). */
export interface RouteSettings extends Policy {
  readonly token: string;
  readonly kubernetesVersion: string;
  readonly upgradeHandler: UpgradeHandler | undefined;
}

/** A resource's URL, resolved: `/api[s]/<group/>version/[namespaces/<ns>/]plural[/name[/sub]]`. */
interface Target {
  group: string;
  type: ResourceType;
  namespace: string | undefined;
  name: string | undefined;
  subresource: string | undefined;
}

/** URL → handler, as the API server's mux and its REST handlers do, with authorization on the way. */
export class Router {
  constructor(
    private readonly settings: RouteSettings,
    private readonly crud: Crud,
    private readonly watches: Watches,
  ) {}

  route(request: RecordedRequest, body: Buffer, req: http.IncomingMessage, res: http.ServerResponse): void {
    const root = request.method === 'GET' ? this.root(request.path) : undefined;
    if (root) return sendJson(res, 200, root);
    const { group, version, rest } = servedPath(request.path);
    if (rest.length === 0) {
      if (request.method !== 'GET') throw methodNotAllowed(request.method);
      return sendJson(res, 200, resourceList(group, version));
    }
    const target = resolve(group, version, rest);
    const { method } = request;
    const { type, name } = target;
    if (type.name === 'selfsubjectaccessreviews' || type.name === 'selfsubjectrulesreviews') {
      if (method !== 'POST' || name !== undefined) throw methodNotAllowed(method);
      const review = type.name === 'selfsubjectaccessreviews' ? accessReview : rulesReview;
      return sendJson(res, 201, review(this.settings, decode(body, request.contentType) as JsonObject));
    }
    this.authorize(request, target);
    if (name === undefined) return this.collection(request, body, target, req, res);
    return this.object(request, body, { ...target, name }, res);
  }

  /**
   * An exec, attach or port-forward upgrade: the token, a pod that exists, a verb the user may use on it (which
   * verb depends on the server's version: upgrades.ts), then the handler that speaks the protocol.
   */
  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/(exec|portforward|attach)$/.exec(url.pathname);
    const fail = (code: number, text: string) => {
      socket.end(
        `HTTP/1.1 ${code} ${http.STATUS_CODES[code]}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${text}`,
      );
    };
    if (req.headers.authorization !== `Bearer ${this.settings.token}`) return fail(401, 'Unauthorized');
    if (!m) return fail(404, '404 page not found');
    const pod = this.crud.get(typeOfKind('v1', 'Pod')!, m[1], m[2]!);
    if (!pod) return fail(404, `pods "${m[2]}" not found`);
    const target = { namespace: m[1]!, name: m[2]!, subresource: m[3]! };
    const denied = upgradeDenial(this.settings.kubernetesVersion, target, (verb) =>
      forbidden(this.settings, { verb, group: '', resource: 'pods', ...target }),
    );
    if (denied) {
      const body = JSON.stringify(status(denied));
      socket.end(
        `HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      return;
    }
    const handler = this.settings.upgradeHandler;
    if (!handler) return fail(400, 'upgrade not supported by this double');
    handler(req, socket, head, { namespace: m[1]!, pod, subresource: m[3]!, query: url.searchParams });
  }

  /** Discovery's roots, which are not under a group/version. */
  private root(path: string): object | undefined {
    if (path === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] };
    if (path === '/apis') return groupList();
    if (path === '/version') return versionInfo(this.settings.kubernetesVersion);
    return undefined;
  }

  /** RBAC for the request's verb, then the API server's ValidateDryRun ("All" is the only value). */
  private authorize(request: RecordedRequest, target: Target): void {
    const { group, type, subresource, namespace, name } = target;
    const verb = verbOf(request.method, name, request.query);
    const denied = forbidden(this.settings, {
      verb,
      group,
      resource: type.name,
      subresource,
      namespace,
      name,
    });
    if (denied) throw denied;
    const dryRun = request.query.getAll('dryRun');
    if (dryRun.some((v) => v !== 'All')) {
      throw new StatusError(
        400,
        'BadRequest',
        `dryRun: Unsupported value: []string{${dryRun.map((v) => `"${v}"`).join(', ')}}: supported values: "All"`,
      );
    }
  }

  private collection(
    request: RecordedRequest,
    body: Buffer,
    { type, namespace }: Target,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): void {
    const { method, query: q } = request;
    if (method === 'GET' && isWatch(q)) return this.watches.watch(type, namespace, q, req, res);
    if (method === 'GET') return sendJson(res, 200, this.watches.list(type, namespace, q));
    if (method === 'POST') {
      const object = decode(body, request.contentType);
      return sendJson(res, 201, this.crud.create(type, namespace, object, q));
    }
    throw methodNotAllowed(method);
  }

  private object(
    request: RecordedRequest,
    body: Buffer,
    { type, namespace, name, subresource }: Target & { name: string },
    res: http.ServerResponse,
  ): void {
    const { method, query: q, contentType } = request;
    if (subresource !== undefined && subresource !== 'status') throw notFoundPage();
    const statusOnly = subresource === 'status';
    if (method === 'GET') return sendJson(res, 200, this.crud.mustGet(type, namespace, name));
    if (method === 'PUT') {
      const replaced = this.crud.replace(type, namespace, name, decode(body, contentType), q, statusOnly);
      return sendJson(res, 200, replaced);
    }
    if (method === 'PATCH') {
      const [code, object] = patch(this.crud, { type, namespace, name, statusOnly }, body, contentType, q);
      return sendJson(res, code, object);
    }
    if (method === 'DELETE') {
      const options = body.length ? (decode(body, contentType) as JsonObject) : {};
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

/**
 * The group, version and the rest of a path under `/api` or `/apis`. A group/version the server does
 * not serve is not routed at all: a plain-text 404 page, not a Status
 * (../shared/real-cluster/api/unknown-kind.json).
 */
function servedPath(path: string): { group: string; version: string; rest: string[] } {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') [group, version, rest] = ['', parts[1] ?? '', parts.slice(2)];
  else if (parts[0] === 'apis') [group, version, rest] = [parts[1] ?? '', parts[2] ?? '', parts.slice(3)];
  else throw new NotFoundPage();
  if (!resourceList(group, version)) throw new NotFoundPage();
  return { group, version, rest };
}

function resolve(group: string, version: string, path: string[]): Target {
  let rest = path;
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
  return { group, type, namespace, name, subresource };
}

function isWatch(q: URLSearchParams): boolean {
  return q.get('watch') === 'true' || q.get('watch') === '1';
}

/** The RBAC verb of a request: a GET is get, list or watch; DELETE on a collection deletecollection. */
function verbOf(method: string, name: string | undefined, q: URLSearchParams): string {
  if (method === 'GET') return name !== undefined ? 'get' : isWatch(q) ? 'watch' : 'list';
  const verbs: Record<string, string> = {
    POST: 'create',
    PUT: 'update',
    PATCH: 'patch',
    DELETE: name ? 'delete' : 'deletecollection',
  };
  return verbs[method] ?? method.toLowerCase();
}
