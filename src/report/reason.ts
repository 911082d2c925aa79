// Why a rollout stopped going forward, shown: the clause for headlines and annotations (worded, with the line
// for the record and the outputs, in engine/reasons.ts), and the full evidence (the alarm's state reason, the
// stopped tasks, the hook's output) for the log and the summary.

import type { FailureReason } from '../engine/events.js'
import { reasonWords } from '../engine/reasons.js'
import type { FailedTask } from '../engine/ports.js'
import { alarmUrl, taskId, taskUrl } from './console-links.js'
import { Html, code, escapeHtml, safe, link, pre, table } from './html.js'
import { andMore, capitalize, dateTime, oneLine, plural, sentence, tailLines, timeOfDay } from './text.js'

/** Stopped tasks listed in full; the rest are counted. */
export const MAX_TASKS = 10
/** Lines of hook output shown, from the end, where the error usually is. */
export const MAX_OUTPUT_LINES = 30

/** "alarm web-5xx went into ALARM": one clause, safe for a log line (not yet escaped for HTML). */
export function reasonClause(r: FailureReason): string {
  return oneLine(reasonWords(r).clause)
}

/** A short title for an annotation: "Alarm web-5xx". */
export function reasonTitle(r: FailureReason): string {
  switch (r.kind) {
    case 'alarm':
      return `Alarm ${oneLine(r.alarm.name, 200)}`
    case 'tasks':
      return 'New tasks stopped'
    case 'timeout':
      return r.scope === 'step' ? 'Step timeout' : 'Rollout timeout'
    case 'hook':
      return `Hook ${oneLine(r.hook, 200)} failed`
    case 'cancelled':
      return 'Run cancelled'
    case 'api':
      return 'AWS API error'
    case 'requested':
      return `${r.command === 'abort' ? 'Abort' : 'Rollback'} requested`
    case 'orphan':
      return 'Orphaned rollout'
    case 'taken-over':
      return 'Rollout taken over'
    case 'metric':
      return `Metric ${oneLine(r.reading.name, 200)} ${r.reading.verdict === 'inconclusive' ? 'inconclusive' : 'failed'}`
    case 'ecs':
      return {
        'circuit-breaker': 'ECS circuit breaker',
        alarms: 'ECS deployment alarms',
        stopped: 'Service deployment stopped',
        failed: 'ECS deployment failed'
      }[r.cause]
  }
}

/**
 * The evidence, a line each, for an annotation's body: what the headline's clause does not already say (the
 * alarm's state reason, the stopped tasks, the hook's last lines). Empty when the clause says it all.
 */
export function reasonLines(r: FailureReason): string[] {
  switch (r.kind) {
    case 'alarm':
      return [
        `alarm ${oneLine(r.alarm.name)}: ${r.alarm.state} since ${dateTime(r.alarm.since)}`,
        `state reason: ${oneLine(r.alarm.reason)}`
      ]
    case 'tasks':
      return taskLines(r.tasks)
    case 'hook': {
      const { lines, omitted } = tailLines(r.output, MAX_OUTPUT_LINES)
      const note = omitted > 0 ? [`(${plural(omitted, 'earlier line')} left out)`] : []
      return [...note, ...lines.map(l => `│ ${l}`)]
    }
    case 'ecs':
      return [`ECS's reason: ${oneLine(r.reason)}`, ...taskLines(r.tasks)]
    case 'metric':
      return [oneLine(r.reading.detail)]
    default:
      return []
  }
}

function taskLines(tasks: FailedTask[]): string[] {
  const lines = tasks.slice(0, MAX_TASKS).map(t => {
    const exit = t.exitCode === undefined ? '' : `, exit code ${t.exitCode}`
    return `task ${oneLine(taskId(t.taskArn), 200)} stopped at ${timeOfDay(t.at)}${exit}: ${oneLine(t.reason)}`
  })
  const omitted = tasks.length - lines.length
  return [...lines, ...(omitted > 0 ? [andMore(omitted, 'tasks')] : [])]
}

/** Where the rollout runs, for console links. */
export interface Where {
  region: string
  cluster: string
}

/** The evidence for the summary, with links to the alarm and the tasks. */
export function reasonHtml(r: FailureReason, where: Where): Html {
  switch (r.kind) {
    case 'alarm': {
      const { name, state, reason, since } = r.alarm
      const alarm = maybeLink(name, alarmUrl(where.region, name))
      return safe`<p>Alarm ${alarm} went into ${state} at ${dateTime(since)}.</p>\n<p><b>State reason:</b> ${reason}</p>\n`
    }
    case 'tasks': {
      const head = `<p>${escapeHtml(capitalize(reasonClause(r)))}:</p>\n`
      return new Html(head + taskTable(r.tasks, where).html)
    }
    case 'ecs': {
      const head = safe`<p>${sentence(reasonClause(r))}</p>\n<p><b>ECS's reason:</b> ${r.reason}</p>\n`
      const tasks = r.tasks.length
        ? `<p>Stopped tasks of the new revision:</p>\n${taskTable(r.tasks, where).html}`
        : ''
      return new Html(head.html + tasks)
    }
    case 'hook': {
      const { lines, omitted } = tailLines(r.output, MAX_OUTPUT_LINES)
      const exit = r.exitCode === null ? 'did not finish (no exit code)' : `exited with code ${r.exitCode}`
      const intro = safe`<p>Hook ${code(r.hook)} ${exit}.`
      if (lines.length === 0) return new Html(`${intro.html} It printed nothing.</p>\n`)
      const which =
        omitted > 0 ? `Its last ${lines.length} lines (${omitted} earlier left out):` : 'Its output:'
      return new Html(`${intro.html} ${which}</p>\n${pre(lines).html}`)
    }
    case 'metric':
      return safe`<p>${sentence(reasonClause(r))}</p>\n<p>${sentence(oneLine(r.reading.detail))}</p>\n`
    default:
      return safe`<p>${sentence(reasonClause(r))}</p>\n`
  }
}

function taskTable(tasks: FailedTask[], where: Where): Html {
  const rows = tasks
    .slice(0, MAX_TASKS)
    .map(t => [
      maybeLink(taskId(t.taskArn), taskUrl(where.region, where.cluster, t.taskArn)),
      timeOfDay(t.at),
      t.exitCode === undefined ? '' : t.exitCode,
      t.reason
    ])
  const omitted = tasks.length - rows.length
  const more = omitted > 0 ? `<p>${andMore(omitted, 'stopped tasks')}</p>\n` : ''
  return new Html(table(['Task', 'Stopped', 'Exit code', 'Stopped reason'], rows).html + more)
}

function maybeLink(text: string, url: string | undefined): Html {
  return url ? link(text, url) : code(text)
}
