import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeUp } from '../src/docker/compose.js';
import { envTag, refTag } from '../src/docker/build-cache-refs.js';
import { buildCachePrefixProblem } from '../src/model/build-cache-prefix.js';
import type { BuildCacheSettings } from '../src/docker/build-cache-refs.js';
import { loadComposeModel } from '../src/docker/compose-file.js';
import type { ComposeModel } from '../src/docker/compose-model.js';
import { resourceId } from '../src/model/ids.js';
import { identityLabels } from '../src/model/objects.js';
import type { TemplateArgs } from '../src/model/template-args.js';
import { loadTemplate, renderTemplate } from '../src/render/template.js';
import { forgetProject, registryTags, startRegistry, type Registry } from './build-cache-engine.js';
import type { RunContext } from '../src/github/event.js';
import {
  doubleInputs,
  freePort,
  memoryLogger,
  prepareHello,
  run,
  scratchDir,
  startDouble,
} from './helpers.js';

/**
 * Input build-cache against this machine's Docker engine and Debian's docker-registry on loopback
 * (dockerd needs no TLS there). A new environment is a Docker server without the project's images and
 * build cache: between two environments the test removes both, the build cache by the nonce that the
 * slow step's command carries.
 */
const scratch = scratchDir();
const nonce = `bc${randomBytes(4).toString('hex')}`;
const project = `cache-${nonce}`;
const registries: Registry[] = [];
let prefix: string;
let model: ComposeModel;
const environment = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

beforeAll(async () => {
  prefix = await cachePrefix('writable');
  const dir = path.join(scratch.dir, 'project');
  mkdirSync(path.join(dir, 'files'), { recursive: true });
  copyFileSync('/bin/busybox', path.join(dir, 'busybox'));
  writeFileSync(path.join(dir, 'files/data.bin'), randomBytes(1 << 20));
  const slow = `/bin/busybox sleep 3 && /bin/busybox dd if=/dev/urandom of=/generated bs=1M count=2 2>/dev/null # ${nonce}`;
  writeFileSync(
    path.join(dir, 'Dockerfile'),
    `FROM scratch\nCOPY busybox /bin/busybox\nCOPY files /files\nRUN ["/bin/busybox", "sh", "-c", "${slow}"]\nCMD ["/bin/busybox", "sleep", "3600"]\n`,
  );
  writeFileSync(
    path.join(dir, 'compose.yaml'),
    `name: ${project}\nservices:\n  app:\n    build: .\n    init: true\n`,
  );
  model = await loadComposeModel({ workingDirectory: dir, composeFiles: [] }, environment);
});

afterAll(() => {
  forgetProject(project, nonce);
  for (const registry of registries) registry.stop();
  scratch[Symbol.dispose]();
});

function up(buildCache: BuildCacheSettings) {
  const log = memoryLogger();
  const target = {
    dockerHost: process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock',
    environment,
    workingDirectory: path.join(scratch.dir, 'project'),
    log,
    buildCache,
  };
  return composeUp(model, target).then(
    () => (
      console.log(
        log.lines
          .filter(
            (l) =>
              !/^#\d+ (DONE|sha256|writing|naming|exporting|preparing|transferring|resolve|load)/.test(l),
          )
          .join('\n'),
      ),
      log
    ),
  );
}

