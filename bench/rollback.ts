// 2. Rollback time: from detection (the gate read that saw ALARM) to all traffic on the stable revision and the
// new task set removed, per the sandbox's journal, for three ways of carrying traffic.

import type { CallRecord } from '../sandbox/client.js'
import { alarmTrial, firstAfter, type AlarmTrial } from './lib/alarm-trial.js'
import type { BenchService } from './lib/scenes.js'
import { figure, type BenchResult, type Figure } from './lib/report.js'
import { withSandbox } from './lib/sandbox.js'
import { median } from './lib/stats.js'
import { failureNote, inRounds, randomDelay } from './lib/trials.js'

export interface RollbackOptions {
  trialsPerMode: number
  concurrency: number
}

const TICK_MS = 50
const START_SECONDS = '0.2'
const POLL_MS = 1000
/** The calls that can move production traffic: listener weights, or (by replicas) the task sets' sizes. */
const MOVES_TRAFFIC = {
  weights: new Set(['ModifyListener', 'ModifyRule']),
  replicas: new Set(['UpdateTaskSet', 'DeleteTaskSet'])
}

interface Mode {
  id: string
  label: string
  weighted: boolean
  inputs: (service: BenchService) => Record<string, string>
  target: boolean
}

const MODES: Mode[] = [
  {
    id: 'replicas-keep',
    label: 'replicas, stable kept',
    weighted: false,
    inputs: () => ({ 'stable-scale': 'keep' }),
    target: false
  },
  {
    id: 'replicas-shrink',
    label: 'replicas, stable shrunk',
    weighted: false,
    inputs: () => ({ 'stable-scale': 'shrink' }),
    target: false
  },
  {
    id: 'weights-keep',
    label: 'weights, stable kept',
    weighted: true,
    inputs: ({ scene }) => ({
      traffic: 'weights',
      'stable-scale': 'keep',
      'listener-arn': scene.listener ?? '',
      'target-groups': scene.targetGroups.join(',')
    }),
    target: true
  }
]

interface Measured {
  trafficBackMs: number
  removedMs: number
  mutatingUntilBack: number
  mutatingTotal: number
  reportedCalls?: number
}

