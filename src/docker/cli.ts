import { spawn } from 'node:child_process';
import { UserError } from '../util/errors.js';

export interface DockerResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface DockerOptions {
  cwd: string;
  /** The environment docker runs with: the project's (see projectEnvironment), never the whole runner's. */
  environment: Record<string, string>;
  /** Variables added to it: DOCKER_HOST, mostly. */
  env?: Record<string, string>;
  /** Each line of output as it comes, for a live log. */
  onLine?: (line: string) => void;
  signal?: AbortSignal;
}

const COMPOSE_MISSING = /is not a docker command|unknown command "compose"|unknown shorthand flag: 'f' in -f/;

/**
 * Runs the docker CLI. Docker settings that would point it elsewhere (a context, TLS) are cleared when
 * a DOCKER_HOST is given, so the command reaches exactly that host.
 */
export function docker(args: string[], options: DockerOptions): Promise<DockerResult> {
  const env: NodeJS.ProcessEnv = { ...options.environment, ...options.env };
  if (options.env?.DOCKER_HOST) {
    for (const name of ['DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_TLS'])
      delete env[name];
  }
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, {
      cwd: options.cwd,
      env,
      signal: options.signal,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const lines = (emit: (chunk: string) => void) => {
      let pending = '';
      return (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        emit(text);
        if (!options.onLine) return;
        pending += text;
        const parts = pending.split(/\r?\n/);
        pending = parts.pop() ?? '';
        for (const line of parts) options.onLine(line);
      };
    };
    child.stdout.on(
      'data',
      lines((t) => (stdout += t)),
    );
    child.stderr.on(
      'data',
      lines((t) => (stderr += t)),
    );
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        reject(
          new UserError(
            'The docker CLI was not found on PATH. Install Docker with Compose v2 (GitHub-hosted runners have it).',
          ),
        );
      } else reject(error);
    });
    child.on('close', (code) => {
      if (COMPOSE_MISSING.test(stderr)) {
        reject(new UserError(explainComposeMissing()));
      } else resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

function explainComposeMissing(): string {
  return 'Docker Compose v2 is required (`docker compose`), but this docker CLI has no compose plugin. Install the docker-compose-plugin package, or put the compose binary in ~/.docker/cli-plugins/docker-compose.';
}

export function firstLines(text: string, count = 8): string {
  return text.trim().split('\n').slice(0, count).join('\n');
}

/** The last non-empty lines of an output, without progress lines. */
export function lastLines(text: string, count: number): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() && !/^\s*[⠀-⣿]/.test(l))
    .slice(-count)
    .join('\n');
}
