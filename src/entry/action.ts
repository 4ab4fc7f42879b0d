import * as core from '@actions/core';
import { CancelledError, cancelOnSignals, describeError, reasonOf } from '../util/errors.js';
import { readRunContext } from '../github/event.js';
import { actionLogger } from './action-log.js';
import { jobSummary, urlOutputs } from './summary.js';
import { actionInputs } from '../model/inputs.js';
import { runPreview } from './run-preview.js';
import { runPostStep } from './post.js';
import { MAIN_STATE } from '../model/checkpoint.js';

/** The action's entry point (main and post step): read the event, run one command, set the outputs. */
export async function runAction(): Promise<void> {
  // The same bundle is the action's `post` step, which runs after the main step, cancelled or not.
  if (core.getState(MAIN_STATE.started)) return runPostStep(process.env, actionLogger());
  core.saveState(MAIN_STATE.started, 'true');
  const signal = cancelOnSignals();
  try {
    const outcome = await runPreview({
      input: actionInputs(process.env),
      context: readRunContext(process.env),
      log: actionLogger(),
      signal,
      cwd: process.cwd(),
      checkpoint: (key, value) => core.saveState(key, value),
    });
    core.setOutput('env-id', outcome.ids.envId);
    core.setOutput('id', outcome.ids.id);
    core.setOutput('namespace', outcome.namespace);
    for (const [name, value] of Object.entries(urlOutputs(outcome))) core.setOutput(name, value);
    if (outcome.command === 'plan') core.info(outcome.manifest);
    const failed = outcome.command === 'doctor' ? outcome.checks.filter((c) => c.state === 'failed') : [];
    if (failed.length > 0)
      core.setFailed(`doctor: ${failed.length} checks failed: ${failed.map((c) => c.name).join(', ')}.`);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(jobSummary(outcome)).write();
    core.saveState(MAIN_STATE.finished, 'true');
  } catch (error) {
    const reason = reasonOf(error, signal);
    core.setFailed(
      reason instanceof CancelledError ? `Cancelled: ${reason.message}.` : describeError(reason),
    );
  }
}
