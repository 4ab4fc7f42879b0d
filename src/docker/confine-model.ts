import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../util/errors.js';
import { parseCacheEntry } from './cache-entry.js';
import { confinePath, placeOf, type Roots } from './confine.js';
import {
  explainGitInContext,
  explainProviderService,
  explainSshAgent,
  explainVariablePath,
} from './confine-messages.js';
import { builderIgnoreFile, isIgnored, parseDockerignore } from './confine-dockerignore.js';
import type { ComposeModel } from './compose-model.js';
import { fileSources } from './sync-scan.js';

/** A build context or source the builder fetches itself (git, HTTP tarball): no file of the runner. */
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)|^[^/]*@[^/]+:/i;
/** Additional contexts that name an image or another service's build, not files. */
const NOT_FILES = /^(docker-image:\/\/|service:|target:)/;

/**
 * Marks a build whose context holds the project's .git (see sendsGit): composeUp gives the builder an
 * ignore file that leaves it out, then drops the mark.
 */
export const LEAVE_GIT_OUT = 'x-kube-pod-preview-leave-git-out';

export interface BuildSpec {
  context?: string;
  dockerfile?: string;
  dockerfile_inline?: string;
  additional_contexts?: Record<string, string> | string[];
  ssh?: string[] | Record<string, string>;
  cache_from?: string[];
  cache_to?: string[];
}

/**
 * Checks every runner file the normalized model makes compose or the builder read: env and label files,
 * build contexts (a .git in one is marked to be left out), Dockerfiles, additional contexts, SSH keys
 * and agent, local caches, bind mounts, secret and config files. Provider services, which run a program
 * on the runner, are refused. `environment` is compose's: the SSH agent is allowed when it has it.
 */
export async function confineModel(
  model: ComposeModel,
  roots: Roots,
  environment: Record<string, string>,
): Promise<void> {
  await confineEnvFiles(model, roots);
  for (const [name, service] of Object.entries(model.services)) {
    const provider = service.provider as { type?: string } | undefined;
    if (provider) throw new UserError(explainProviderService(name, provider.type));
    if (typeof service.build === 'string') service.build = { context: service.build };
    if (service.build) await confineBuild(name, service.build as BuildSpec, roots, environment);
  }
  for (const { source, usedBy, key } of fileSources(model))
    await confinePath(source, roots, `${usedBy}'s ${key}`);
}

/** env_file and label_file: compose reads them while it loads the project. */
export async function confineEnvFiles(model: ComposeModel, roots: Roots): Promise<void> {
  for (const [name, service] of Object.entries(model.services)) {
    for (const key of ['env_file', 'label_file'] as const) {
      for (const entry of [service[key] ?? []].flat()) {
        const file = typeof entry === 'string' ? entry : (entry as { path?: string }).path;
        if (!file) continue;
        const what = `Service ${name}'s ${key}`;
        if (file.includes('$')) throw new UserError(explainVariablePath(what, file));
        await confinePath(file, roots, what);
      }
    }
  }
}

async function confineBuild(
  service: string,
  spec: BuildSpec,
  roots: Roots,
  environment: Record<string, string>,
): Promise<void> {
  const key = `Service ${service}'s build`;
  const context = spec.context ?? roots.project;
  let local: string | undefined;
  if (path.isAbsolute(context)) local = await confinePath(context, roots, `${key}.context`);
  else if (!REMOTE.test(context))
    throw new UserError(
      `${key}.context is ${context}, neither a directory of the project nor a git or HTTP URL.`,
    );
  let dockerfile: string | undefined;
  if (spec.dockerfile && !spec.dockerfile_inline && (local || path.isAbsolute(spec.dockerfile))) {
    const file = path.resolve(local ? context : roots.project, spec.dockerfile);
    dockerfile = await confinePath(file, roots, `${key}.dockerfile`);
  }
  if (local) {
    // The builder's client reads it: a symlink to a runner file would send its lines to the builder.
    const ignore = await builderIgnoreFile(local, dockerfile);
    if (ignore) await confinePath(ignore, roots, `${key}.context's ${path.basename(ignore)}`);
    if (await sendsGit(local, dockerfile, roots)) (spec as Record<string, unknown>)[LEAVE_GIT_OUT] = true;
  }
  await confineAdditionalContexts(spec.additional_contexts, local ?? roots.project, key, roots);
  await confineSsh(spec.ssh, key, roots, environment);
  for (const cacheKey of ['cache_from', 'cache_to'] as const) {
    for (const entry of spec[cacheKey] ?? []) {
      // The builder's client on the runner reads src and writes dest of a local cache: both confined.
      const fields = parseCacheEntry(entry, `${key}.${cacheKey}`);
      if (fields.type !== 'local') continue;
      for (const dir of [fields.src, fields.dest])
        if (dir !== undefined)
          await confinePath(path.resolve(roots.project, dir), roots, `${key}.${cacheKey}`);
    }
  }
}

