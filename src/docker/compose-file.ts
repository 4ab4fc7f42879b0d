import { UserError } from '../util/errors.js';
import type { PublishedPort } from '../model/exposure.js';
import type { ProjectInputs } from '../model/settings.js';
import { docker, firstLines, type DockerOptions } from './cli.js';
import { confinementRoots } from './confine.js';
import { composeFiles } from './confine-files.js';
import { confineEnvFiles, confineModel } from './confine-model.js';
import type { ComposeModel } from './compose-model.js';

// Also here, where src/resolve/ imports it from.

/** A port in the long syntax `docker compose config` normalizes every port to. */
interface ComposePort {
  target: number;
  published?: string;
  protocol?: string;
}

/**
 * The ports the model publishes on a fixed host port, known before compose runs; a range or an
 * unpublished port gets its number from the Docker server.
 */
export function declaredPorts(model: ComposeModel): PublishedPort[] {
  return Object.entries(model.services).flatMap(([service, definition]) =>
    ((definition.ports ?? []) as ComposePort[]).flatMap((port) =>
      /^\d+$/.test(port.published ?? '')
        ? [
            {
              service,
              targetPort: port.target,
              publishedPort: Number(port.published),
              protocol: port.protocol ?? 'tcp',
            },
          ]
        : [],
    ),
  );
}

/**
 * Loads the compose project the way `docker compose` itself sees it: `docker compose config` merges the
 * files, resolves paths and variables, and keeps extension sections such as `x-preevy`.
 *
 * The files come from the pull request, so every file compose reads must lie in the project (or input
 * allow-paths), checked before compose reads it: the compose files and what they include or extend
 * (from their raw YAML), then the env and label files (from a first `config` that neither interpolates
 * nor reads env files), then, on the full model, what `up` and the builder will read.
 */
export async function loadComposeModel(
  project: ProjectInputs,
  environment: Record<string, string>,
  signal?: AbortSignal,
): Promise<ComposeModel> {
  const roots = await confinementRoots(project.workingDirectory, project.allowPaths);
  const { files, namesEnvFiles } = await composeFiles(project, roots, environment);
  const base = ['compose', ...files.flatMap((f) => ['-f', f]), 'config', '--format', 'json'];
  const where = project.composeFiles.length
    ? `compose file ${project.composeFiles.join(', ')}`
    : `a compose file in ${project.workingDirectory}`;
  const config = (args: string[]) =>
    runConfig(args, where, { cwd: project.workingDirectory, environment, signal });
  // Where they lie once compose resolved paths, include and extends, before it reads them.
  if (namesEnvFiles)
    await confineEnvFiles(await config([...base, '--no-interpolate', '--no-env-resolution']), roots);
  const model = await config(base);
  await confineModel(model, roots, environment);
  return model;
}

async function runConfig(args: string[], where: string, options: DockerOptions): Promise<ComposeModel> {
  const result = await docker(args, options);
  if (result.code !== 0) {
    throw new UserError(explainUnreadableProject(where, withoutFileContent(firstLines(result.stderr))));
  }
  let model: ComposeModel;
  try {
    model = JSON.parse(result.stdout) as ComposeModel;
  } catch {
    throw new UserError(
      `docker compose config did not print a JSON model for ${where}; is Compose v2 installed?`,
    );
  }
  // Compose accepts a file without services; a preview of one would provision a pod to run nothing.
  if (
    !model.name ||
    typeof model.services !== 'object' ||
    model.services === null ||
    !Object.keys(model.services).length
  ) {
    throw new UserError(explainNoServices(where));
  }
  return model;
}

function explainUnreadableProject(where: string, stderr: string): string {
  return `Could not read ${where}: ${stderr}\nSet input compose-file (newline-separated paths) or working-directory to point at the project.`;
}

function explainNoServices(where: string): string {
  return `${where} has no services: a preview runs the project's services. Set input compose-file (or working-directory) to the project's compose file.`;
}

/**
 * Compose quotes the line of an env file it cannot parse (`failed to read x.env: line 1: unexpected
 * character "{" in variable name "{…}"`): an env file may hold secrets the workflow wrote there.
 */
export function withoutFileContent(text: string): string {
  return text.replace(
    /(failed to read .*?: line \d+):.*/g,
    '$1: not a valid env file (its content is not shown)',
  );
}