describe('build cache', () => {
  it('a second environment’s first build is served from the cache the first one exported', async () => {
    const first = await up({ prefix, envId: 'main', ownRef: 'refs/heads/main' });
    expect(first.warnings).toEqual([]);
    expect(slowStep(first.lines).cached).toBe(false);
    expect(await registryTags(prefix.split('/')[0]!, `cache/${project}/app`)).toEqual([
      'branch-main',
      'env-main',
    ]);

    expect(forgetProject(project, nonce)).toBe(0);
    const second = await up({ prefix, envId: 'pr-7', ownRef: 'refs/pull/7/merge', baseRef: 'main' });
    expect(second.warnings).toEqual([]);
    expect(second.lines).toContainEqual(
      expect.stringContaining(`importing cache manifest from ${prefix}/${project}/app:branch-main`),
    );
    expect(slowStep(second.lines).cached).toBe(true);
    expect(await registryTags(prefix.split('/')[0]!, `cache/${project}/app`)).toEqual([
      'branch-main',
      'env-main',
      'env-pr-7',
      'pr-7',
    ]);
  });

  it('builds without the cache, with one warning naming the input, when the registry is dead', async () => {
    const dead = `127.0.0.1:${await freePort()}/cache`;
    const log = await up({ prefix: dead, envId: 'dead', ownRef: 'refs/heads/main' });
    expect(log.warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Input build-cache: the Docker server cannot use the registry of ${dead} \\(.*connection refused\\); building without the cache\\.`,
        ),
      ),
    ]);
    expect(log.lines.some((l) => l.includes('importing cache manifest'))).toBe(false);
  });

  it('warns, and keeps the preview, when the registry refuses the export', async () => {
    const readOnly = await cachePrefix('read-only');
    const log = await up({ prefix: readOnly, envId: 'ro', ownRef: 'refs/heads/main' });
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatch(/^Input build-cache: the build cache was not exported/);
    expect(log.warnings[0]).toContain(`app → ${readOnly}/${project}/app:env-ro`);
  });
});

describe('cache tags', () => {
  it('name refs by kind, and keep names a tag cannot hold apart with a digest', () => {
    expect(refTag('refs/heads/main')).toBe('branch-main');
    expect(refTag('main')).toBe('branch-main');
    expect(refTag('refs/pull/12/merge')).toBe('pr-12');
    expect(refTag('refs/tags/v1.2.0')).toBe('tag-v1.2.0');
    expect(envTag('pr-12')).toBe('env-pr-12');
    expect(refTag('feature/x')).toMatch(/^branch_feature-x-[0-9a-f]{8}$/);
    expect(refTag('feature/x')).not.toBe(refTag('feature-x'));
    expect(refTag(`refs/heads/${'a/'.repeat(100)}`)).toMatch(/^branch_(a-)+[0-9a-f]{8}$/);
    expect(refTag(`refs/heads/${'a/'.repeat(100)}`).length).toBeLessThanOrEqual(128);
  });

  it('check the prefix is a registry host and a path', () => {
    expect(buildCachePrefixProblem('registry.previews.svc.cluster.local:5000/cache')).toBeUndefined();
    expect(buildCachePrefixProblem('localhost:5000')).toBeUndefined();
    expect(buildCachePrefixProblem('http://registry:5000/cache')).toMatch(/no scheme/);
    expect(buildCachePrefixProblem('cache/builds')).toMatch(/registry host/);
    expect(buildCachePrefixProblem('registry.example.com/Cache')).toMatch(/lower-case/);
  });
});

describe('the bundled templates', () => {
  const ids = { envId: 'pr-7', id: resourceId('acme/web', 'pr-7') };
  const args = {
    namespace: 'previews',
    id: ids.id,
    storageClass: undefined,
    storageSize: 5,
    labels: identityLabels(ids),
    envId: ids.envId,
    prNumber: 7,
    repository: 'acme/web',
    sha: 'abc123',
    project: 'web',
    dockerImage: undefined,
    resources: undefined,
    nodeSelector: undefined,
    tolerations: undefined,
    priorityClassName: undefined,
    registryMirrors: [],
  } satisfies TemplateArgs;
  const daemonJson = async (template: string, extra: object) => {
    const { objects } = await renderTemplate(loadTemplate(template), { ...args, ...extra } as TemplateArgs);
    const config = objects.find((o) => o.kind === 'ConfigMap') as unknown as { data: Record<string, string> };
    return JSON.parse(config.data['daemon.json']!) as unknown;
  };

  it.each(['default', 'sysbox'])(
    '%s hands insecureRegistries to dockerd, and renders as before without',
    async (t) => {
      const registry = 'registry.previews.svc.cluster.local:5000';
      expect(await daemonJson(t, { insecureRegistries: [registry] })).toEqual({
        tls: false,
        'registry-mirrors': [],
        'insecure-registries': [registry],
      });
      expect(await daemonJson(t, {})).toEqual({ tls: false, 'registry-mirrors': [] });
      expect(await daemonJson(t, { insecureRegistries: [] })).toEqual({ tls: false, 'registry-mirrors': [] });
    },
  );
});

/** The slow step's line and whether BuildKit took it from a cache. */
function slowStep(lines: string[]): { cached: boolean } {
  const start = lines.find((l) => /^#\d+ \[.*\] RUN /.test(l) && l.includes(nonce));
  expect(start, 'the build log shows the slow step').toBeDefined();
  const step = start!.split(' ')[0]!;
  return { cached: lines.includes(`${step} CACHED`) };
}

/** A registry of this test on loopback, as the prefix of its caches. */
async function cachePrefix(mode: 'writable' | 'read-only'): Promise<string> {
  const registry = await startRegistry(path.join(scratch.dir, `registry-${registries.length}`), mode);
  registries.push(registry);
  return `127.0.0.1:${registry.port}/cache`;
}

describe('input build-cache, through up on the API-server double', () => {
  it('a push of the base branch exports under its name; a pull request of that base imports it', async () => {
    const { api } = await startDouble();
    const hello = await prepareHello();
    try {
      const host = prefix.split('/')[0]!;
      const repository = `cache/${hello.name}/web`;
      const upWith = (context: Partial<RunContext>, envId: string) => {
        const log = memoryLogger();
        const given = { command: 'up', 'build-cache': prefix, 'env-id': envId, timeout: '30s' } as const;
        return run(doubleInputs(api, hello.dir, given), { log, context }).then((o) => ({
          log,
          id: o.ids.id,
        }));
      };
      const pushed = await upWith({ eventName: 'push', pushedRef: 'refs/heads/main' }, 'main');
      expect(pushed.log.lines.join('\n')).toMatch(/Build cache: exported/);
      const mainId = pushed.id;
      expect(await registryTags(host, repository)).toEqual(
        [envTag(mainId), refTag('refs/heads/main')].sort(),
      );
      const pr = await upWith({ eventName: 'pull_request', prNumber: 7, baseRef: 'main' }, 'pr-7');
      const text = pr.log.lines.join('\n');
      expect(text).toMatch(new RegExp(`Build cache: .* import tags .*${refTag('main')}`)); // the base branch's
      // A pull request's build never exports under a branch's name: only its environment's tag.
      expect(await registryTags(host, repository)).toEqual(
        [envTag(mainId), envTag(pr.id), refTag('refs/heads/main')].sort(),
      );
    } finally {
      await api.stop();
      hello.remove();
    }
  });
});
