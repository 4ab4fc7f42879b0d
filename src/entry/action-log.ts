import * as core from '@actions/core';
import type { Logger } from '../util/log.js';

/** The Actions log: annotations for notices and warnings, collapsible groups, masked secrets. */
export function actionLogger(): Logger {
  return {
    info: (m) => core.info(m),
    notice: (m) => core.notice(m),
    warning: (m) => core.warning(m),
    debug: (m) => core.debug(m),
    group: (title, fn) => core.group(title, fn),
    mask: (value) => {
      // The runner masks line by line: a multi-line secret (a key) is registered one line at a time.
      for (const line of value.split(/\r?\n/)) if (line.trim().length > 3) core.setSecret(line.trim());
    },
  };
}
