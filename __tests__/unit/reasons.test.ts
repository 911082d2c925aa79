// Every failure reason is worded once: the headline's clause, and the record's line that is that clause followed
// by its evidence. A row per kind, with the words a person reads.

import { describe, expect, it } from '@jest/globals'
import type { FailureReason } from '../../src/engine/events.js'
import { reasonText, reasonWords } from '../../src/engine/reasons.js'
import { reasonHtml } from '../../src/report/reason.js'

const SINCE = Date.UTC(2026, 11, 3, 10, 0, 0)
const task = {
  taskArn: 'arn:aws:ecs:eu-west-1:1:task/c/abc',
  reason: 'Essential container in task exited',
  at: SINCE
}

const rows: { example: string; reason: FailureReason; clause: string; line: string }[] = [
  {
    example: 'alarm: the line adds when and why it fired',
    reason: {
      kind: 'alarm',
      alarm: { name: 'web-5xx', state: 'ALARM', reason: 'Threshold Crossed', since: SINCE }
    },
    clause: 'alarm web-5xx went into ALARM',
    line: 'alarm web-5xx went into ALARM at 2026-12-03T10:00:00.000Z: Threshold Crossed'
  },
  {
    example: 'tasks: the line adds the first stopped reason',
    reason: { kind: 'tasks', tasks: [task, task, task], threshold: 3 },
    clause: '3 new tasks stopped or failed health checks (max-failed-tasks: 3)',
    line: '3 new tasks stopped or failed health checks (max-failed-tasks: 3): Essential container in task exited'
  },
  {
    example: 'one task: singular',
    reason: { kind: 'tasks', tasks: [task], threshold: 1 },
    clause: '1 new task stopped or failed health checks (max-failed-tasks: 1)',
    line: '1 new task stopped or failed health checks (max-failed-tasks: 1): Essential container in task exited'
  },
  {
    example: 'step timeout: no evidence beyond the clause',
    reason: { kind: 'timeout', scope: 'step', limitMs: 600_000, step: 2 },
    clause: 'step 2 did not become stable within step-timeout (10m)',
    line: 'step 2 did not become stable within step-timeout (10m)'
  },
  {
    example: 'the rollback timed out',
    reason: { kind: 'timeout', scope: 'step', limitMs: 90_000 },
    clause: 'the rollback did not become stable within step-timeout (1m30s)',
    line: 'the rollback did not become stable within step-timeout (1m30s)'
  },
  {
    example: 'run timeout',
    reason: { kind: 'timeout', scope: 'run', limitMs: 3_600_000 },
    clause: 'the rollout ran past its timeout (1h)',
    line: 'the rollout ran past its timeout (1h)'
  },
  {
    example: 'hook: the line adds its last line of output',
    reason: { kind: 'hook', hook: 'smoke', exitCode: 3, output: ['checking', 'GET / → 502'] },
    clause: 'hook smoke exited with code 3',
    line: 'hook smoke exited with code 3: GET / → 502'
  },
  {
    example: 'hook killed, silent',
    reason: { kind: 'hook', hook: 'smoke', exitCode: null, output: [] },
    clause: 'hook smoke did not finish (no exit code)',
    line: 'hook smoke did not finish (no exit code)'
  },
  {
    example: 'cancelled',
    reason: { kind: 'cancelled', signal: 'SIGINT' },
    clause: 'the run was cancelled (SIGINT)',
    line: 'the run was cancelled (SIGINT)'
  },
  {
    example: 'AWS errors past the retries',
    reason: { kind: 'api', message: 'ThrottlingException: Rate exceeded' },
    clause: 'AWS kept failing: ThrottlingException: Rate exceeded',
    line: 'AWS kept failing: ThrottlingException: Rate exceeded'
  },
  {
    example: 'a control run asked',
    reason: { kind: 'requested', by: 'erin', command: 'abort' },
    clause: 'erin asked to abort',
    line: 'erin asked to abort'
  },
  {
    example: 'orphaned',
    reason: { kind: 'orphan', owner: 'run 7' },
    clause: 'the run that owned the rollout stopped (run 7)',
    line: 'the run that owned the rollout stopped (run 7)'
  },
  {
    example: 'taken over',
    reason: { kind: 'taken-over', by: 'run 8' },
    clause: 'rollout taken over by run 8',
    line: 'rollout taken over by run 8'
  },
  {
    example: "ECS's circuit breaker: the line adds ECS's reason and a stopped task",
    reason: {
      kind: 'ecs',
      cause: 'circuit-breaker',
      reason: 'tasks failed to start',
      tasks: [task],
      rolledBack: true
    },
    clause: "ECS's deployment circuit breaker rolled the deployment back",
    line: "ECS's deployment circuit breaker rolled the deployment back: tasks failed to start (stopped task: Essential container in task exited)"
  },
  {
    example: "ECS's alarms, named",
    reason: {
      kind: 'ecs',
      cause: 'alarms',
      reason: 'alarm fired',
      alarms: ['a', 'b'],
      tasks: [],
      rolledBack: false
    },
    clause: "ECS's deployment alarms (a, b) stopped the deployment",
    line: "ECS's deployment alarms (a, b) stopped the deployment: alarm fired"
  },
  {
    example: 'metric: the line adds the judgement',
    reason: {
      kind: 'metric',
      reading: {
        name: 'p99',
        new: 900,
        stable: 300,
        unit: 'ms',
        verdict: 'fail',
        judgement: 'ratio',
        detail: 'more than 50 % above the stable'
      }
    },
    clause: 'metric p99 failed: 900 ms on the new revision, 300 ms on the stable one',
    line: 'metric p99 failed: 900 ms on the new revision, 300 ms on the stable one (more than 50 % above the stable)'
  }
]

describe('failure reasons, worded once', () => {
  it.each(rows)('$example', ({ reason, clause, line }) => {
    expect(reasonWords(reason)).toEqual({ clause, line })
    // The line always begins with the headline's clause: the same words, with the evidence after them.
    expect(line.startsWith(clause)).toBe(true)
    expect(reasonText(reason)).toBe(line)
  })

  it('no reason, no text', () => {
    expect(reasonText(undefined)).toBeUndefined()
  })
})

describe("the summary's evidence for a reason", () => {
  it('a metric: the clause, then the reading against the limit it broke (not left to the metrics table below)', () => {
    const reason = rows.find(r => r.reason.kind === 'metric')!.reason
    expect(reasonHtml(reason, { region: 'eu-west-1', cluster: 'prod' }).html).toBe(
      '<p>Metric p99 failed: 900 ms on the new revision, 300 ms on the stable one.</p>\n' +
        '<p>More than 50 % above the stable.</p>\n'
    )
  })
})
