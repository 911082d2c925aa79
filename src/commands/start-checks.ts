// Checks and names every deploy makes before its first change, whatever the service's controller.

import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import { AlarmGates } from '../aws/alarm-gates.js'
import type { Clients } from '../aws/clients.js'
import { taskDefinitionLabel } from '../aws/task-definition.js'
import { InputError } from '../config/parse.js'
import type { Config } from '../config/types.js'
import { Output, Status } from '../constants.js'
import type { RolloutRecord } from '../record/record.js'
import type { Outcome } from './outcome.js'
import { escapeHtml } from '../report/html.js'
import type { AlarmState, Clock, GatesPort } from '../engine/ports.js'
import { runAttempt, type RunContext } from '../run-context.js'

/** The gate and warning alarms of the inputs. */
export function alarmGates(config: Config, clients: Clients): AlarmGates {
  return new AlarmGates({
    cloudwatch: clients.cloudwatch,
    alarms: config.alarms,
    warningAlarms: config.warningAlarms,
    // Several services in one run: a poll takes the run's read of the region's alarms up to a poll-interval old.
    reads: clients.shared?.alarms,
    maxAgeMs: clients.shared ? config.pollIntervalMs : 0
  })
}

/** The alarm gates of the inputs, each alarm checked to exist (an input error names the first missing one). */
export async function checkedGates(config: Config, clients: Clients): Promise<AlarmGates> {
  const gates = alarmGates(config, clients)
  const missing = await gates.missing()
  if (missing.length) {
    const input = config.alarms.includes(missing[0]) ? 'alarms' : 'warning-alarms'
    throw new InputError(
      input,
      `alarm ${missing.map(m => `"${m}"`).join(', ')} does not exist in this account and region`
    )
  }
  return gates
}

/** A gate alarm already in ALARM: fail (nothing changed), wait for it to clear (within timeout), or ignore it. */
export async function checkAlarmsAtStart(config: Config, gates: GatesPort, clock: Clock): Promise<void> {
  if (config.onAlarmAtStart === 'ignore' || config.alarms.length === 0) return
  const deadline = clock.now() + config.timeoutMs
  for (;;) {
    const firing = (await gates.read()).alarms.filter(a => a.state === 'ALARM')
    if (firing.length === 0) return
    if (config.onAlarmAtStart === 'fail' || clock.now() >= deadline)
      throw new Error(
        `${describeFiring(firing)}: nothing was changed. Fix the cause, or set on-alarm-at-start: wait or ignore`
      )
    core.info(`Waiting for ${firing.map(a => a.name).join(', ')} to leave ALARM before starting`)
    await clock.sleep(config.pollIntervalMs)
  }
}

function describeFiring(firing: AlarmState[]): string {
  const [first] = firing
  const more = firing.length > 1 ? ` (and ${firing.length - 1} more)` : ''
  return `alarm ${first.name} is already in ALARM since ${new Date(first.since).toISOString()}${more}: ${first.reason}`
}

/** "r4242-1-a1b2c3": the run, its attempt and a random suffix. */
export function newRolloutId(run: RunContext): string {
  const suffix = randomBytes(3).toString('hex')
  return run.runId
    ? `r${run.runId}-${run.runAttempt ?? '1'}-${suffix}`
    : `r${Date.now().toString(36)}-${suffix}`
}

/** A fresh rollout's record, as a deploy of either controller writes it before its first change to the fleet. */
export function newRecord(
  config: Config,
  run: RunContext,
  now: number,
  rollout: { id: string; steps: number; newTaskDefinition: string; stableTaskDefinition?: string }
): RolloutRecord {
  return {
    ...rollout,
    phase: 'Active',
    stage: 'executing',
    step: 1,
    plan: config.plan,
    actor: run.actor,
    runUrl: run.runUrl,
    commit: run.commit,
    ownerRun: runAttempt(run),
    startedAt: now,
    heartbeat: now,
    request: null,
    ...(config.command === 'rollback' ? { rollback: true as const } : {})
  }
}

/** The outcome when the service already runs the revision asked for: nothing to roll out. */
export function alreadyRunning(config: Config, arn: string): Outcome {
  const label = taskDefinitionLabel(arn)
  core.info(`${config.service} already runs ${label}: nothing to roll out`)
  return {
    status: Status.Succeeded,
    outputs: {
      [Output.TaskDefinitionArn]: arn,
      [Output.PreviousTaskDefinitionArn]: arn,
      [Output.TrafficPercent]: '100'
    },
    summary: `<h2>✅ ${escapeHtml(config.service)} already runs ${escapeHtml(label)}</h2>\n<p>Nothing was changed.</p>\n`
  }
}
