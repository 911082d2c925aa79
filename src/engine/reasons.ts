// Every failure reason put into words, in one place. Each reason has two forms written side by side: the
// clause a headline is built from ("alarm web-5xx went into ALARM", for the log and the summary, which show the
// evidence beside it) and the line that stands alone ("alarm web-5xx is in ALARM since …: Threshold Crossed",
// for the record and the `reason` output, which carry the evidence in the same line). Where no evidence is
// worth a second wording, both are the same words.

import { formatDuration } from '../config/parse.js'
import type { FailureReason } from './events.js'
import { formatMetric } from './metric-values.js'

/** A metric's value in words ("20.0 %", "412 ms"), for the log and the summary too. */
export { formatMetric }

export interface ReasonWords {
  /** A clause for a headline; names in it are not yet made safe for the log or HTML. */
  clause: string
  /** One line for the record and the outputs, with the evidence a person needs first. */
  line: string
}

export function reasonWords(r: FailureReason): ReasonWords {
  switch (r.kind) {
    case 'alarm':
      return {
        clause: `alarm ${r.alarm.name} went into ${r.alarm.state}`,
        line: `alarm ${r.alarm.name} is in ${r.alarm.state} since ${new Date(r.alarm.since).toISOString()}: ${r.alarm.reason}`
      }
    case 'tasks': {
      const first = r.tasks[0]
      const n = r.tasks.length
      return {
        clause: `${n} new task${n === 1 ? '' : 's'} stopped or failed health checks (max-failed-tasks: ${r.threshold})`,
        line: `${n} tasks of the new revision failed (limit ${r.threshold})${first ? `: ${first.reason}` : ''}`
      }
    }
    case 'timeout':
      return same(
        r.scope === 'run'
          ? `the rollout ran past its timeout (${formatDuration(r.limitMs)})`
          : `${r.step === undefined ? 'the rollback' : `step ${r.step}`} did not become stable within step-timeout (${formatDuration(r.limitMs)})`
      )
    case 'hook': {
      const last = r.output.length ? `: ${r.output[r.output.length - 1]}` : ''
      return {
        clause:
          r.exitCode === null
            ? `hook ${r.hook} did not finish (no exit code)`
            : `hook ${r.hook} exited with code ${r.exitCode}`,
        line: `hook ${r.hook} failed with exit code ${r.exitCode ?? 'none'}${last}`
      }
    }
    case 'cancelled':
      return same(`the run was cancelled (${r.signal})`)
    case 'api':
      return { clause: `an AWS API call failed: ${r.message}`, line: `AWS kept failing: ${r.message}` }
    case 'requested':
      return { clause: `${r.by} asked to ${r.command}`, line: `${r.command} requested by ${r.by}` }
    case 'orphan':
      return same(`the run that owned the rollout stopped (${r.owner})`)
    case 'taken-over':
      return same(`rollout taken over by ${r.by}`)
    case 'ecs':
      return ecsWords(r)
    case 'metric':
      return metricWords(r)
  }
}

/** "metric 5xx-rate failed: 20.0 % on the new revision, 0.0 % on the stable one". */
function metricWords({ reading: m }: Extract<FailureReason, { kind: 'metric' }>): ReasonWords {
  const did = m.verdict === 'inconclusive' ? 'was inconclusive' : 'failed'
  const stable = m.stable === undefined ? '' : `, ${formatMetric(m.stable, m.unit)} on the stable one`
  const values = `${formatMetric(m.new, m.unit)} on the new revision${stable}`
  return {
    clause: `metric ${m.name} ${did}: ${values}`,
    line: `metric ${m.name} ${did}: ${values} (${m.detail})`
  }
}

/** "ECS's deployment circuit breaker rolled the deployment back". */
function ecsWords(r: Extract<FailureReason, { kind: 'ecs' }>): ReasonWords {
  const did = r.rolledBack ? 'rolled the deployment back' : 'stopped the deployment'
  const first = r.tasks[0]
  const line = `ECS ${did}: ${r.reason}${first ? ` (stopped task: ${first.reason})` : ''}`
  switch (r.cause) {
    case 'circuit-breaker':
      return { clause: `ECS's deployment circuit breaker ${did}`, line }
    case 'alarms': {
      const names = r.alarms?.length ? ` (${r.alarms.join(', ')})` : ''
      return { clause: `ECS's deployment alarms${names} ${did}`, line }
    }
    case 'stopped':
      return { clause: `the service deployment was stopped outside this run, and ECS ${did}`, line }
    case 'failed':
      return { clause: `ECS failed the deployment`, line }
  }
}

function same(words: string): ReasonWords {
  return { clause: words, line: words }
}

/** The one-line reason for the record and the outputs. */
export function reasonText(reason: FailureReason | undefined): string | undefined {
  return reason && reasonWords(reason).line
}
