import { AuthorizationV1Api } from '@kubernetes/client-node';
import type { ApiSession } from './session.js';

/** A rule of a SelfSubjectRulesReview's answer. */
export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

/** What a SelfSubjectAccessReview asks about, in the session's namespace. */
export interface AccessAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
}

/** SelfSubjectRulesReview: what the kubeconfig's identity may do in the namespace, in one request. */
export async function reviewRules(session: ApiSession): Promise<ResourceRule[]> {
  const api = session.kc.makeApiClient(AuthorizationV1Api);
  const review = await session.call('review the rules of this identity', () =>
    api.createSelfSubjectRulesReview({
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectRulesReview',
        spec: { namespace: session.namespace },
      },
    }),
  );
  // Rules are additive: what is listed is granted even when the list is incomplete, so `incomplete`
  // changes nothing for a caller that asks access reviews about the rest.
  return review.status?.resourceRules ?? [];
}

/** SelfSubjectAccessReview: whether the kubeconfig's identity may do `verb` on `resource` in the namespace. */
export async function reviewAccess(session: ApiSession, attributes: AccessAttributes): Promise<boolean> {
  const api = session.kc.makeApiClient(AuthorizationV1Api);
  const what = `${attributes.verb} ${attributes.resource}${attributes.subresource ? `/${attributes.subresource}` : ''}`;
  const review = await session.call(`review access (${what})`, () =>
    api.createSelfSubjectAccessReview({
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { ...attributes, namespace: session.namespace } },
      },
    }),
  );
  return review.status?.allowed === true;
}
