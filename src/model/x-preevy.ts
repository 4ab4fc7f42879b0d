import type { Logger } from '../util/log.js';
import { boolean, dnsLabel, record, storageSize, text } from './input-parsers.js';
import { dnsSubdomain } from './names.js';
import type { DriverOptions } from './settings.js';

const DRIVER_NAMES = ['kube-pod', 'kube-docker'];
/** Keys of `x-preevy` that belong to Preevy itself, not to a driver: accepted and left alone. */
const PREEVY_KEYS = ['driver', 'drivers', 'plugins', 'plainOutput', 'snapshot', 'observe'];
const OPTION_KEYS: Record<string, (value: unknown, where: string) => Partial<DriverOptions>> = {
  namespace: (v, w) => ({ namespace: dnsLabel(text(v, w), w) }),
  kubeconfig: (v, w) => ({ kubeconfig: text(v, w) }),
  context: (v, w) => ({ context: text(v, w) }),
  template: (v, w) => ({ template: text(v, w) }),
  // Preevy's docs name the template option `pod-template` in places; both spellings mean the same.
  'pod-template': (v, w) => ({ template: text(v, w) }),
  'server-side-apply': (v, w) => ({ serverSideApply: typeof v === 'boolean' ? v : boolean(text(v, w), w) }),
  'storage-class': (v, w) => ({ storageClass: dnsSubdomain(text(v, w), w) }),
  'storage-size': (v, w) => ({ storageSize: storageSize(typeof v === 'number' ? String(v) : text(v, w), w) }),
};

/**
 * Reads the driver options of a compose file's `x-preevy` section. Both forms of Preevy's docs are
 * accepted: options at the top level (`x-preevy: {driver: kube-pod, namespace: …}`) and the driver-scoped
 * form (`x-preevy: {drivers: {kube-pod: {namespace: …}}}`), the latter winning.
 */
export function readDriverOptions(xPreevy: unknown, log: Logger): DriverOptions {
  if (xPreevy === undefined || xPreevy === null) return {};
  const section = record(xPreevy, 'x-preevy');
  const options: DriverOptions = {};
  for (const [key, value] of Object.entries(section)) {
    if (key in OPTION_KEYS) Object.assign(options, OPTION_KEYS[key]!(value, `x-preevy.${key}`));
    else if (!PREEVY_KEYS.includes(key))
      log.warning(`Ignoring unknown key x-preevy.${key} in the compose file.`);
  }
  if (section.drivers !== undefined) {
    const drivers = record(section.drivers, 'x-preevy.drivers');
    const name = DRIVER_NAMES.find((n) => drivers[n] !== undefined);
    if (name) {
      const where = `x-preevy.drivers.${name}`;
      for (const [key, value] of Object.entries(record(drivers[name], where))) {
        if (key in OPTION_KEYS) Object.assign(options, OPTION_KEYS[key]!(value, `${where}.${key}`));
        else log.warning(`Ignoring unknown key ${where}.${key} in the compose file.`);
      }
    }
  }
  if (typeof section.driver === 'string' && !DRIVER_NAMES.includes(section.driver)) {
    log.warning(
      `x-preevy.driver is "${section.driver}"; kube-pod-preview reads only the kube-pod driver's options.`,
    );
  }
  return options;
}

/**
 * In a workflow, the compose file comes from the pull request: it may not choose the credentials. Its
 * `kubeconfig` and `context` are dropped with a warning there; the CLI, run by someone on their own
 * checkout, keeps them.
 */
export function withoutRepositoryCredentials(
  options: DriverOptions,
  inWorkflow: boolean,
  log: Logger,
): DriverOptions {
  if (!inWorkflow) return options;
  const { kubeconfig, context, ...rest } = options;
  for (const [key, value] of [
    ['kubeconfig', kubeconfig],
    ['context', context],
  ] as const) {
    if (value !== undefined) log.warning(explainIgnoredCredential(key));
  }
  return rest;
}

function explainIgnoredCredential(key: string): string {
  return `Ignoring x-preevy ${key} in the compose file: in a workflow the credentials come from input kubeconfig (or $KUBECONFIG) and input context, never from the repository.`;
}
