/** The part of compose's normalized model that kube-pod-preview reads. */
export interface ComposeModel {
  name: string;
  services: Record<string, ComposeService>;
  secrets?: Record<string, { file?: string; [key: string]: unknown }>;
  configs?: Record<string, { file?: string; [key: string]: unknown }>;
  'x-preevy'?: unknown;
  [key: string]: unknown;
}

export interface ComposeService {
  volumes?: ComposeVolume[];
  [key: string]: unknown;
}

/** A volume in the long syntax `docker compose config` normalizes every volume to. */
export interface ComposeVolume {
  type: string;
  source?: string;
  target: string;
  [key: string]: unknown;
}
