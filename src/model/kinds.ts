import { WORKLOAD_KIND_KEYS, kindKey, type KubeObject, type ObjectMeta } from './objects.js';

/**
 * The Kubernetes kinds kube-pod-preview reads fields of, with only those fields: what the API server
 * returns (or a template renders) is not checked against them, so every field stays optional but the
 * few the API server always sets. The type guards test the kind alone.
 */

/** Metadata as the API server returns it: what it sets besides what was sent. */
export interface StoredMeta extends ObjectMeta {
  uid?: string;
  generation?: number;
  /** A string or a Date: the client library turns times into Dates only for the kinds it knows. */
  creationTimestamp?: string | Date;
  deletionTimestamp?: string | Date;
  deletionGracePeriodSeconds?: number;
  ownerReferences?: { uid: string; kind: string }[];
}

/** An object as the API server returned it. */
export interface StoredObject extends KubeObject {
  metadata: StoredMeta;
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
}

export interface Container {
  name: string;
  image?: string;
  command?: unknown[];
  args?: unknown[];
}

export interface PodSpec {
  containers?: Container[];
  volumes?: unknown[];
  serviceAccountName?: string;
  /** The deprecated alias of serviceAccountName, which the API server still reads when that is empty. */
  serviceAccount?: string;
  [field: string]: unknown;
}

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface ContainerStatus {
  name: string;
  image?: string;
  ready?: boolean;
  restartCount?: number;
  state?: {
    waiting?: { reason?: string; message?: string };
    terminated?: { reason?: string; exitCode?: number; message?: string };
  };
}

export interface Pod extends StoredObject {
  spec?: PodSpec;
  status?: {
    phase?: string;
    conditions?: Condition[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
  };
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec?: PodSpec;
}

export interface ClaimSpec {
  storageClassName?: string;
}

/** A StatefulSet or a Deployment: the kinds that may run the Docker server. */
export interface Workload extends StoredObject {
  spec?: {
    replicas?: number;
    selector?: LabelSelector;
    template?: PodTemplate;
    /** A StatefulSet's. */
    volumeClaimTemplates?: { metadata?: { name?: string }; spec?: ClaimSpec }[];
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    readyReplicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    updateRevision?: string;
  };
}

/** The ReplicaSets a Deployment makes of each of its templates. */
export interface ReplicaSet extends StoredObject {
  spec?: { selector?: LabelSelector };
}

export interface Service extends KubeObject {
  spec?: { type?: string; ports?: { port: number }[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

export interface Ingress extends KubeObject {
  spec?: { ingressClassName?: string };
}

export interface PersistentVolumeClaim extends KubeObject {
  spec?: ClaimSpec;
  status?: { phase?: string };
}

export interface Lease extends KubeObject {
  spec?: {
    holderIdentity?: string;
    leaseDurationSeconds?: number;
    acquireTime?: string;
    renewTime?: string;
  };
}

/** A core/v1 Event: what a controller or the kubelet says about an object. */
export interface KubeEvent extends StoredObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  involvedObject?: { kind?: string; name?: string; uid?: string };
  lastTimestamp?: string | Date;
  eventTime?: string | Date;
}

export function isWorkload(object: KubeObject): object is Workload {
  return WORKLOAD_KIND_KEYS.includes(kindKey(object));
}

export function isService(object: KubeObject): object is Service {
  return object.kind === 'Service';
}

export function isIngress(object: KubeObject): object is Ingress {
  return object.kind === 'Ingress';
}

export function isClaim(object: KubeObject): object is PersistentVolumeClaim {
  return object.kind === 'PersistentVolumeClaim';
}
