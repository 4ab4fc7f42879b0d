import { createHash } from 'node:crypto';
import { UserError } from '../util/errors.js';

/** Kubernetes names built from the id stay within limits; Preevy gives templates at most 53 characters. */
export const MAX_RESOURCE_ID_LENGTH = 48;
const HASH_LENGTH = 8;

export interface Ids {
  /** The environment: `pr-<number>`, or the `env-id` input. */
  envId: string;
  /** The template's `id`: unique per repository and environment, stable across runs. */
  id: string;
}

/**
 * The environment id `doctor` checks under when it has none: a user checking a cluster has no
 * environment yet, and doctor only reads and dry-runs, so no environment is touched.
 */
export const DOCTOR_ENV_ID = 'doctor';

/** The env-id input, else `pr-<number>`, else `placeholder` (doctor's), else an error saying what to set. */
export function environmentId(
  explicit: string | undefined,
  prNumber: number | undefined,
  placeholder?: string,
): string {
  if (explicit) return explicit;
  if (prNumber !== undefined) return `pr-${prNumber}`;
  if (placeholder) return placeholder;
  throw new UserError(
    'No environment id: this run is not for a pull_request event. Set input env-id (or pass --env-id to the CLI).',
  );
}

/**
 * Derives the template's `id` from the repository and the environment id. It is a DNS label of at most
 * 48 characters that reads as `<repo>-<env-id>-<hash>`. The hash covers the full repository name and env
 * id, so two repositories sharing a namespace never share an id, however their names are truncated.
 */
export function resourceId(repository: string, envId: string): string {
  const hash = shortHash(`${repository.toLowerCase()}\n${envId}`);
  const repoName = slug(repository.split('/').pop() ?? '');
  const room = MAX_RESOURCE_ID_LENGTH - HASH_LENGTH - 1;
  let readable = slug(`${repoName}-${envId}`);
  if (readable.length > room) {
    // Keep the env id whole when it fits, trimming the repository name first.
    const repoRoom = room - envId.length - 1;
    readable = repoRoom > 0 ? `${repoName.slice(0, repoRoom)}-${envId}` : envId.slice(0, room);
  }
  return `${slug(readable)}-${hash}`;
}

/** 8 hex digits of the text's SHA-256: what keeps names that were shortened or cleaned apart. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, HASH_LENGTH);
}

/** Lower case letters, digits and single inner dashes: what a DNS label may hold. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}
