/**
 * The action's inputs, by the names `action.yml` declares and the CLI takes as `--<name>` flags.
 * An input's value is `undefined` when the user did not give it, so that settings can tell an explicit
 * value from a default: that is what lets the compose file's `x-preevy` section sit between the two.
 */
export const INPUT_NAMES = [
  'command',
  'kubeconfig',
  'context',
  'namespace',
  'template',
  'server-side-apply',
  'storage-class',
  'storage-size',
  'compose-file',
  'working-directory',
  'allow-paths',
  'compose-env',
  'env-id',
  'timeout',
  'labels',
  'annotations',
  'github-token',
  // The Docker server's pod, without writing a template.
  'docker-image',
  'resources',
  'node-selector',
  'tolerations',
  'priority-class',
  'registry-mirrors',
  'build-cache',
  // Exposure and the pull-request report.
  'expose',
  'domain',
  'url-template',
  'expose-template',
  'ingress-class',
  'tls-secret',
  'ingress-annotations',
  'basic-auth',
  'url-timeout',
  'comment',
  'deployment',
  'deployment-environment',
  'primary-service',
  // Which pull requests get a preview, and commands in their comments.
  'drafts',
  'label',
  'command-permission',
  // Safety and housekeeping.
  'on-fork',
  'allow-fork-code',
  'ttl',
  'max-ttl',
  'sleep-after',
  'dry-run',
] as const;

export type InputName = (typeof INPUT_NAMES)[number];

/** Returns the trimmed value the user gave for an input, or `undefined` when it was not given or empty. */
export type InputSource = (name: InputName) => string | undefined;

export function isInputName(name: string): name is InputName {
  return (INPUT_NAMES as readonly string[]).includes(name);
}

/** Inputs of a GitHub Action run, read the way the runner passes them: `INPUT_<NAME>` variables. */
export function actionInputs(env: NodeJS.ProcessEnv): InputSource {
  return (name) => {
    const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
    return value ? value : undefined;
  };
}

/** Inputs given as a plain map, as the CLI collects them from its flags. */
export function mapInputs(values: Partial<Record<InputName, string>>): InputSource {
  return (name) => {
    const value = values[name]?.trim();
    return value ? value : undefined;
  };
}
