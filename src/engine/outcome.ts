// The one map between how a run ended (its Status) and the outcome a rollout's record and its task definition's
// version keep. A paused rollout is not over, so it has no outcome.

import { Status } from '../constants.js'
import type { Outcome as RecordedOutcome } from '../record/record.js'

const RECORDED: Partial<Record<Status, RecordedOutcome>> = {
  [Status.Succeeded]: 'succeeded',
  [Status.RolledBack]: 'rolled-back',
  [Status.Aborted]: 'aborted',
  [Status.Failed]: 'failed'
}

/** The outcome a run that ended with `status` records; undefined while the rollout goes on (paused). */
export function recordedOutcome(status: Status): RecordedOutcome | undefined {
  if (status === Status.Paused || status === Status.InProgress) return undefined
  return RECORDED[status] ?? 'failed'
}

/** The status a completed rollout's recorded outcome reports (a record without one succeeded). */
export function statusOfOutcome(outcome: RecordedOutcome | undefined): Status {
  const found = Object.entries(RECORDED).find(([, recorded]) => recorded === (outcome ?? 'succeeded'))
  return (found?.[0] as Status | undefined) ?? Status.Succeeded
}

/** A rollback a person asked for (abort, or a cancelled run) ends aborted; any other, rolled back. */
export function rollbackStatus(requested: boolean): Status {
  return requested ? Status.Aborted : Status.RolledBack
}
