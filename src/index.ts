// The entry. A command that acts on a service's rollout reads the service first: when the inputs are all valid,
// that request is sent before the rest of the action loads — @actions/core alone brings undici, 0.4 MB — and the
// command takes its answer (aws/read-ahead.ts). The rest is imported "eager": ncc keeps it in index.js, minified,
// and runs it once the answer is in, with the inputs as read here.

import { READS_SERVICE_FIRST } from './commands/index.js'
import { readActionConfig } from './config/inputs.js'

const read = readActionConfig()
// Nothing is asked of AWS ahead when an input is invalid, or when the command does not read a service first.
const ahead = 'config' in read && READS_SERVICE_FIRST.includes(read.config.command) ? read.config : undefined
if (ahead?.service) await (await import('./aws/read-ahead.js')).readAhead(ahead.cluster, ahead.service)

const [core, { run }] = await Promise.all([
  import(/* webpackMode: "eager" */ '@actions/core'),
  import(/* webpackMode: "eager" */ './main.js')
])
// run() reports its own failures; this catches only a failure to report (e.g. an unwritable output file).
await run(read).catch((error: unknown) =>
  core.setFailed(`ecs-rollout could not report its result: ${String(error)}`)
)
