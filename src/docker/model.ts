import { UserError } from '../util/errors.js';
import type { PublishedPort } from '../model/exposure.js';
import type { ProjectInputs } from '../model/settings.js';
import { docker, firstLines } from './cli.js';

/** The part of compose's normalized model that kube-pod-preview reads. */
export interface ComposeModel {
  name: string;
  services: Record<string, ComposeService>;
  secrets?: Record<string, { file?: string; [key: string]: unknown }>;
  configs?: Record<string, { file?: string; [key: string]: unknown }>;
  'x-preevy'?: unknown;
  [key: string]: unknown;
}

export interface ComposeService {
  volumes?: ComposeVolume[];
  [key: string]: unknown;
}

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

/** A volume in the long syntax `docker compose config` normalizes every volume to. */
export interface ComposeVolume {
  type: string;
  source?: string;
  target: string;
  [key: string]: unknown;
}

/**
 * Loads the compose project the way `docker compose` itself sees it: `docker compose config` merges the
 * files, resolves paths and variables, and keeps extension sections such as `x-preevy`.
 */
export async function loadComposeModel(
  project: ProjectInputs,
  environment: Record<string, string>,
  signal?: AbortSignal,
): Promise<ComposeModel> {
  const args = ['compose', ...project.composeFiles.flatMap((f) => ['-f', f]), 'config', '--format', 'json'];
  const where = project.composeFiles.length
    ? `compose file ${project.composeFiles.join(', ')}`
    : `a compose file in ${project.workingDirectory}`;
  const result = await docker(args, { cwd: project.workingDirectory, environment, signal });
  if (result.code !== 0) {
    throw new UserError(
      `Could not read ${where}: ${firstLines(result.stderr)}\nSet input compose-file (newline-separated paths) or working-directory to point at the project.`,
    );
  }
  let model: ComposeModel;
  try {
    model = JSON.parse(result.stdout) as ComposeModel;
  } catch {
    throw new UserError(
      `docker compose config did not print a JSON model for ${where}; is Compose v2 installed?`,
    );
  }
  if (!model.name || typeof model.services !== 'object' || model.services === null) {
    throw new UserError(`${where} has no services.`);
  }
  return model;
}
