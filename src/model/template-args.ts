import { htpasswdLine, type ExposureEntry } from './exposure.js';
import type { Ids } from './ids.js';
import { DOCKER_HOST_COMPONENT, LABELS, identityLabels } from './objects.js';
import type { PodSettings } from './pod-settings.js';
import type { ExposeSettings, Settings } from './settings.js';

/**
 * The arguments a pod template is rendered with: Preevy's four, plus what a PR preview knows, plus the
 * pod inputs (PodSettings: dockerImage, resources, nodeSelector, tolerations, priorityClassName,
 * registryMirrors) under their own names.
 */
export interface TemplateArgs extends PodSettings {
  namespace: string;
  id: string;
  storageClass: string | undefined;
  storageSize: number;
  labels: Record<string, string>;
  envId: string;
  prNumber: number | undefined;
  repository: string;
  sha: string | undefined;
  /** The compose project's name. */
  project: string;
}

/** The arguments of the exposure template: one entry per published TCP port, and how to expose them. */
export interface ExposureTemplateArgs {
  namespace: string;
  id: string;
  envId: string;
  labels: Record<string, string>;
  /** Selects the docker-host pod, whatever the pod template's own labels. */
  selector: Record<string, string>;
  expose: ExposeSettings['mode'];
  entries: ExposureEntry[];
  ingressClass: string | undefined;
  tlsSecret: string | undefined;
  ingressAnnotations: Record<string, string>;
  basicAuth: { secretName: string; htpasswd: string } | undefined;
}

export function templateArgs(
  settings: Settings,
  ids: Ids,
  run: { repository: string; prNumber: number | undefined; sha: string | undefined; project: string },
): TemplateArgs {
  return {
    namespace: settings.namespace,
    id: ids.id,
    storageClass: settings.storageClass,
    storageSize: settings.storageSize,
    labels: identityLabels(ids),
    envId: ids.envId,
    ...run,
    ...settings.pod,
  };
}

export function exposureTemplateArgs(
  namespace: string,
  expose: ExposeSettings,
  ids: Ids,
  entries: ExposureEntry[],
): ExposureTemplateArgs {
  const labels = identityLabels(ids);
  return {
    namespace,
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
  };
}
