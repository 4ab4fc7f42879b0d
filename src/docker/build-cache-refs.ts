import { REPOSITORY_COMPONENT } from '../model/build-cache-prefix.js';
import { shortHash, slug } from '../model/ids.js';
import type { ComposeModel } from './compose-model.js';

/** Input build-cache, resolved for one deploy. */
export interface BuildCacheSettings {
  /**
   * Where caches live: a registry reference prefix the Docker server reaches, without a tag
   * (`registry.previews.svc.cluster.local:5000/cache`). Each built service gets a repository below it.
   */
  prefix: string;
  /**
   * The environment's id (the resource id, which names its repository too): its own last deploy is
   * imported from, and exported to, tag `env-<id>`.
   */
  envId: string;
  /**
   * The branch a push builds (`refs/heads/main`): exported to and imported from. Only pushes have
   * one: a pull request's code never exports under a branch's name, nor with the runner's login.
   */
  ownRef?: string | undefined;
  /** A pull request's base branch (`main` or `refs/heads/main`): imported from, never exported to. */
  baseRef?: string | undefined;
  /** How long the export may push (default 2 minutes). */
  exportTimeoutMs?: number;
}

/** The cache of one service that compose builds. */
export interface ServiceCache {
  service: string;
  /** The image compose tags the build with: the service's `image`, or `<project>-<service>`. */
  image: string;
  /** `<prefix>/<project>/<service>`. */
  repository: string;
  /** Tags imported from, in order: the environment's own, its ref's, the base branch's. */
  imports: string[];
  /** Tags exported to after a successful build: the environment's own and its ref's. */
  exports: string[];
}

/** The caches of the model's built services, in the model's order. */
export function serviceCaches(model: ComposeModel, settings: BuildCacheSettings): ServiceCache[] {
  const own = [envTag(settings.envId), ...(settings.ownRef ? [refTag(settings.ownRef)] : [])];
  const imports = unique([...own, ...(settings.baseRef ? [refTag(settings.baseRef)] : [])]);
  const exports = unique(own);
  const project = repositoryComponent(model.name);
  return Object.entries(model.services)
    .filter(([, definition]) => definition.build)
    .map(([service, definition]) => ({
      service,
      image: typeof definition.image === 'string' ? definition.image : `${model.name}-${service}`,
      repository: `${settings.prefix}/${project}/${repositoryComponent(service)}`,
      imports,
      exports,
    }));
}

/**
 * The model compose builds from, each cached service importing its cache tags from the registry and
 * writing BuildKit's cache metadata into the image (inline), so that pushing the image exports it.
 * The project's own cache_from entries stay, before ours; its cache_to entries go: a pull request's
 * compose file could otherwise export to the tags other pull requests import, with the runner's login.
 */
export function withCacheImports(model: ComposeModel, caches: ServiceCache[]): ComposeModel {
  const rewritten = structuredClone(model);
  for (const cache of caches) {
    const build = rewritten.services[cache.service]?.build as Record<string, unknown> | undefined;
    if (!build) continue;
    const from = Array.isArray(build.cache_from) ? (build.cache_from as string[]) : [];
    build.cache_from = [
      ...from,
      ...cache.imports.map((tag) => `type=registry,ref=${cache.repository}:${tag}`),
    ];
    build.cache_to = ['type=inline'];
  }
  return rewritten;
}

/** `env-<id>`, sanitized as tagFor says. */
export function envTag(envId: string): string {
  return tagFor('env', envId);
}

/**
 * The tag of a git ref: `branch-<name>` for refs/heads/<name> and bare names, `pr-<n>` for
 * refs/pull/<n>/…, `tag-<name>` for refs/tags/<name>, `ref-<rest>` for any other refs/<rest>.
 */
export function refTag(ref: string): string {
  const pull = /^refs\/pull\/([^/]+)\//.exec(ref);
  if (pull) return tagFor('pr', pull[1]!);
  if (ref.startsWith('refs/heads/')) return tagFor('branch', ref.slice('refs/heads/'.length));
  if (ref.startsWith('refs/tags/')) return tagFor('tag', ref.slice('refs/tags/'.length));
  if (ref.startsWith('refs/')) return tagFor('ref', ref.slice('refs/'.length));
  return tagFor('branch', ref);
}

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/**
 * `<kind>-<name>` when that is a valid tag; otherwise `<kind>_<name>-<digest>`: every run of characters
 * a tag cannot hold becomes `-`, 8 hex digits of the name's SHA-256 follow (feature/x and feature-x
 * stay apart), cut to fit a tag's 128 characters. The `_` keeps the two forms apart: no branch whose
 * name is a valid tag (release-2.0-1a2b3c4d) can take the tag of one that is not (release/2.0).
 */
function tagFor(kind: string, name: string): string {
  const plain = `${kind}-${name}`;
  if (TAG.test(plain)) return plain;
  const hash = shortHash(name);
  const cleaned = `${kind}_${name}`
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .slice(0, 128 - hash.length - 1)
    .replace(/-+$/, '');
  return `${cleaned}-${hash}`;
}

/** A repository path component: the name when valid, else lower-cased and cleaned, with its digest. */
function repositoryComponent(name: string): string {
  if (REPOSITORY_COMPONENT.test(name)) return name;
  const cleaned = slug(name);
  return cleaned ? `${cleaned}-${shortHash(name)}` : shortHash(name);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
