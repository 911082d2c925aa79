// The job log, read at a glance: one group per step, a line per change, annotations for warnings and for
// the failure, and nothing from outside that could start a workflow command or paint the terminal.

import { describe, expect, it } from '@jest/globals'
import type { FailureReason, RolloutEvent } from '../../src/engine/events.js'
import { type LogPort, createLogSink, logLines } from '../../src/report/log.js'
import { prefixedLog } from '../../src/report/prefixed-log.js'
import { emptyProgress } from '../../src/report/progress.js'
import { Story, T0, canary, linear } from '../helpers/rollout-story.js'

/** Every call the sink makes, as one string each: "info: …", "group: …", "end", "warning [title]: …". */
function record(events: RolloutEvent[]): string[] {
  const calls: string[] = []
  const note =
    (kind: string) =>
    (message: string, props?: { title?: string }): void => {
      calls.push(`${kind}${props?.title ? ` [${props.title}]` : ''}: ${message}`)
    }
  const core: LogPort = {
    startGroup: name => calls.push(`group: ${name}`),
    endGroup: () => calls.push('end'),
    info: note('info'),
    debug: note('debug'),
    notice: note('notice'),
    warning: note('warning'),
    error: note('error')
  }
  const sink = createLogSink(core)
  for (const event of events) sink.emit(event)
  return calls
}

/** Groups must nest properly: every start closed, never an end without a start. */
function expectBalanced(calls: string[]): void {
  let depth = 0
  for (const call of calls) {
    if (call.startsWith('group: ')) depth++
    if (call === 'end') depth--
    expect(depth).toBeGreaterThanOrEqual(0)
    expect(depth).toBeLessThanOrEqual(1)
  }
  expect(depth).toBe(0)
}

const alarmReason: FailureReason = {
  kind: 'alarm',
  alarm: { name: 'web-5xx', state: 'ALARM', reason: 'Threshold Crossed: 12 > 5', since: T0 + 200_000 }
}

describe('a successful canary in the log', () => {
  const calls = record(new Story(canary()).passAll().succeed().events)

  it('opens a group per step and one for the final stage, all closed', () => {
    expectBalanced(calls)
    expect(calls.filter(c => c.startsWith('group: '))).toEqual([
      'group: Plan: canary, 2 steps',
      'group: step 1/2 (10%): new 1, stable 9 — canary 10%',
      'group: step 2/2 (100%): new 10, stable 0',
      'group: Final: web:42 on all 10 tasks, promote, watch 5m, retire web:41'
    ])
  })

  it('says what each step reached, how fast and how long it bakes', () => {
    expect(calls).toContain('info: step 1/2 (10%): new 1, stable 9 — stable after 41s, baking 5m')
    expect(calls).toContain('info: step 1/2 passed in 5m41s')
    expect(calls).toContain('info: step 2/2 (100%): new 10, stable 0 — stable after 41s, no bake')
    expect(calls).toContain('info: web:42 is now the primary task set')
    expect(calls).toContain('info: watching the gates for 5m before retiring web:41')
    expect(calls).toContain('info: web:41 retired')
    expect(calls[calls.length - 1]).toBe('info: ✅ Succeeded after 11m27s: web:42 serves all traffic')
  })

  it('prints the plan once, in its own group', () => {
    const plan = calls.find(c => /^info: Step +What/.test(c))
    expect(plan).toContain('canary 10%')
    expect(calls.filter(c => c.startsWith('error') || c.startsWith('warning'))).toEqual([])
  })
})

describe('a rollback in the log', () => {
  const story = new Story(linear()).passStep(1).beginStep(2).wait(10_000)
  const calls = record(story.rollBack(alarmReason, { new: 2, stable: 8 }, 20).events)

  it('closes the step, opens a rollback group and annotates the reason as an error', () => {
    expectBalanced(calls)
    const at = calls.indexOf('group: Rolling back to web:41: alarm web-5xx went into ALARM')
    expect(calls[at - 1]).toBe('end')
    expect(calls).toContain(
      'error [Rolling back: Alarm web-5xx]: alarm web-5xx: ALARM since 2026-11-03 12:03:20 UTC\nstate reason: Threshold Crossed: 12 > 5'
    )
    expect(calls).toContain('info: from new 2, stable 8, 20% of traffic on the new revision')
  })

  it('says how quickly traffic came back and with how many calls', () => {
    expect(calls).toContain('info: all traffic back on web:41 12s after the failure (3 mutating calls)')
    expect(calls).toContain('info: rollback done in 45s: the new task set is removed')
    expect(calls[calls.length - 1]).toBe(
      'info: ↩️ Rolled back to web:41 after 3m17s: alarm web-5xx went into ALARM'
    )
  })

  it('lists stopped tasks, capped', () => {
    const tasks = Array.from({ length: 13 }, (_, i) => ({
      taskArn: `arn:aws:ecs:eu-west-1:1:task/prod/t${i}`,
      reason: 'Essential container in task exited',
      at: T0,
      exitCode: 1
    }))
    const out = record(
      new Story(linear())
        .beginStep(1)
        .rollBack({ kind: 'tasks', tasks, threshold: 3 }, { new: 1, stable: 9 }, 10).events
    )
    // The tasks are the annotation's evidence, said once: not also as lines of their own.
    const annotation = out.find(c => c.startsWith('error [Rolling back: New tasks stopped]: '))
    expect(annotation?.split('\n')).toEqual([
      'error [Rolling back: New tasks stopped]: task t0 stopped at 12:00:00 UTC, exit code 1: Essential container in task exited',
      ...Array.from(
        { length: 9 },
        (_, i) => `task t${i + 1} stopped at 12:00:00 UTC, exit code 1: Essential container in task exited`
      ),
      'and 3 more tasks'
    ])
    expect(out.filter(c => c.includes('task t0 '))).toHaveLength(1)
    expect(out).toContain(
      'group: Rolling back to web:41: 13 new tasks stopped or failed health checks (max-failed-tasks: 3)'
    )
  })
})

