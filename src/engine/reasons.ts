// Every failure reason put into words, once. A reason is one clause ("alarm web-5xx went into ALARM") and, where
// there is some, its evidence ("at 2026-12-03T10:00:00.000Z: Threshold Crossed: …"). The log and the summary
// show the clause in the headline, with the evidence laid out beside it; the record and the `reason` output,
// which have one line, carry the clause followed by its evidence. Same words everywhere: only the evidence is
// added or left out.

import { formatDuration } from '../config/parse.js'
import type { FailureReason } from './events.js'
import { formatMetric } from './metric-values.js'

/** A metric's value in words ("20.0 %", "412 ms"), for the log and the summary too. */
export { formatMetric }

export interface ReasonWords {
  /** A clause for a headline; names in it are not yet made safe for the log or HTML. */
  clause: string
  /** The clause followed by its evidence, for the record and the outputs. */
  line: string
}

/** A reason's clause and the evidence that follows it on a line of its own (with its lead punctuation). */
interface Worded {
  clause: string
  evidence?: string
}

export function reasonWords(r: FailureReason): ReasonWords {
  const { clause, evidence = '' } = worded(r)
  return { clause, line: clause + evidence }
}

function worded(r: FailureReason): Worded {
  switch (r.kind) {
    case 'alarm':
      return {
        clause: `alarm ${r.alarm.name} went into ${r.alarm.state}`,
        evidence: ` at ${new Date(r.alarm.since).toISOString()}: ${r.alarm.reason}`
      }
    case 'tasks': {
      const first = r.tasks[0]
      const n = r.tasks.length
      return {
        clause: `${n} new task${n === 1 ? '' : 's'} stopped or failed health checks (max-failed-tasks: ${r.threshold})`,
        evidence: first && `: ${first.reason}`
      }
    }
    case 'timeout':
      return {
        clause:
          r.scope === 'run'
            ? `the rollout ran past its timeout (${formatDuration(r.limitMs)})`
            : `${r.step === undefined ? 'the rollback' : `step ${r.step}`} did not become stable within step-timeout (${formatDuration(r.limitMs)})`
      }
    case 'hook':
      return {
        clause:
          r.exitCode === null
            ? `hook ${r.hook} did not finish (no exit code)`
            : `hook ${r.hook} exited with code ${r.exitCode}`,
        evidence: r.output.length ? `: ${r.output[r.output.length - 1]}` : undefined
      }
    case 'cancelled':
      return { clause: `the run was cancelled (${r.signal})` }
    case 'api':
      return { clause: `AWS kept failing: ${r.message}` }
    case 'requested':
      return { clause: `${r.by} asked to ${r.command}` }
    case 'orphan':
      return { clause: `the run that owned the rollout stopped (${r.owner})` }
    case 'taken-over':
      return { clause: `rollout taken over by ${r.by}` }
    case 'ecs':
      return ecsWords(r)
    case 'metric':
      return metricWords(r)
  }
}

/**
 * "metric 5xx-rate failed: 20.0 % on the new revision, 0.0 % on the stable one"; where both revisions share one
 * target group, "… 12.0 % on both revisions together": the value is not the new revision's alone.
 */
function metricWords({ reading: m }: Extract<FailureReason, { kind: 'metric' }>): Worded {
  const did = m.verdict === 'inconclusive' ? 'was inconclusive' : 'failed'
  const stable = m.stable === undefined ? '' : `, ${formatMetric(m.stable, m.unit)} on the stable one`
  return {
    clause: `metric ${m.name} ${did}: ${formatMetric(m.new, m.unit)} ${m.shared ? 'on both revisions together' : 'on the new revision'}${stable}`,
    evidence: ` (${m.detail})`
  }
}

/** "ECS's deployment circuit breaker rolled the deployment back: …". */
function ecsWords(r: Extract<FailureReason, { kind: 'ecs' }>): Worded {
  const did = r.rolledBack ? 'rolled the deployment back' : 'stopped the deployment'
  const first = r.tasks[0]
  const evidence = `: ${r.reason}${first ? ` (stopped task: ${first.reason})` : ''}`
  switch (r.cause) {
    case 'circuit-breaker':
      return { clause: `ECS's deployment circuit breaker ${did}`, evidence }
    case 'alarms': {
      const names = r.alarms?.length ? ` (${r.alarms.join(', ')})` : ''
      return { clause: `ECS's deployment alarms${names} ${did}`, evidence }
    }
    case 'stopped':
      return { clause: `the service deployment was stopped outside this run, and ECS ${did}`, evidence }
    case 'failed':
      return { clause: `ECS failed the deployment`, evidence }
  }
}

/** The one-line reason for the record and the outputs. */
export function reasonText(reason: FailureReason | undefined): string | undefined {
  return reason && reasonWords(reason).line
}
