/** A path component of a registry repository (the distribution spec's grammar). */
export const REPOSITORY_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/**
 * What is wrong with a value of input build-cache, or undefined: a registry host (with a dot, a port
 * or `localhost`, else Docker reads it as a Docker Hub account) and a path, without scheme or tag.
 */
export function buildCachePrefixProblem(prefix: string): string | undefined {
  if (/^[a-z]+:\/\//i.test(prefix)) return 'a reference has no scheme: drop the http:// or https://';
  const [host, ...path] = prefix.split('/');
  if (!host || !/^([a-z0-9.-]+\.[a-z0-9.-]+|localhost|[a-z0-9.-]+:\d+|\[[0-9a-f:]+\](:\d+)?)$/i.test(host))
    return `it must start with a registry host such as registry.example.com:5000, got "${host ?? ''}"`;
  const bad = path.find((component) => !REPOSITORY_COMPONENT.test(component));
  if (bad !== undefined)
    return `each part of its path must be lower-case letters and digits, separated by ".", "_" or "-", without a tag: got "${bad}"`;
  return undefined;
}

/** The registry host of a build-cache prefix (`registry.previews.svc.cluster.local:5000`). */
export function registryHostOf(prefix: string): string {
  return prefix.split('/')[0]!;
}
