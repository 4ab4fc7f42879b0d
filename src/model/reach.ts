import { UserError } from '../util/errors.js';
import type { Ids } from './ids.js';
import { describeRef, refOf, type KubeObject } from './objects.js';
import type { PodSettings } from './pod-settings.js';

/** What the workflow lets its environment's objects do, beyond reaching their own. */
export interface Allowance {
  /** The hosts url-template gives the environment (its exposure's entries). */
  hosts?: readonly string[];
  /** Input ingress-annotations: the workflow's own, which the bundled exposure template sets. */
  ingressAnnotations?: Readonly<Record<string, string>>;
  /** Inputs node-selector, tolerations and priority-class: where the workflow puts the pods. */
  placement?: Pick<PodSettings, 'nodeSelector' | 'tolerations' | 'priorityClassName'>;
}

/** What the checks of one rendered object from the pull request share: its names and how to refuse. */
export interface Reach {
  object: KubeObject;
  ids: Ids;
  what: string;
  allowance: Allowance;
  /** Refuses `name` in `field` unless it is this environment's (contains its id); unset passes. */
  at: (field: string, name: unknown) => void;
  /** Refuses the object for what `field` does, `why` saying what it would reach and what to do. */
  refuse: (field: string, why: string) => never;
}

export function reachOf(object: KubeObject, ids: Ids, what: string, allowance: Allowance = {}): Reach {
  const refuse = (field: string, why: string): never => {
    throw new UserError(`The ${what} creates ${describeRef(refOf(object))}, whose ${field} ${why}`);
  };
  const at = (field: string, name: unknown): void => {
    if (typeof name === 'string' && !name.includes(ids.id))
      refuse(
        field,
        `is "${name}", which is not this environment's (its name does not contain ${ids.id}): the preview's code would run with, or read, what belongs to the namespace, another environment or the action itself. Refer only to objects the template creates ({{ id }}-…), or leave the field out.`,
      );
  };
  return { object, ids, what, allowance, at, refuse };
}
