import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../util/log.js';
import { docker, lastLines, type DockerOptions } from './cli.js';
import {
  serviceCaches,
  withCacheImports,
  type BuildCacheSettings,
  type ServiceCache,
} from './build-cache-refs.js';
import type { ComposeModel } from './compose-model.js';
import { within } from '../util/sleep.js';

/** How long the Docker server may take to answer for the registry before the build goes without it. */
const PROBE_TIMEOUT_MS = 10_000;
/** How long the export may push: a registry that stops answering must not hold the run, its report and its lease. */
const EXPORT_TIMEOUT_MS = 120_000;
/** A tag nobody pushes: asking for it costs one request, and its "not found" proves the registry answers. */
const PROBE_TAG = 'kube-pod-preview-probe';

export interface PreparedBuildCache {
  /** The model compose builds from: with the cache imports, or as it was when the cache is off. */
  model: ComposeModel;
  /** The services to export after a successful build; empty when the registry could not be used. */
  caches: ServiceCache[];
}

/**
 * The model with the build cache of input build-cache, after asking the Docker server (through
 * DOCKER_HOST: the registry is reached from the pod, not from the runner) for a tag of the registry.
 * A registry that does not answer or refuses costs one warning and the cache, never the build.
 */
export async function prepareBuildCache(
  model: ComposeModel,
  settings: BuildCacheSettings,
  options: DockerOptions,
  log: Logger,
): Promise<PreparedBuildCache> {
  const caches = serviceCaches(model, settings);
  if (!caches.length) return { model, caches };
  const refusal = await probeRegistry(`${caches[0]!.repository}:${PROBE_TAG}`, options);
  if (refusal) {
    log.warning(explainBuildCacheUnreachable(settings.prefix, refusal));
    return { model, caches: [] };
  }
  log.info(explainBuildCacheImports(settings.prefix, caches));
  return { model: withCacheImports(model, caches), caches };
}

/**
 * Pushes each built image to its cache tags from the Docker server: the layers go from the pod to the
 * registry, not through the tunnel, and layers the registry holds already are not sent again. A
 * failure warns: the preview is up, only the next build is slower.
 */
export async function exportBuildCache(
  caches: ServiceCache[],
  options: DockerOptions,
  log: Logger,
  { timeoutMs = EXPORT_TIMEOUT_MS, withLogin = false } = {},
): Promise<void> {
  const signal = within(timeoutMs, options.signal);
  // The CLI hands a login to the pod's Docker server with each push, in clear inside the pod, where the
  // pull request's containers run: only a push event's run (the branch's own code) sends one.
  await using config = withLogin ? undefined : await emptyDockerConfig();
  const environment = config ? { ...options.environment, DOCKER_CONFIG: config.dir } : options.environment;
  const pushing = caches.map((cache) => exportService(cache, { ...options, environment, signal }, timeoutMs));
  const failures = (await Promise.all(pushing)).flat();
  options.signal?.throwIfAborted();
  if (failures.length) log.warning(explainBuildCacheExportFailed(failures));
  else if (caches.length)
    log.info(
      `Build cache: exported ${caches.map((c) => `${c.repository}:${c.exports.join(',')}`).join('; ')}.`,
    );
}

/** One failure line per tag that could not be pushed. */
async function exportService(
  cache: ServiceCache,
  options: DockerOptions,
  timeoutMs: number,
): Promise<string[]> {
  const failures: string[] = [];
  for (const tag of cache.exports) {
    const ref = `${cache.repository}:${tag}`;
    try {
      const tagged = await docker(['tag', cache.image, ref], options);
      const pushed = tagged.code === 0 ? await docker(['push', '--quiet', ref], options) : tagged;
      if (pushed.code !== 0) failures.push(`${cache.service} → ${ref}: ${lastLine(pushed.stderr)}`);
    } catch (error) {
      if (!options.signal?.aborted) throw error;
      failures.push(`${cache.service} → ${ref}: no answer within ${timeoutMs / 1000} s`);
    }
  }
  return failures;
}

/** Why the Docker server cannot use the registry, or undefined when it answers. */
async function probeRegistry(ref: string, options: DockerOptions): Promise<string | undefined> {
  const signal = within(PROBE_TIMEOUT_MS, options.signal);
  try {
    const answer = await docker(['pull', '--quiet', ref], { ...options, signal });
    // The tag is absent from a registry that answers; present (someone pushed it), it answered too.
    if (answer.code === 0 || /manifest unknown|not found/i.test(answer.stderr)) return undefined;
    return lastLine(answer.stderr) || `docker pull exited with code ${answer.code}`;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (signal.aborted) return `no answer within ${PROBE_TIMEOUT_MS / 1000} s`;
    throw error;
  }
}

/** The docker CLI's last line, without the daemon's prefix. */
function lastLine(text: string): string {
  return lastLines(text, 1).replace(/^Error response from daemon: /, '');
}

function explainBuildCacheUnreachable(prefix: string, refusal: string): string {
  const plainHttp = /HTTP response to HTTPS client/.test(refusal)
    ? ' It serves plain HTTP: list its host in the template argument insecureRegistries (the bundled templates put it into dockerd’s insecure-registries).'
    : '';
  return `Input build-cache: the Docker server cannot use the registry of ${prefix} (${refusal}); building without the cache.${plainHttp}`;
}

function explainBuildCacheImports(prefix: string, caches: ServiceCache[]): string {
  return `Build cache: ${caches.length} built service(s) import tags ${caches[0]!.imports.join(', ')} from ${prefix} (BuildKit logs a tag not exported yet as an ERROR "not found", and builds on).`;
}

function explainBuildCacheExportFailed(failures: string[]): string {
  return [
    'Input build-cache: the build cache was not exported, so the next build of these services starts without it (the preview itself is up):',
    ...failures.map((f) => `  ${f}`),
  ].join('\n');
}

/** A Docker CLI configuration without any login, removed after use. */
async function emptyDockerConfig(): Promise<{ dir: string } & AsyncDisposable> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kpp-docker-config-'));
  return { dir, [Symbol.asyncDispose]: () => rm(dir, { recursive: true, force: true }) };
}
