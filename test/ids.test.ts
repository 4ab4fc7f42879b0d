import { describe, expect, it } from 'vitest';
import { MAX_RESOURCE_ID_LENGTH, environmentId, resourceId } from '../src/model/ids.js';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

describe('environment id', () => {
  it('is pr-<number> for a pull request', () => expect(environmentId(undefined, 42)).toBe('pr-42'));
  it('is the env-id input when given', () => expect(environmentId('staging', 42)).toBe('staging'));
  it('is required outside a pull request', () => {
    expect(() => environmentId(undefined, undefined)).toThrow(
      'Set input env-id (or pass --env-id to the CLI).',
    );
  });
});

describe('resource id', () => {
  it('reads as <repo>-<env-id>-<hash> and is stable across runs', () => {
    const id = resourceId('acme/web', 'pr-7');
    expect(id).toMatch(/^web-pr-7-[0-9a-f]{8}$/);
    expect(resourceId('acme/web', 'pr-7')).toBe(id);
  });

  it('differs between repositories with the same name and between environments', () => {
    const ids = new Set([
      resourceId('acme/web', 'pr-1'),
      resourceId('other/web', 'pr-1'),
      resourceId('acme/web', 'pr-2'),
      resourceId('ACME/web', 'pr-1'),
    ]);
    expect(ids.size).toBe(3); // owner case does not matter on GitHub
  });

  it('stays a DNS label of at most 48 characters, keeping the env id, for long names', () => {
    const a = resourceId('acme/' + 'a-very-long-repository-name-'.repeat(4), 'pr-123');
    const b = resourceId('acme/' + 'a-very-long-repository-name-'.repeat(4) + 'x', 'pr-123');
    for (const id of [a, b]) {
      expect(id.length).toBeLessThanOrEqual(MAX_RESOURCE_ID_LENGTH);
      expect(id).toMatch(DNS_LABEL);
      expect(id).toContain('-pr-123-');
    }
    expect(a).not.toBe(b);
  });

  it('copes with a long env id and odd repository characters', () => {
    const id = resourceId('Acme/My_Repo.JS', 'x'.repeat(63));
    expect(id.length).toBeLessThanOrEqual(MAX_RESOURCE_ID_LENGTH);
    expect(id).toMatch(DNS_LABEL);
    expect(resourceId('Acme/My_Repo.JS', 'pr-1')).toMatch(/^my-repo-js-pr-1-[0-9a-f]{8}$/);
  });
});
