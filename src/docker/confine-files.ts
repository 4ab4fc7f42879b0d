import { lstat, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { parseAllDocuments } from 'yaml';
import type { ProjectInputs } from '../model/settings.js';
import { UserError } from '../util/errors.js';
import { confinePath, shortName, type Roots } from './confine.js';
import {
  explainNoComposeFile,
  explainRemoteFile,
  explainVariableComposeFile,
  explainVariablePath,
} from './confine-messages.js';

/** The names compose looks for in the project's directory, in its order. */
const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
const OVERRIDE_FILES = [
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
];

/** A path compose would fetch instead of reading: git (https, ssh, scp-like) or OCI. */
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)|^[^/]*@[^/]+:/i;

export interface ComposeFiles {
  /** For `-f`: what compose reads is then exactly what was checked. */
  files: string[];
  /** Whether a service of the files (or of what they include or extend) names an env or label file. */
  namesEnvFiles: boolean;
}

/**
 * The compose files of the project, each checked: input compose-file, else COMPOSE_FILE (from
 * compose's environment or the project's .env, which the pull request controls), else compose's own
 * names in working-directory. Unlike compose's discovery, parent directories are not searched.
 */
export async function composeFiles(
  project: ProjectInputs,
  roots: Roots,
  environment: Record<string, string>,
): Promise<ComposeFiles> {
  const dir = project.workingDirectory;
  const dotEnv = await readDotEnv(dir, roots);
  let files = project.composeFiles;
  const listed = environment.COMPOSE_FILE ?? dotEnv.COMPOSE_FILE;
  if (files.length === 0 && listed) {
    if (listed.includes('$')) throw new UserError(explainVariableComposeFile(listed));
    const separator = environment.COMPOSE_PATH_SEPARATOR ?? dotEnv.COMPOSE_PATH_SEPARATOR ?? path.delimiter;
    files = listed
      .split(separator)
      .filter(Boolean)
      .map((f) => path.resolve(dir, f));
  }
  if (files.length === 0) {
    const found = [await firstExisting(dir, DEFAULT_FILES), await firstExisting(dir, OVERRIDE_FILES)];
    files = found.filter((f): f is string => f !== undefined);
    if (files.length === 0 || !found[0]) throw new UserError(explainNoComposeFile(dir, DEFAULT_FILES));
  }
  return { files, namesEnvFiles: await checkComposeFiles(files, roots) };
}

async function firstExisting(dir: string, names: string[]): Promise<string | undefined> {
  for (const name of names) if (await exists(path.join(dir, name))) return path.join(dir, name);
  return undefined;
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}

/** The variables of a directory's .env, which compose reads for interpolation and COMPOSE_* settings. */
async function readDotEnv(dir: string, roots: Roots): Promise<Record<string, string | undefined>> {
  const file = await checkDotEnv(dir, roots);
  return file ? parseEnv(await readFile(file, 'utf8')) : {};
}

/** A directory's .env, if it has one, checked: a symlink to a runner file would be read by compose. */
async function checkDotEnv(dir: string, roots: Roots): Promise<string | undefined> {
  const file = path.join(dir, '.env');
  if (!(await exists(file))) return undefined;
  const owner = path.resolve(dir) === path.resolve(roots.project) ? 'the project' : shortName(dir, roots);
  return confinePath(file, roots, `The .env file of ${owner}`);
}

/**
 * What compose reads while it loads the files, before anything could check its model: the files of
 * `include` (with their env_file and project_directory) and of `extends`, recursively. Only those keys
 * of the raw YAML are read; compose itself still merges and normalizes everything.
 */
async function checkComposeFiles(files: string[], roots: Roots): Promise<boolean> {
  const projectDir = path.dirname(files[0]!);
  await checkDotEnv(projectDir, roots);
  const walk: Walk = { roots, seen: new Set(), namesEnvFiles: false };
  for (const file of files) await checkFile(file, projectDir, 'The compose file', walk);
  return walk.namesEnvFiles;
}

interface Walk {
  roots: Roots;
  /** Real paths already read: include and extends may form cycles, which compose reports itself. */
  seen: Set<string>;
  namesEnvFiles: boolean;
}

/**
 * Checks one compose file and what it names. `workDir` is the directory relative paths in it are
 * resolved against: the project's for the top-level files, the included project's for an included one.
 */
