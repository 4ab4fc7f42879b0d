import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { UserError } from '../util/errors.js';
import { formatDuration } from '../util/duration.js';
import type { Logger } from '../util/log.js';
import { KubeApiError } from './api-error.js';
import type { KubeClient } from './client.js';
import type { Lease } from '../model/kinds.js';
import { LABELS, MANAGER, leaseName } from '../model/objects.js';
import { sleep } from '../util/sleep.js';
import { AnswerLostError } from './retry.js';

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

/** Another run holds the environment's lease: the caller may wait for it (up, down) or skip it (cleanup). */
export class LeaseHeldError extends UserError {
  override name = 'LeaseHeldError';
}

/** After this many reads that find no lease followed by creates that say it exists, stop. */
const CONTRADICTIONS = 5;

/**
 * One run per environment at a time: a coordination.k8s.io Lease named after the environment. A second
 * run waits (saying who holds it) and takes over a lease whose holder stopped renewing it, so a run that
 * died does not block the next one for longer than the lease's duration. Every pass sleeps: a conflict
 * (another run wrote between our read and write) backs off with jitter, within the same deadline.
 */
export async function acquireLease(
  client: KubeClient,
  id: string,
  options: LeaseOptions,
): Promise<HeldLease> {
  const name = leaseName(id);
  const identity = `${options.holder} (${os.hostname()}, pid ${process.pid}, ${randomBytes(3).toString('hex')})`;
  const lease = await takeLease(client, { id, name, identity }, options);
  return holdLease(client, lease, identity, options);
}

/** Takes the lease: creates it, or takes over one nobody holds, waiting for a live holder. */
async function takeLease(
  client: KubeClient,
  who: { id: string; name: string; identity: string },
  options: LeaseOptions,
): Promise<Lease> {
  const { name } = who;
  const deadline = Date.now() + options.waitMs;
  let announced = '';
  let conflicts = 0;
  let contradictions = 0;
  while (true) {
    options.signal.throwIfAborted();
    const current = await client.read<Lease>(leaseRef(name));
    // Ours already: a create or takeover whose answer was lost was applied.
    if (current?.spec?.holderIdentity === who.identity) return current;
    try {
      const taken = await writeIfFree(client, current, who, options);
      if (taken) return taken;
    } catch (error) {
      // A takeover whose answer was lost: read the lease again (after a pause) to learn whether it is ours.
      if (error instanceof AnswerLostError) {
        await sleep(backoff(conflicts++), options.signal);
        continue;
      }
      if (!(error instanceof KubeApiError && error.code === 409)) throw error;
      // Another run created or took the lease between our read and write: look again after a pause.
      // A read that keeps finding nothing while the create keeps finding it is no race, though.
      contradictions = current ? 0 : contradictions + 1;
      if (contradictions >= CONTRADICTIONS) {
        throw new UserError(
          `Lease/${name} reads as missing (404) in namespace "${client.namespace}", yet creating it answers 409 AlreadyExists, ${contradictions} times in a row. Something between the runner and the cluster answers for that name (a proxy, or a webhook); check with kubectl get lease ${name} --namespace ${client.namespace}.`,
        );
      }
      if (Date.now() >= deadline) {
        throw new LeaseHeldError(
          `Could not take Lease/${name} within ${formatDuration(options.waitMs)}: other runs kept changing it (409 Conflict). Use a concurrency group per pull request in the workflow.`,
        );
      }
      await sleep(Math.min(backoff(conflicts++), Math.max(0, deadline - Date.now())), options.signal);
      continue;
    }
    const holder = current!.spec!.holderIdentity!;
    if (holder !== announced)
      options.log.info(
        `Waiting for another run of this environment to finish: ${holder} holds the lease ${name}.`,
      );
    announced = holder;
    if (Date.now() >= deadline) {
      throw new LeaseHeldError(
        `Another run of this environment (${holder}) still holds the lease ${name} after ${formatDuration(options.waitMs)}. Use a concurrency group per pull request in the workflow, or delete the lease if that run is gone.`,
      );
    }
    await sleep(options.pollMs, options.signal);
  }
}

