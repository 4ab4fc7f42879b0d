import * as core from '@actions/core';
import { describeError } from './errors.js';
import { readRunContext } from './github/event.js';
import { actionLogger } from './github/logger.js';
import { actionInputs } from './inputs.js';
import { runLifecycle } from './lifecycle.js';

/** The action's entry point: read the event, run one lifecycle, report. */
export async function runAction(): Promise<void> {
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
  try {
    const outcome = await runLifecycle({
      input: actionInputs(process.env),
      context: readRunContext(process.env),
      log: actionLogger(),
      signal: controller.signal,
      cwd: process.cwd(),
    });
    core.setOutput('env-id', outcome.ids.envId);
    core.setOutput('id', outcome.ids.id);
    core.setOutput('namespace', outcome.namespace);
    if (outcome.manifest !== undefined) core.info(outcome.manifest);
  } catch (error) {
    core.setFailed(describeError(error));
  }
}
