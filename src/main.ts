import * as core from '@actions/core';
import { CancelledError, cancelOnSignals, describeError, reasonOf } from './errors.js';
import { readRunContext } from './github/event.js';
import { actionLogger } from './github/logger.js';
import { jobSummary, urlOutputs } from './github/summary.js';
import { actionInputs } from './inputs.js';
import { runLifecycle } from './lifecycle.js';
import { runPostStep, MAIN_STATE } from './post.js';

/** The action's entry point: read the event, run one lifecycle, report. */
export async function runAction(): Promise<void> {
  // The same bundle is the action's `post` step, which runs after the main step, cancelled or not.
  if (core.getState(MAIN_STATE.started)) return runPostStep(process.env, actionLogger());
  core.saveState(MAIN_STATE.started, 'true');
  const signal = cancelOnSignals();
  try {
    const outcome = await runLifecycle({
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
    if (outcome.manifest !== undefined) core.info(outcome.manifest);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(jobSummary(outcome)).write();
    core.saveState(MAIN_STATE.finished, 'true');
  } catch (error) {
    const reason = reasonOf(error, signal);
    core.setFailed(
      reason instanceof CancelledError ? `Cancelled: ${reason.message}.` : describeError(reason),
    );
  }
}
