/**
 * Variables of the runner that are the action's, not the project's: its inputs (the kubeconfig and the
 * GitHub token among them), the runner's own tokens, the step state, and the path of a kubeconfig.
 */
const WITHHELD = [/^INPUT_/i, /^ACTIONS_/, /^STATE_/, /^GITHUB_TOKEN$/, /^KUBECONFIG$/];

/** Secrets shorter than this are not looked for inside other values: too likely to match by chance. */
const MIN_SECRET = 8;

/**
 * The environment docker and compose run with: the runner's, less every variable of the action's and
 * every variable that carries one of `secrets` (the kubeconfig, the basic-auth credentials, the GitHub
 * token, however the workflow named them). Variables the workflow sets for the step (`env:`) still
 * reach compose: that is how users pass their own settings to the project.
 */
export function projectEnvironment(
  env: NodeJS.ProcessEnv,
  secrets: (string | undefined)[],
): Record<string, string> {
  const values = secrets.filter((s): s is string => s !== undefined && s.trim().length >= MIN_SECRET);
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || WITHHELD.some((pattern) => pattern.test(name))) continue;
    if (values.some((secret) => value.includes(secret.trim()))) continue;
    kept[name] = value;
  }
  return kept;
}
