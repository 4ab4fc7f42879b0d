import { ApiException } from '@kubernetes/client-node';
import { UserError } from '../util/errors.js';

/** A Kubernetes `Status` as the API server returns it with an error. */
export interface Status {
  message?: string;
  reason?: string;
  details?: {
    kind?: string;
    name?: string;
    causes?: { reason?: string; message?: string; field?: string }[];
  };
}

/** An API call that failed: the API server's own message, what we were doing, and what to do about it. */
export class KubeApiError extends UserError {
  override name = 'KubeApiError';
  constructor(
    readonly code: number,
    message: string,
    /** The Status the server answered with, when it sent one. */
    readonly status: Status = {},
  ) {
    super(message);
  }

  /** The other field managers a server-side apply conflicted with (409 Conflict), from its causes. */
  get conflictingManagers(): string[] {
    if (this.code !== 409 || this.status.reason !== 'Conflict') return [];
    const names = (this.status.details?.causes ?? []).map(
      (c) => /conflict with "([^"]+)"/.exec(c.message ?? '')?.[1],
    );
    return [...new Set(names.filter((n): n is string => n !== undefined))];
  }

  /**
   * A 403 of RBAC ("User … cannot create resource …"), not of admission (Pod Security, a quota, a
   * webhook refusing the object itself): the two have different fixes.
   */
  get rbacDenied(): boolean {
    return this.code === 403 && isRbacDenial(this.status.message ?? this.message);
  }

  /** The namespace itself does not exist (404 naming `namespaces`), not merely the object. */
  get namespaceMissing(): boolean {
    return this.code === 404 && this.status.details?.kind === 'namespaces';
  }
}

/**
 * The failure of the call `what` as users read it: a KubeApiError with the server's message and what
 * to do for an answer of the API server, a UserError naming `server` for a network failure.
 */
export function apiFailure(
  what: string,
  error: unknown,
  where: { namespace: string; server: string },
): Error {
  if (error instanceof ApiException) {
    const code = error.code as number;
    const status = parseStatus(error.body);
    const message =
      status.message ?? (typeof error.body === 'string' && error.body ? error.body : `HTTP ${code}`);
    return new KubeApiError(
      code,
      `Cannot ${what}: ${message}${remedyOf(code, status, where.namespace)}`,
      status,
    );
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (error instanceof TypeError && cause) return new UserError(explainUnreachable(where.server, cause));
  return error instanceof Error ? error : new Error(String(error));
}

/** The call's result, or `fallback` when the API server answered 404 Not Found. */
export async function ifNotFound<T, F>(call: Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof KubeApiError && error.code === 404) return fallback;
    throw error;
  }
}

/** What to do about an answer of the API server, as a sentence that follows its message. */
function remedyOf(code: number, status: Status, namespace: string): string {
  switch (code) {
    case 401:
      return explainUnauthorized();
    case 403:
      return explainForbidden(status.message ?? '');
    case 404:
      return status.details?.kind === 'namespaces' ? explainMissingNamespace(namespace) : '';
    case 422:
      return explainInvalid(status.message ?? '');
    default:
      return '';
  }
}

function explainUnauthorized(): string {
  return '. The cluster rejected the credentials: renew the token or certificate in the kubeconfig.';
}

/**
 * A 403 is RBAC's ("User … cannot create resource …") or admission's: Pod Security, a quota, a policy
 * webhook refusing the object itself. Each has its own fix.
 */
function explainForbidden(message: string): string {
  if (isRbacDenial(message))
    return ". The kubeconfig's identity lacks this permission: grant it with a Role in the namespace (see deploy/rbac.yaml).";
  if (/violates PodSecurity/.test(message))
    return ". The namespace's Pod Security level forbids the Docker server's pod: give previews a namespace of their own labelled pod-security.kubernetes.io/enforce=privileged, or use a template that runs unprivileged (template: sysbox).";
  return ". The cluster's admission refused it (a quota, a LimitRange, a policy or webhook): change the template or inputs to fit, or ask the cluster's operator.";
}

function explainMissingNamespace(namespace: string): string {
  return `. Create the namespace (kubectl create namespace ${namespace}) or set input namespace to an existing one.`;
}

/** A 422: an object the API server will not store, most often one the template produced. */
function explainInvalid(message: string): string {
  return /updates to statefulset spec for fields other than/.test(message)
    ? '. A StatefulSet cannot change its volumeClaimTemplates (storage-size, storage-class) or selector in place: run `down` for this environment first, then `up`.'
    : '. The template produced an object the API server rejects: fix the template.';
}

function explainUnreachable(server: string, cause: { code?: string; message?: string }): string {
  return `Cannot reach the Kubernetes API server at ${server} (${cause.code ?? cause.message}). Check the kubeconfig's cluster address and that the runner can reach it.`;
}

/** RBAC's authorizer words every denial "User "…" cannot <verb> resource "…" in API group …". */
function isRbacDenial(message: string): boolean {
  return / cannot [a-z]+ resource /.test(message);
}

/** The library hands over the error body as text; the API server sends a Status object as JSON. */
function parseStatus(body: unknown): Status {
  if (typeof body === 'object' && body !== null) return body as Status;
  if (typeof body !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Status) : {};
  } catch {
    return {};
  }
}
