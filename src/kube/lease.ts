import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { UserError } from '../errors.js';
import { formatDuration } from '../duration.js';
import type { Logger } from '../log.js';
import { KubeApiError, type KubeClient } from './client.js';
import { LABELS, MANAGER, type KubeObject } from './object.js';
import { sleep } from '../sleep.js';

interface Lease extends KubeObject {
  spec?: {
    holderIdentity?: string;
    leaseDurationSeconds?: number;
    acquireTime?: string;
    renewTime?: string;
  };
}

export interface LeaseOptions {
  /** Who we are, as other runs will see it while they wait: the workflow run's URL when there is one. */
  holder: string;
  durationSeconds: number;
  /** How long to wait for another run's lease before giving up. */
  waitMs: number;
  pollMs: number;
  signal: AbortSignal;
  log: Logger;
}

/** A held lease: renewed in the background until released. */
export interface HeldLease extends AsyncDisposable {
  /** The Lease object's name and the identity holding it, so a later process can release it. */
  name: string;
  identity: string;
  release(): Promise<void>;
}

/**
 * One run per environment at a time: a coordination.k8s.io Lease named after the environment. A second
 * run waits (saying who holds it) and takes over a lease whose holder stopped renewing it, so a run that
 * died does not block the next one for longer than the lease's duration.
 */
export async function acquireLease(
  client: KubeClient,
  id: string,
  options: LeaseOptions,
): Promise<HeldLease> {
  const name = `kube-pod-preview-${id}`;
  const identity = `${options.holder} (${os.hostname()}, pid ${process.pid}, ${randomBytes(3).toString('hex')})`;
  const ref = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', name };
  const deadline = Date.now() + options.waitMs;
  let announced = '';
  let lease: Lease;

  while (true) {
    options.signal.throwIfAborted();
    const current = await client.read<Lease>(ref);
    const now = new Date();
    const spec = {
      holderIdentity: identity,
      leaseDurationSeconds: options.durationSeconds,
      acquireTime: microTime(now),
      renewTime: microTime(now),
    };
    try {
      if (!current) {
        lease = await client.create<Lease>({
          ...ref,
          metadata: { name, labels: { [LABELS.managedBy]: MANAGER, [LABELS.id]: id } },
          spec,
        });
        break;
      }
      if (!current.spec?.holderIdentity || expired(current, now)) {
        if (current.spec?.holderIdentity)
          options.log.info(
            `Taking over the lease of ${current.spec.holderIdentity}, which stopped renewing it.`,
          );
        lease = await client.replace<Lease>({ ...current, apiVersion: ref.apiVersion, kind: ref.kind, spec });
        break;
      }
    } catch (error) {
      // Another run created or took the lease between our read and write: look again.
      if (error instanceof KubeApiError && error.code === 409) continue;
      throw error;
    }
    const holder = current.spec.holderIdentity;
    if (holder !== announced) {
      options.log.info(
        `Waiting for another run of this environment to finish: ${holder} holds the lease ${name}.`,
      );
      announced = holder;
    }
    if (Date.now() >= deadline) {
      throw new UserError(
        `Another run of this environment (${holder}) still holds the lease ${name} after ${formatDuration(options.waitMs)}. Use a concurrency group per pull request in the workflow, or delete the lease if that run is gone.`,
      );
    }
    await sleep(options.pollMs, options.signal);
  }

  let held = lease;
  let released = false;
  const renewal = setInterval(
    () => {
      void (async () => {
        try {
          held = await client.replace<Lease>({
            ...held,
            apiVersion: ref.apiVersion,
            kind: ref.kind,
            spec: { ...held.spec, renewTime: microTime(new Date()) },
          });
        } catch (error) {
          if (!released)
            options.log.warning(`Could not renew the lease ${name}: ${(error as Error).message}`);
        }
      })();
    },
    (options.durationSeconds * 1000) / 3,
  );
  renewal.unref();

  const release = async () => {
    if (released) return;
    released = true;
    clearInterval(renewal);
    await releaseLease(client, name, identity, options.log);
  };
  return { name, identity, release, [Symbol.asyncDispose]: release };
}

/** Deletes the lease if `identity` still holds it: never another run's. */
export async function releaseLease(
  client: KubeClient,
  name: string,
  identity: string,
  log: Logger,
): Promise<boolean> {
  const ref = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', name };
  try {
    const current = await client.read<Lease>(ref);
    if (current?.spec?.holderIdentity !== identity) return false;
    return await client.delete(ref, 'Background');
  } catch (error) {
    log.warning(`Could not release the lease ${name} (it expires by itself): ${(error as Error).message}`);
    return false;
  }
}

function expired(lease: Lease, now: Date): boolean {
  // The client library hands times back as strings or Dates depending on the type it knows.
  const renewed = new Date(lease.spec?.renewTime ?? lease.spec?.acquireTime ?? NaN).getTime();
  const duration = (lease.spec?.leaseDurationSeconds ?? 0) * 1000;
  return Number.isNaN(renewed) || renewed + duration < now.getTime();
}

/** The MicroTime format of Lease times: RFC 3339 with microseconds. */
function microTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