export async function rollback(o: RollbackOptions): Promise<BenchResult> {
  const began = Date.now()
  const figures: Figure[] = []
  const notes: string[] = []
  let cpu = 0
  for (const mode of MODES) {
    const { value: trials, sandboxCpuMs } = await withSandbox({ tickMs: TICK_MS }, sandbox =>
      inRounds(
        sandbox,
        { trials: o.trialsPerMode, concurrency: o.concurrency, staggerMs: 400 },
        async slot => {
          const trial = await alarmTrial({
            sandbox,
            region: slot.region,
            service: {
              service: `rb-${slot.trial}`,
              desiredCount: 4,
              env: { SANDBOX_START_SECONDS: START_SECONDS },
              loadBalanced: true,
              weighted: mode.weighted
            },
            inputs: {
              strategy: 'canary',
              'canary-percent': '50',
              'canary-bake-time': '10m',
              'poll-interval': `${POLL_MS}ms`
            },
            sceneInputs: mode.inputs,
            delayMs: randomDelay(POLL_MS)
          })
          return measure(trial, MOVES_TRAFFIC[mode.weighted ? 'weights' : 'replicas'])
        }
      )
    )
    cpu += sandboxCpuMs
    const value = trials.results
    notes.push(...failureNote(mode.label, trials.failures))
    const targets = mode.target
    figures.push(
      figure(
        `${mode.id}-traffic`,
        `${mode.label}: detection to all traffic on stable`,
        'ms',
        value.map(v => v.trafficBackMs),
        'trial',
        targets ? { stat: 'p95', max: 300, text: '≤ 300 ms' } : undefined
      ),
      figure(
        `${mode.id}-calls`,
        `${mode.label}: mutating calls until traffic is back`,
        'calls',
        value.map(v => v.mutatingUntilBack),
        'trial',
        targets ? { stat: 'max', max: 2, text: '≤ 2 calls' } : undefined
      ),
      figure(
        `${mode.id}-removed`,
        `${mode.label}: detection to new task set removed`,
        'ms',
        value.map(v => v.removedMs),
        'trial'
      ),
      figure(
        `${mode.id}-total`,
        `${mode.label}: mutating calls of the whole rollback`,
        'calls',
        value.map(v => v.mutatingTotal),
        'trial'
      )
    )
    const reported = value.map(v => v.reportedCalls).filter((n): n is number => n !== undefined)
    notes.push(
      `${mode.label}: the action's own log said traffic was back after ${median(reported)} mutating call(s) ` +
        `(median; record writes excluded).`
    )
  }
  return {
    id: 'rollback',
    title: '2. Rollback time',
    method: `
Per way of carrying traffic, ${o.trialsPerMode} trials (${o.concurrency} at a time in different regions of one sandbox, tick
${TICK_MS} ms so that health checks and the journal have that resolution, tasks start in ${START_SECONDS} s, reset between
rounds): a 4-task EXTERNAL service behind a load balancer (two target groups and a listener for traffic by weights),
\`dist/index.js\` deploying canary 50 % with a 10 m bake, poll-interval ${POLL_MS / 1000} s, and a gate alarm set to ALARM
at a random moment of the bake's poll cycle (as in benchmark 1). Detection is the action's first DescribeAlarms after
the SetAlarmState (sandbox call log). "All traffic on stable" is the first journal tick after it whose traffic share is
all on the stable task definition; "removed" the first tick where the new task set is no longer ACTIVE (deleted:
DRAINING or gone). Mutating calls until traffic is back count every mutating call from detection up to and including
the one that moved the traffic — the last ModifyListener (by weights), or UpdateTaskSet/DeleteTaskSet (by replicas),
before that tick — the record's tag writes included; the whole rollback's count runs to the end.`,
    figures,
    notes,
    durationMs: Date.now() - began,
    sandboxCpuMs: cpu
  }
}

function measure(trial: AlarmTrial, movers: Set<string>): Measured {
  const { calls, journal } = trial
  const detected = firstAfter(calls, trial.set, c => c.operation === 'DescribeAlarms')
  if (!detected) throw new Error('no DescribeAlarms after the alarm was set')
  const at = detected.call.at
  const next = trial.service.next
  const stable = trial.service.scene.taskDefinition
  const back = journal.find(t => t.at >= at && (t.trafficShareByTaskDefinition[stable] ?? 0) >= 0.9999)
  const removed = journal.find(
    t => t.at >= at && !t.taskSets.some(s => s.taskDefinition === next && s.status !== 'DRAINING')
  )
  if (!back || !removed) {
    const last = journal.at(-1)
    throw new Error(
      `the journal (${journal.length} ticks) never showed ${back ? 'the new task set removed' : 'all traffic on stable'}; ` +
        `last tick: ${JSON.stringify({ share: last?.trafficShareByTaskDefinition, sets: last?.taskSets.map(t => [t.taskDefinition.split('/').at(-1), t.status, t.runningCount]) })}`
    )
  }
  const after = calls.slice(detected.index + 1)
  // The call that put the traffic back: the last one able to move it before the journal showed it back.
  const mover = lastIndex(after, c => movers.has(c.operation) && c.at <= back.at)
  const reported = trial.run.lines
    .map(l => /all traffic back on .* \((\d+) mutating call/.exec(l.text))
    .find(Boolean)
  return {
    trafficBackMs: back.at - at,
    removedMs: removed.at - at,
    mutatingUntilBack: after.slice(0, mover + 1).filter(c => c.mutating).length,
    mutatingTotal: after.filter(c => c.mutating).length,
    reportedCalls: reported ? Number(reported[1]) : undefined
  }
}

function lastIndex(calls: CallRecord[], match: (c: CallRecord) => boolean): number {
  for (let i = calls.length - 1; i >= 0; i--) if (match(calls[i])) return i
  return -1
}
