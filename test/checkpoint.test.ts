import { describe, expect, it } from 'vitest';
import { LEASE_STATE, MAIN_STATE, REPORT_STATE, type Checkpoint } from '../src/model/checkpoint.js';

/** The step state as the action keeps it: strings by key. */
function stepState(): { state: Map<string, string>; checkpoint: Checkpoint } {
  const state = new Map<string, string>();
  return { state, checkpoint: (key, value) => state.set(key, value) };
}

describe('the step state the post step reads back', () => {
  it('reads what the main step saved, and nothing once it was cleared', () => {
    const { state, checkpoint } = stepState();
    const held = {
      namespace: 'previews',
      name: 'kube-pod-preview-x',
      identity: 'run-1',
      kubeconfig: { kind: 'content' as const },
      context: undefined,
    };
    LEASE_STATE.save(checkpoint, held);
    expect(LEASE_STATE.read(state.get(MAIN_STATE.lease)!)).toEqual({ ...held, context: undefined });
    LEASE_STATE.save(checkpoint, undefined);
    expect(LEASE_STATE.read(state.get(MAIN_STATE.lease)!)).toBeUndefined();
    const report = { repository: 'o/r', comment: { id: 7, cancelledBody: 'cancelled' }, deploymentId: 3 };
    REPORT_STATE.save(checkpoint, report);
    expect(REPORT_STATE.read(state.get(MAIN_STATE.report)!)).toEqual(report);
  });

  it('refuses state of another shape instead of acting on it', () => {
    expect(() => LEASE_STATE.read(JSON.stringify({ namespace: 'previews', name: 3 }))).toThrow(
      /kpp-lease is not what this version saves/,
    );
    expect(() => REPORT_STATE.read(JSON.stringify({ repository: 'o/r', comment: { id: '7' } }))).toThrow(
      /kpp-report/,
    );
    expect(() => REPORT_STATE.read('{not json')).toThrow();
  });
});
