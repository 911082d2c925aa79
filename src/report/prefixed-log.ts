// The log of one service among several rolling out at once (services): their lines interleave, so each line says
// whose it is, and the runner's collapsible groups become plain lines (groups of several services would nest into
// each other).

import type { LogPort } from './log.js'

export function prefixedLog(log: LogPort, label: string): LogPort {
  const tag = (message: string) =>
    message
      .split('\n')
      .map(line => `[${label}] ${line}`)
      .join('\n')
  return {
    startGroup: name => log.info(tag(`▸ ${name}`)),
    endGroup: () => undefined,
    info: message => log.info(tag(message)),
    debug: message => log.debug(tag(message)),
    notice: (message, properties) => log.notice(tag(message), properties),
    warning: (message, properties) => log.warning(tag(message), properties),
    error: (message, properties) => log.error(tag(message), properties)
  }
}
