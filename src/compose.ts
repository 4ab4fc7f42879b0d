import { execFile } from 'node:child_process';
import { UserError } from './errors.js';
import type { ProjectInputs } from './settings.js';

/** The part of compose's normalized model that kube-pod-preview reads. */
export interface ComposeModel {
  name: string;
  services: Record<string, unknown>;
  'x-preevy'?: unknown;
  [key: string]: unknown;
}

/**
 * Loads the compose project the way `docker compose` itself sees it: `docker compose config` merges the
 * files, resolves paths and variables, and keeps extension sections such as `x-preevy`.
 */
export async function loadComposeModel(project: ProjectInputs, signal?: AbortSignal): Promise<ComposeModel> {
  const args = ['compose', ...project.composeFiles.flatMap((f) => ['-f', f]), 'config', '--format', 'json'];
  const where = project.composeFiles.length
    ? `compose file ${project.composeFiles.join(', ')}`
    : `a compose file in ${project.workingDirectory}`;
  const { stdout, stderr, error } = await run('docker', args, project.workingDirectory, signal);
  if (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError(
        'The docker CLI was not found on PATH. Install Docker with Compose v2 (on GitHub-hosted runners it is preinstalled).',
      );
    }
    if (/is not a docker command|unknown command "compose"|unknown shorthand flag: 'f'/.test(stderr)) {
      throw new UserError(
        'Docker Compose v2 is required (`docker compose`), but this docker CLI has no compose plugin. Install the docker-compose-plugin package or the compose binary as a CLI plugin.',
      );
    }
    throw new UserError(
      `Could not read ${where}: ${firstLines(stderr || String(error))}\nSet input compose-file (newline-separated paths) or working-directory to point at the project.`,
    );
  }
  let model: ComposeModel;
  try {
    model = JSON.parse(stdout) as ComposeModel;
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

interface RunResult {
  stdout: string;
  stderr: string;
  error: Error | null;
}

function run(file: string, args: string[], cwd: string, signal?: AbortSignal): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, signal, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ stdout, stderr, error }),
    );
  });
}

function firstLines(text: string, count = 8): string {
  return text.trim().split('\n').slice(0, count).join('\n');
}
