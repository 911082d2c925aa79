// What a command hands back to main, and how an engine's result becomes one.

import { Output, Status } from '../constants.js'
import type { EngineResult } from '../engine/loop-types.js'
import { reasonText } from '../engine/reasons.js'

/** What a command hands back to main: the status, the summary to write and any further outputs. */
export interface Outcome {
  status: Status
  /** The whole job summary (HTML); written with overwrite. */
  summary: string
  outputs: Partial<Record<Output, string>>
  /** Set when the run must fail the step: the reason, written for a person. */
  failure?: string
}

/** Maps the engine's result to the step's status, outputs and failure. */
export function outcomeOf(
  result: EngineResult,
  outputs: Partial<Record<Output, string>>,
  summary: string
): Outcome {
  const reason = reasonText(result.reason)
  const all = { ...outputs, [Output.TrafficPercent]: String(result.trafficPercent) }
  if (reason) all[Output.Reason] = reason
  const outcome = { status: result.status, outputs: all, summary }
  switch (result.status) {
    case Status.Succeeded:
      return outcome
    case Status.Paused:
      // A pause at a manual step is where the plan asked to stop: not a failed job. A gate that failed is.
      return result.reason
        ? {
            ...outcome,
            failure: `Paused at step ${result.step} because ${reason}: promote or abort from a later run`
          }
        : outcome
    case Status.RolledBack:
      return { ...outcome, failure: `Rolled back: ${reason}` }
    case Status.Aborted:
      return { ...outcome, failure: `Aborted: ${reason}` }
    default:
      return { ...outcome, failure: reason ?? 'the rollout failed' }
  }
}