describe('warnings, pauses and hooks', () => {
  it('annotates a warning once and keeps repeats for debug', () => {
    const alarm = { name: 'web-p99', state: 'ALARM' as const, reason: 'p99 1.9s', since: T0 }
    const story = new Story(canary()).beginStep(1)
    story.emit({ kind: 'warning', message: 'Warning alarm web-p99 is in ALARM: p99 1.9s', alarm })
    story.emit({ kind: 'warning', message: 'Warning alarm web-p99 is in ALARM: p99 2.1s', alarm })
    const calls = record(story.events)
    expect(calls.filter(c => c.startsWith('warning'))).toEqual([
      'warning [Warning alarm web-p99]: Warning alarm web-p99 is in ALARM: p99 1.9s'
    ])
    expect(calls).toContain('debug: still: Warning alarm web-p99 is in ALARM: p99 2.1s')
  })

  it('leaves a notice when the plan pauses', () => {
    const story = new Story(canary()).passStep(1)
    story.emit({ kind: 'paused', step: 1, why: 'manual-step' })
    const calls = record(story.events)
    expect(calls).toContain(
      'notice [Rollout paused]: Paused at step 1/2 as the plan says: promote or abort from a workflow_dispatch run'
    )
  })

  it('shows a failed hook’s last lines in the log and a passing one’s only in debug', () => {
    const output = Array.from({ length: 35 }, (_, i) => `line ${i + 1}`)
    const failed = logLines({ kind: 'hook', at: T0, hook: 'post-step', exitCode: 3, output }, emptyProgress())
    expect(failed[0]).toEqual({ line: 'hook post-step exited with code 3' })
    expect(failed[1]).toEqual({ line: '│ (5 earlier lines left out)' })
    expect(failed[2]).toEqual({ line: '│ line 6' })
    expect(failed).toHaveLength(32)
    const passed = logLines(
      { kind: 'hook', at: T0, hook: 'post-step', exitCode: 0, output: ['ok'] },
      emptyProgress()
    )
    expect(passed).toEqual([{ line: 'hook post-step exited with code 0' }, { debug: '│ ok' }])
  })
})

describe('hostile strings in the log', () => {
  const evil = 'x\n::error::injected\r\n::add-mask::\u001b[31mred\u001b[0m\u202e'
  const story = new Story(canary(), { service: evil, to: { arn: 'b', label: `web:42${evil}` } })
  story.beginStep(1).emit({ kind: 'warning', message: evil })
  const reason: FailureReason = {
    kind: 'hook',
    hook: evil,
    exitCode: 1,
    output: [evil, '::set-output name=a::b']
  }
  const calls = record(story.rollBack(reason, { new: 1, stable: 9 }, 10).events)

  it('keeps every line one line, in our words first, with no escape sequences', () => {
    // The plan table is the one multi-line message, and it is ours.
    for (const call of calls.filter(c => !/^info: Step +What/.test(c) && !c.startsWith('error'))) {
      expect(call).not.toMatch(/[\n\r\u001b\u202e]/)
      expect(call).not.toMatch(/^(info|debug|group): ::/)
    }
    // Outside output reaches the log only inside an annotation's message, which the toolkit escapes.
    expect(calls.find(c => c.startsWith('error'))).toContain('\n│ ::set-output name=a::b')
    expect(calls.join('\n')).not.toContain('\u001b')
  })
})

describe('prefixedLog', () => {
  it('names the service on every line and turns groups into lines', () => {
    const lines: string[] = []
    const port = {
      startGroup: (n: string) => lines.push(`group ${n}`),
      endGroup: () => lines.push('endgroup'),
      info: (m: string) => lines.push(`info ${m}`),
      debug: (m: string) => lines.push(`debug ${m}`),
      notice: (m: string) => lines.push(`notice ${m}`),
      warning: (m: string) => lines.push(`warning ${m}`),
      error: (m: string) => lines.push(`error ${m}`)
    }
    const log = prefixedLog(port, 'prod/api')
    log.startGroup('step 1/2')
    log.info('new 1\nstable 3')
    log.endGroup()
    log.error('Rolled back')
    expect(lines).toEqual([
      'info [prod/api] ▸ step 1/2',
      'info [prod/api] new 1\n[prod/api] stable 3',
      'error [prod/api] Rolled back'
    ])
  })
})