/**
 * The project's .git holds the checkout's token (.git/config): a build context that contains it would
 * send it to the builder, where `COPY . .` puts it in the image. Unless the ignore file the builder
 * reads leaves it out, or allow-paths lists it, the build is marked for composeUp to leave it out.
 */
async function sendsGit(context: string, dockerfile: string | undefined, roots: Roots): Promise<boolean> {
  const git = path.join(context, '.git');
  if (!(await isDirectory(git)) || placeOf(git, roots) === 'inside') return false;
  const ignoreFile = await builderIgnoreFile(context, dockerfile);
  const patterns = parseDockerignore(ignoreFile ? await readFile(ignoreFile, 'utf8') : '');
  return !(isIgnored(patterns, '.git') && isIgnored(patterns, '.git/config'));
}

async function confineAdditionalContexts(
  contexts: BuildSpec['additional_contexts'],
  base: string,
  key: string,
  roots: Roots,
): Promise<void> {
  const entries = Array.isArray(contexts) ? contexts.map(pair) : Object.entries(contexts ?? {});
  for (const [name, value] of entries) {
    const what = `${key}.additional_contexts.${name}`;
    if (NOT_FILES.test(value) || (REMOTE.test(value) && !value.startsWith('oci-layout://'))) continue;
    const local = value.startsWith('oci-layout://')
      ? value.slice('oci-layout://'.length).split('@')[0]!
      : value;
    if (!path.isAbsolute(local) && !value.startsWith('oci-layout://'))
      throw new UserError(
        `${what} is ${value}, neither a directory of the project, an image, a service nor a URL.`,
      );
    // Relative OCI layouts are resolved by the builder's client: against the context or the project.
    for (const file of new Set([path.resolve(base, local), path.resolve(roots.project, local)])) {
      const real = await confinePath(file, roots, what);
      const git = path.join(real, '.git');
      if ((await isDirectory(git)) && placeOf(git, roots) !== 'inside')
        throw new UserError(explainGitInContext(what, value, git));
    }
  }
}

/**
 * build.ssh hands the builder the runner's SSH agent (`default`) or key files (`id=path`): the agent
 * only when the workflow passes SSH_AUTH_SOCK to compose (input compose-env), keys only from inside
 * the project or allow-paths.
 */
async function confineSsh(
  ssh: BuildSpec['ssh'],
  key: string,
  roots: Roots,
  environment: Record<string, string>,
): Promise<void> {
  const entries = Array.isArray(ssh) ? ssh : Object.entries(ssh ?? {}).map(([id, p]) => `${id}=${p}`);
  for (const entry of entries) {
    const [id, paths] = entry.includes('=') ? pair(entry) : [entry, undefined];
    if (!paths) {
      if (environment.SSH_AUTH_SOCK) continue;
      throw new UserError(explainSshAgent(key, entry));
    }
    for (const file of paths.split(','))
      await confinePath(path.resolve(roots.project, file), roots, `${key}.ssh ${id}`);
  }
}

/** `key=value`, split at the first `=`. */
function pair(text: string): [string, string] {
  const at = text.indexOf('=');
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

async function isDirectory(file: string): Promise<boolean> {
  return lstat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
