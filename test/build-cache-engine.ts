import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * What the build cache's test and benchmark need of this machine: Debian's docker-registry on
 * loopback (dockerd needs no TLS there), and a way to make the shared engine look like a new
 * environment's Docker server for one compose project.
 */
export interface Registry {
  port: number;
  stop(): void;
}

/** docker-registry on loopback with its storage in `dir`; read-only refuses pushes and serves pulls. */
export async function startRegistry(
  dir: string,
  mode: 'writable' | 'read-only' = 'writable',
): Promise<Registry> {
  const port = await freeLoopbackPort();
  mkdirSync(dir, { recursive: true });
  const readonly = mode === 'read-only' ? ', maintenance: {readonly: {enabled: true}}' : '';
  writeFileSync(
    path.join(dir, 'config.yml'),
    `version: 0.1\nlog: {level: error}\nstorage: {filesystem: {rootdirectory: ${dir}/data}${readonly}}\nhttp: {addr: "127.0.0.1:${port}"}\n`,
  );
  const child = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' });
  const registry = { port, stop: () => child.kill() };
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    const answer = await fetch(`http://127.0.0.1:${port}/v2/`).catch(() => undefined);
    if (answer?.ok) return registry;
    await new Promise((r) => setTimeout(r, 100));
  }
  registry.stop();
  throw new Error(`docker-registry did not answer on port ${port}`);
}

/** The tags of a repository of the registry at `host` (host:port), sorted; none when it has none. */
export async function registryTags(host: string, repository: string): Promise<string[]> {
  const answer = await fetch(`http://${host}/v2/${repository}/tags/list`);
  if (!answer.ok) return [];
  return (((await answer.json()) as { tags: string[] | null }).tags ?? []).sort();
}

/**
 * Makes this engine what a new environment's Docker server is for compose project `project`: without
 * its containers, networks, images (its own and the cache tags below `/cache/<project>/`) and build
 * cache. Build-cache records carry no project, so they are found by `nonce`, a string the project's
 * slow step has in its command (records of other projects stay). Returns how many records are left.
 */
export function forgetProject(project: string, nonce: string): number {
  const lines = (...args: string[]) =>
    execFileSync('docker', args, { encoding: 'utf8' }).split('\n').filter(Boolean);
  const containers = lines('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`);
  if (containers.length) execFileSync('docker', ['rm', '-f', ...containers], { stdio: 'ignore' });
  const images = [
    ...lines('images', '-q', '--filter', `label=com.docker.compose.project=${project}`),
    ...lines('images', '-q', '--filter', `reference=*/cache/${project}/*`),
  ];
  // By id, each once: -f removes every tag of an image, and a tag `<none>` cannot be named.
  if (images.length) execFileSync('docker', ['rmi', '-f', ...new Set(images)], { stdio: 'ignore' });
  const networks = lines('network', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`);
  if (networks.length) execFileSync('docker', ['network', 'rm', ...networks], { stdio: 'ignore' });
  for (const id of buildCacheRecords(nonce))
    execFileSync('docker', ['builder', 'prune', '-f', '--filter', `id=${id}`], { stdio: 'ignore' });
  return buildCacheRecords(nonce).length;
}

/** The ids of the build-cache records whose description holds `nonce`. */
function buildCacheRecords(nonce: string): string[] {
  return execFileSync('docker', ['buildx', 'du', '--verbose'], { encoding: 'utf8' })
    .split(/\n\n+/)
    .filter((record) => record.includes(nonce))
    .map((record) => /^ID:\s+(\S+)/m.exec(record)?.[1])
    .filter((id): id is string => Boolean(id));
}

async function freeLoopbackPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
