/**
 * What the confinement checks tell the user when they refuse a path: why compose may not read it, and
 * how to allow it. `what` and `key` name who uses the path and under which key.
 */

export function explainAllowedRoot(shown: string): string {
  return `Input allow-paths lists ${shown}, the root directory: that would let the compose project read every file of the runner. List only the directories it needs.`;
}

export function explainAllowedHome(shown: string): string {
  return `Input allow-paths lists ${shown}, which is the runner's home directory or contains it (~/.docker/config.json, ~/.ssh): that would let the compose project read the runner's credentials. List only the directories it needs.`;
}

export function explainInsideGit(what: string, shown: string): string {
  return `${what} is ${shown}, inside the project's .git directory, where actions/checkout keeps the repository's token (.git/config): it is never sent to the preview. Use another path, or list that .git directory in input allow-paths to send it anyway.`;
}

export function explainOutsideProject(what: string, shown: string, project: string): string {
  return `${what} is ${shown}, which is outside the project directory ${project}: files outside it stay on the runner. Move it into the project, or list a directory that contains it in input allow-paths.`;
}

export function explainVariableComposeFile(listed: string): string {
  return `COMPOSE_FILE (${listed}) uses a variable: kube-pod-preview checks every file compose reads before compose reads it, and cannot tell which file a variable names. Write the paths without variables, or set input compose-file.`;
}

export function explainNoComposeFile(dir: string, names: string[]): string {
  return `Could not read a compose file in ${dir}: it has none of ${names.join(', ')}.\nSet input compose-file (newline-separated paths) or working-directory to point at the project.`;
}

export function explainVariablePath(what: string, written: string): string {
  return `${what} is ${written}, which uses a variable: kube-pod-preview checks every file compose reads before compose reads it, and cannot tell which file a variable names. Write the path without variables.`;
}

export function explainRemoteFile(key: string, written: string): string {
  return `${key} is ${written}, a remote file: compose would fetch it and load what it names on the runner before anything could check it. Copy it into the project.`;
}

export function explainProviderService(name: string, type: string | undefined): string {
  return `Service ${name} is a provider service (provider.type ${type ?? '?'}): compose would run that program on the runner, next to the action's credentials, not a container in the preview. Remove the service from the preview's compose files, or give it an image.`;
}

export function explainGitInContext(what: string, value: string, git: string): string {
  return `${what} is ${value}, which holds the project's .git directory, where actions/checkout keeps the repository's token (.git/config): the builder would receive it. Use a directory without it, or list ${git} in input allow-paths to send it anyway.`;
}

export function explainSshAgent(key: string, entry: string): string {
  return `${key}.ssh is ${entry}: it would give the build the runner's SSH agent, and with it every key the agent holds. List SSH_AUTH_SOCK in input compose-env to allow it.`;
}

export function explainGitLeftOut(name: string): string {
  return `Service ${name}: .git is left out of the build context (the checkout's token lives there); list it in input allow-paths to send it.`;
}