/**
 * Creates the lease when there is none, or takes over one nobody holds (or whose holder stopped
 * renewing it); undefined while a live holder has it. A 409 means another run wrote first.
 */
async function writeIfFree(
  client: KubeClient,
  current: Lease | undefined,
  who: { id: string; name: string; identity: string },
  options: LeaseOptions,
): Promise<Lease | undefined> {
  const now = new Date();
  const spec = {
    holderIdentity: who.identity,
    leaseDurationSeconds: options.durationSeconds,
    acquireTime: microTime(now),
    renewTime: microTime(now),
  };
  const ref = leaseRef(who.name);
  if (!current) {
    const labels = { [LABELS.managedBy]: MANAGER, [LABELS.id]: who.id };
    return client.create<Lease>({ ...ref, metadata: { name: who.name, labels }, spec });
  }
  const holder = current.spec?.holderIdentity;
  if (holder && !expired(current, now)) return undefined;
  if (holder) options.log.info(`Taking over the lease of ${holder}, which stopped renewing it.`);
  return client.replace<Lease>({ ...current, apiVersion: ref.apiVersion, kind: ref.kind, spec });
}

function leaseRef(name: string) {
  return { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', name };
}

/** Renews a taken lease in the background until it is released. */
function holdLease(client: KubeClient, lease: Lease, identity: string, options: LeaseOptions): HeldLease {
  const { name } = lease.metadata;
  let held = lease;
  let released = false;
  let renewing = false;
  // Ends a renewal riding out an outage when the lease is released.
  const releasing = new AbortController();
  const renewal = setInterval(
    () => {
      // A renewal riding out an outage is not joined by the next one.
      if (renewing) return;
      renewing = true;
      void renew(client.until(releasing.signal), held, identity)
        .then((renewed) => (held = renewed))
        .catch((error: unknown) => {
          if (!released)
            options.log.warning(`Could not renew the lease ${name}: ${(error as Error).message}`);
        })
        .finally(() => (renewing = false));
    },
    (options.durationSeconds * 1000) / 3,
  );
  renewal.unref();

  const release = async () => {
    if (released) return;
    released = true;
    clearInterval(renewal);
    releasing.abort();
    await releaseLease(client.detached(), name, identity, options.log);
  };
  return { name, identity, release, [Symbol.asyncDispose]: release };
}

/**
 * One renewal. A 409 after a renewal whose answer was lost (it was applied: the version moved on) is
 * told apart from another run's write by reading the lease: still ours, it is renewed from there.
 */
async function renew(client: KubeClient, held: Lease, identity: string): Promise<Lease> {
  const ref = leaseRef(held.metadata.name);
  const write = (lease: Lease) =>
    client.replace<Lease>({
      ...lease,
      apiVersion: ref.apiVersion,
      kind: ref.kind,
      spec: { ...lease.spec, renewTime: microTime(new Date()) },
    });
  try {
    return await write(held);
  } catch (error) {
    if (!(error instanceof KubeApiError && error.code === 409)) throw error;
    const current = await client.read<Lease>(ref);
    if (current?.spec?.holderIdentity !== identity) throw error;
    return write(current);
  }
}

/** Deletes the lease if `identity` still holds it: never another run's. */
export async function releaseLease(
  client: KubeClient,
  name: string,
  identity: string,
  log: Logger,
): Promise<boolean> {
  const ref = leaseRef(name);
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

/** 100 ms doubling to 2 s, with jitter so that racing runs do not retry in step. */
function backoff(attempt: number): number {
  const ceiling = Math.min(2000, 100 * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** The MicroTime format of Lease times: RFC 3339 with microseconds. */
function microTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
