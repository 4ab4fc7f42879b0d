import type http from 'node:http';
import { parse as parseYaml } from 'yaml';
import { PatchError, type Json, type JsonObject } from './patch.js';
import { SelectorError } from './selectors.js';
import { StatusError } from './status.js';

/** A path the API server does not route: its mux answers with a plain-text page. */
export class NotFoundPage extends Error {}

/** A path the API server routes to a group/version it serves but no resource of it. */
export function notFoundPage(): StatusError {
  return new StatusError(404, 'NotFound', 'the server could not find the requested resource');
}

export function methodNotAllowed(method: string): StatusError {
  return new StatusError(
    405,
    'MethodNotAllowed',
    `the server does not allow this method on the requested resource (${method})`,
  );
}

/** The Status body of a failure, with Retry-After's seconds in its details when it has them. */
export function status(error: StatusError): JsonObject {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: error.message,
    reason: error.reason,
    ...(Object.keys(error.details).length || error.retryAfterSeconds !== undefined
      ? {
          details: {
            ...error.details,
            ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
          },
        }
      : {}),
    code: error.code,
  };
}

/** Answers a failed request as the API server does: a Status, or its mux's page for an unrouted path. */
export function sendError(res: http.ServerResponse, error: unknown): void {
  if (error instanceof StatusError) sendStatus(res, error);
  else if (error instanceof PatchError)
    sendStatus(res, new StatusError(error.code, error.reason, error.message, error.details));
  else if (error instanceof NotFoundPage) sendNotFoundPage(res);
  else if (error instanceof SelectorError) sendStatus(res, new StatusError(400, 'BadRequest', error.message));
  else
    sendStatus(
      res,
      new StatusError(500, 'InternalError', `Internal error occurred: ${(error as Error).message}`),
    );
}

function sendStatus(res: http.ServerResponse, error: StatusError): void {
  if (error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.retryAfterSeconds));
  sendJson(res, error.code, status(error));
}

function sendNotFoundPage(res: http.ServerResponse): void {
  const text = '404 page not found\n';
  res.writeHead(404, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendJson(res: http.ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function decodeJson(body: Buffer): Json {
  try {
    return JSON.parse(body.toString('utf8')) as Json;
  } catch (error) {
    throw new StatusError(400, 'BadRequest', `error decoding patch: ${(error as Error).message}`);
  }
}

/** A create's or update's body, in one of the media types the API server accepts for it. */
export function decode(body: Buffer, contentType: string | undefined): Json {
  if (contentType && contentType !== 'application/json' && contentType !== 'application/yaml') {
    throw new StatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`,
    );
  }
  if (contentType === 'application/yaml') return parseYaml(body.toString('utf8')) as Json;
  return decodeJson(body);
}

/** Now, to the second, as the API server writes timestamps. */
export function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}
