// Turns the inputs into a Config, runs the command, and reports: outputs, job summary, exit status.
// This is the one place that catches: every error below surfaces here as a message for a person.

import * as core from '@actions/core'
import { readActionConfig, type ConfigRead } from './config/inputs.js'
import { inputErrorMessages } from './config/problems.js'
import { Output, State, Status } from './constants.js'
import { runCommand } from './commands/index.js'
import type { Outcome } from './commands/outcome.js'
import { describeError, failureMessage } from './errors.js'
import { escapeHtml } from './report/html.js'

/** `read`: the run's inputs, when the entry has read them already. */
export async function run(read: ConfigRead = readActionConfig()): Promise<void> {
  const cancel = watchCancellation()
  let outcome: Outcome
  // Masked in every log line from here on, before anything could print it.
  const token = core.getInput('github-token')
  if (token) core.setSecret(token)
  let invalid: string[] | undefined
  try {
    if ('error' in read) throw read.error
    const { config } = read
    for (const warning of config.warnings) core.warning(warning)
    outcome = await runCommand(config, cancel.signal)
  } catch (error) {
    invalid = inputErrorMessages(error)
    const reason = failureMessage(error)
    const title = invalid ? 'Invalid input: nothing was changed' : 'The action failed'
    const body = invalid
      ? `<ul>\n${invalid.map(m => `<li>${escapeHtml(m)}</li>`).join('\n')}\n</ul>`
      : `<p>${escapeHtml(reason)}</p>`
    outcome = {
      status: Status.Failed,
      failure: reason,
      outputs: {},
      summary: `<h2>❌ ${title}</h2>\n${body}\n`
    }
  }
  await report(outcome, invalid)
}

/** The runner cancels with SIGINT, then SIGTERM 7.5 s later: both stop the rollout from advancing. */
function watchCancellation(): AbortController {
  const controller = new AbortController()
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      core.warning(`Received ${signal}: the run was cancelled`)
      controller.abort(signal)
    })
  }
  return controller
}

/** `invalid`: the run's input errors, each its own annotation, then a line that counts them. */
async function report(outcome: Outcome, invalid?: string[]): Promise<void> {
  core.setOutput(Output.Status, outcome.status)
  for (const [name, value] of Object.entries(outcome.outputs))
    if (value !== undefined) core.setOutput(name, value)
  if (outcome.failure !== undefined && outcome.outputs[Output.Reason] === undefined)
    core.setOutput(Output.Reason, outcome.failure)
  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      await core.summary.emptyBuffer().addRaw(outcome.summary).write({ overwrite: true })
    } catch (error) {
      core.warning(`Could not write the job summary: ${describeError(error)}`)
    }
  }
  if (invalid) {
    for (const message of invalid) core.error(message)
    core.info(
      `${invalid.length} invalid input${invalid.length === 1 ? '' : 's'}: nothing was changed. Fix ${invalid.length === 1 ? 'it' : 'them'} in the step's with: block`
    )
    process.exitCode = 1 // core.setFailed would add one more annotation
  } else if (outcome.failure !== undefined) core.setFailed(outcome.failure)
  core.saveState(State.Finished, 'true')
}
