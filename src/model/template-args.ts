import type { ExposureEntry } from './exposure.js';
import type { PodSettings } from './pod-settings.js';
import type { ExposeSettings } from './settings.js';

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
  /** Registry hosts dockerd may reach over plain HTTP: input build-cache's. */
  insecureRegistries?: string[];
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