async function checkFile(file: string, workDir: string, what: string, walk: Walk): Promise<void> {
  const real = await confinePath(file, walk.roots, what);
  if (walk.seen.has(real)) return;
  walk.seen.add(real);
  let text: string;
  try {
    text = await readFile(real, 'utf8');
  } catch {
    return; // compose says that it is missing
  }
  const name = shortName(file, walk.roots);
  for (const document of parseAllDocuments(text, { merge: true, uniqueKeys: false })) {
    if (document.errors.length > 0) {
      throw new UserError(`${name} is not valid YAML: ${document.errors[0]!.message.split('\n')[0]}`);
    }
    const content = document.toJS({ maxAliasCount: 10_000 }) as Record<string, unknown> | null;
    if (!content || typeof content !== 'object') continue;
    walk.namesEnvFiles ||= namesEnvFiles(content.services);
    await checkIncludes(content.include, { file, name, workDir }, walk);
    await checkExtends(content.services, { file, name, workDir }, walk);
  }
}

/** Keys as parsed (escapes decoded, merge keys applied), so no spelling of them goes unseen. */
function namesEnvFiles(services: unknown): boolean {
  if (!services || typeof services !== 'object') return false;
  return Object.values(services).some(
    (s) => s && typeof s === 'object' && ('env_file' in s || 'label_file' in s),
  );
}

interface Including {
  file: string;
  name: string;
  workDir: string;
}

/** `include: [path | {path, env_file, project_directory}]`, each checked, and the included files walked. */
async function checkIncludes(include: unknown, from: Including, walk: Walk): Promise<void> {
  if (!Array.isArray(include)) return;
  for (const [index, entry] of include.entries()) {
    const spec = (typeof entry === 'string' ? { path: entry } : (entry ?? {})) as Record<string, unknown>;
    const key = `${from.name}'s include[${index}]`;
    const paths = await checkPaths(spec.path, from, `${key}.path`, walk.roots);
    const dirs = await checkPaths(spec.project_directory, from, `${key}.project_directory`, walk.roots);
    await checkPaths(spec.env_file, from, `${key}.env_file`, walk.roots);
    const workDir = dirs[0] ?? path.dirname(paths[0] ?? from.file);
    if (dirs.length === 0) await checkDotEnv(workDir, walk.roots);
    for (const dir of dirs) await checkDotEnv(dir, walk.roots);
    for (const file of paths) await checkFile(file, workDir, `${key}.path`, walk);
  }
}

/** `extends: {file, service}` of every service: the file is read whole when compose loads it. */
async function checkExtends(services: unknown, from: Including, walk: Walk): Promise<void> {
  if (!services || typeof services !== 'object') return;
  for (const [service, definition] of Object.entries(services as Record<string, unknown>)) {
    const extended = (definition as { extends?: unknown } | null)?.extends;
    if (!extended || typeof extended !== 'object') continue;
    const key = `Service ${service}'s extends.file (in ${from.name})`;
    const files = await checkPaths((extended as { file?: unknown }).file, from, key, walk.roots);
    for (const file of files) await checkFile(file, path.dirname(file), key, walk);
  }
}

/**
 * The paths of a key (one or a list), each refused when it uses a variable or is remote, and checked
 * resolved both against the including file's directory and the project's: they differ for an override
 * file in another directory, and either reading must stay inside.
 */
async function checkPaths(value: unknown, from: Including, key: string, roots: Roots): Promise<string[]> {
  const checked: string[] = [];
  for (const entry of [value].flat()) {
    const written = typeof entry === 'string' ? entry : (entry as { path?: unknown } | null)?.path;
    if (typeof written !== 'string' || written === '') continue;
    if (written.includes('$')) throw new UserError(explainVariablePath(key, written));
    if (REMOTE.test(written)) throw new UserError(explainRemoteFile(key, written));
    const expanded = written.startsWith('~') ? path.join(os.homedir(), written.slice(1)) : written;
    const candidates = new Set([
      path.resolve(from.workDir, expanded),
      path.resolve(path.dirname(from.file), expanded),
    ]);
    for (const candidate of candidates) await confinePath(candidate, roots, key);
    checked.push(...candidates);
  }
  return checked;
}
