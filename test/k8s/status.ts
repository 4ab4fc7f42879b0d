import type { JsonObject } from './patch.js';
import type { ResourceType } from './resources.js';

/** An error the API server reports as a Status object. */
export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details: JsonObject = {},
    /** Sent as the Retry-After header (and details.retryAfterSeconds), as with 429 TooManyRequests. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** `statefulsets.apps`, `configmaps`: how the API server names a resource in messages. */
export function qualified(type: ResourceType): string {
  return type.group ? `${type.name}.${type.group}` : type.name;
}

export function details(type: ResourceType, name: string): JsonObject {
  return { name, ...(type.group ? { group: type.group } : {}), kind: type.name };
}

export function notFound(type: ResourceType, name: string): StatusError {
  return new StatusError(404, 'NotFound', `${qualified(type)} "${name}" not found`, details(type, name));
}
