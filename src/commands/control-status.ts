// `status`, and the outcome of every control run that ends by reporting the rollout as it stands: the record
// and what ECS runs, in the log, the summary and the outputs.

import * as core from '@actions/core'
import { describeService, type ServiceInfo } from '../aws/service.js'
import { taskDefinitionLabel } from '../aws/task-definition.js'
import type { Config } from '../config/types.js'
import { Output, Status } from '../constants.js'
import { statusOfOutcome } from '../engine/outcome.js'
import type { RolloutRecord } from '../record/record.js'
import { escapeHtml } from '../report/html.js'
import { ownerOf } from './rollout-owner.js'
import type { Outcome } from './outcome.js'
import type { SessionDeps } from './rollout-session.js'

/** What ECS runs now, a line per task set: the live side of `status`. */
export async function liveState(config: Config, deps: SessionDeps): Promise<string[]> {
  const found = await describeService(deps.clients.ecs, config.cluster, config.service)
  return (found.taskSets ?? []).map(
    set =>
      `task set ${set.id} (${taskDefinitionLabel(set.taskDefinition ?? '')}): ${set.status}, ${set.runningCount ?? 0} of ${set.computedDesiredCount ?? 0} tasks running (scale ${set.scale?.value ?? 0}%), ${set.stabilityStatus === 'STEADY_STATE' ? 'steady' : 'stabilizing'}`
  )
}

function heartbeatText(record: RolloutRecord): string {
  if (record.heartbeat === 0) return 'handed over by its run after a cancel'
  return `last heartbeat ${new Date(record.heartbeat).toISOString()}`
}

/** The record and live state in the log, the summary and the outputs; changes nothing. */
export function statusOutcome(
  config: Config,
  record: RolloutRecord | undefined,
  service: ServiceInfo,
  note?: string,
  live: string[] = []
): Outcome {
  if (!record) {
    const text = `${config.service} has no rollout on record${service.taskDefinition ? `; it runs ${taskDefinitionLabel(service.taskDefinition)}` : ''}`
    core.info(text)
    for (const line of live) core.info(line)
    return {
      status: Status.Succeeded,
      outputs: { [Output.TaskDefinitionArn]: service.taskDefinition ?? '' },
      summary: `<h2>${escapeHtml(text)}</h2>\n`
    }
  }
  const status =
    record.phase === 'Completed'
      ? statusOfOutcome(record.outcome)
      : record.stage === 'executing' || record.stage === 'rolling-back'
        ? Status.InProgress
        : Status.Paused
  const lines = [
    `Rollout ${record.id} on ${config.service}: ${record.phase}${record.stage ? ` (${record.stage})` : ''}${record.outcome ? `, ${record.outcome}` : ''}${note ? ` — ${note}` : ''}`,
    `${record.stableTaskDefinition ? taskDefinitionLabel(record.stableTaskDefinition) : 'nothing'} → ${taskDefinitionLabel(record.newTaskDefinition)}, step ${record.step} of ${record.steps}`,
    `started ${new Date(record.startedAt).toISOString()} by ${record.actor}${record.runUrl ? ` in ${record.runUrl}` : ''}${record.commit ? ` at ${record.commit.slice(0, 12)}` : ''}`,
    `${heartbeatText(record)}${record.reason ? `; reason: ${record.reason}` : ''}${record.request ? `; request pending: ${record.request}` : ''}`
  ]
  if (status === Status.InProgress && ownerOf(record))
    lines.push(
      record.heartbeat === 0
        ? 'no run owns it now: the next run (resume, abort, or the post step) carries its rollback on'
        : `owned by ${ownerOf(record)}`
    )
  lines.push(...live)
  for (const line of lines) core.info(line)
  const summary = `<h2>Rollout ${escapeHtml(record.id)} on ${escapeHtml(config.service)}</h2>\n<ul>${lines.map(l => `<li>${escapeHtml(l)}</li>`).join('')}</ul>\n`
  const outputs: Partial<Record<Output, string>> = {
    [Output.RolloutId]: record.id,
    [Output.TaskDefinitionArn]: record.newTaskDefinition,
    [Output.PreviousTaskDefinitionArn]: record.stableTaskDefinition ?? ''
  }
  if (record.reason) outputs[Output.Reason] = record.reason
  const failed = status === Status.RolledBack || status === Status.Failed || status === Status.Aborted
  return {
    status,
    outputs,
    summary,
    failure: failed && config.command !== 'status' ? (record.reason ?? status) : undefined
  }
}
