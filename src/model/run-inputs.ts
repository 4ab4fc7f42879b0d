import path from 'node:path';
import type { InputSource } from './inputs.js';
import { boolean, labelName, lines, oneOf, optional } from './input-parsers.js';
import { COMMANDS, type Command, type ProjectInputs } from './settings.js';
import type { TriggerSettings } from './trigger.js';

/**
 * The inputs a run reads before its compose file, to decide whether and where to read it: the
 * command, whose code a fork's pull request deploys, which pull requests get a preview, the project.
 */

/** Input command, known before the compose file is read. */
export function readCommand(input: InputSource): Command {
  return oneOf(input('command') ?? 'auto', COMMANDS, 'command');
}

/** Input on-fork: what a fork's pull request, which gets no secrets, does. */
export function readOnFork(input: InputSource): 'skip' | 'fail' {
  return optional(input('on-fork'), (v) => oneOf(v, ['skip', 'fail'] as const, 'on-fork')) ?? 'skip';
}

/** Input allow-fork-code: deploy another repository's code on events that carry this one's secrets. */
export function allowsForkCode(input: InputSource): boolean {
  return optional(input('allow-fork-code'), (v) => boolean(v, 'Input allow-fork-code')) ?? false;
}

/** Inputs drafts and label: which pull requests get a preview, known before the compose file is read. */
export function readTriggers(input: InputSource): TriggerSettings {
  return {
    drafts: optional(input('drafts'), (v) => oneOf(v, ['deploy', 'skip'] as const, 'drafts')) ?? 'deploy',
    label: optional(input('label'), labelName),
  };
}

export function readProjectInputs(input: InputSource, cwd: string): ProjectInputs {
  const workingDirectory = path.resolve(cwd, input('working-directory') ?? '.');
  const composeFiles = lines(input('compose-file')).map((f) => path.resolve(workingDirectory, f));
  const allowPaths = lines(input('allow-paths')).map((p) => path.resolve(workingDirectory, p));
  return { workingDirectory, composeFiles, allowPaths };
}
