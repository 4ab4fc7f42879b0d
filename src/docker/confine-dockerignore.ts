import { lstat } from 'node:fs/promises';
import path from 'node:path';

/** One line of a .dockerignore: a pattern compiled the way BuildKit's patternmatcher does. */
interface IgnorePattern {
  exclusion: boolean;
  regex: RegExp | undefined;
}

/**
 * The patterns of a .dockerignore file: comments and blank lines skipped, `!` marks an exception, each
 * pattern cleaned and stripped of a leading `/` (moby/patternmatcher's ReadAll and compile).
 */
export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const exclusion = line.startsWith('!');
    if (exclusion) line = line.slice(1).trim();
    if (!line) continue;
    line = path.posix.normalize(line).replace(/\/+$/, '');
    if (line.length > 1 && line.startsWith('/')) line = line.slice(1);
    patterns.push({ exclusion, regex: compile(line) });
  }
  return patterns;
}

/** The regular expression of a pattern: `**` any number of directories, `*` and `?` within one. */
function compile(pattern: string): RegExp | undefined {
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') i++;
      source += i + 1 >= pattern.length ? '.*' : '(.*/)?';
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '.' || ch === '$') source += `\\${ch}`;
    else if (ch === '\\') source += i + 1 < pattern.length ? `\\${pattern[++i]}` : '\\\\';
    else source += ch;
  }
  try {
    return new RegExp(`${source}$`);
  } catch {
    return undefined; // a pattern the builder cannot compile either: it fails the build
  }
}

/**
 * Whether the builder leaves `file` (relative to the context, `/`-separated) out: the last pattern
 * that matches it or one of its parent directories wins (MatchesOrParentMatches).
 */
export function isIgnored(patterns: IgnorePattern[], file: string): boolean {
  const parents = file.split('/').slice(0, -1);
  let ignored = false;
  for (const pattern of patterns) {
    if (pattern.exclusion !== ignored || !pattern.regex) continue;
    let match = pattern.regex.test(file);
    for (let i = 1; !match && i <= parents.length; i++)
      match = pattern.regex.test(parents.slice(0, i).join('/'));
    if (match) ignored = !pattern.exclusion;
  }
  return ignored;
}

/**
 * The ignore file the builder reads for a context: `<Dockerfile>.dockerignore` next to the Dockerfile
 * when there is one (BuildKit), else the context's `.dockerignore`; undefined when neither exists.
 */
export async function builderIgnoreFile(
  context: string,
  dockerfile: string | undefined,
): Promise<string | undefined> {
  for (const candidate of [dockerfile && `${dockerfile}.dockerignore`, path.join(context, '.dockerignore')]) {
    if (
      candidate &&
      (await lstat(candidate).then(
        () => true,
        () => false,
      ))
    )
      return candidate;
  }
  return undefined;
}
