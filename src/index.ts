// The entry. A command that acts on a service's rollout reads the service first: when the inputs are all valid,
// that request is sent before the rest of the action loads — @actions/core alone brings undici, 0.4 MB — and the
// command takes its answer (aws/read-ahead.ts). The rest is imported "eager": ncc keeps it in index.js, minified,
// and runs it once the answer is in. main.ts reads the inputs again, through @actions/core, and reports.

import { READS_SERVICE_FIRST } from './commands/index.js'
import { readConfig } from './config/inputs.js'

/** The service to read ahead: none when an input is invalid (nothing is asked of AWS then) or not needed. */
function serviceToReadAhead(): { cluster: string; service: string } | undefined {
  try {
    // As @actions/core's getInput reads an input.
    const config = readConfig(name => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim())
    return READS_SERVICE_FIRST.includes(config.command) && config.service ? config : undefined
  } catch {
    return undefined
  }
}

const ahead = serviceToReadAhead()
if (ahead) await (await import('./aws/read-ahead.js')).readAhead(ahead.cluster, ahead.service)

const [core, { run }] = await Promise.all([
  import(/* webpackMode: "eager" */ '@actions/core'),
  import(/* webpackMode: "eager" */ './main.js')
])
// run() reports its own failures; this catches only a failure to report (e.g. an unwritable output file).
await run().catch((error: unknown) =>
  core.setFailed(`ecs-rollout could not report its result: ${String(error)}`)
)
