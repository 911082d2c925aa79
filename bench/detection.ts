// 1. Alarm detection latency: from the alarm going to ALARM, at a random moment of the poll cycle during a bake,
// to the first mutating call of the rollback, both as the sandbox records them.

import { alarmTrial, firstAfter } from './lib/alarm-trial.js'
import { figure, type BenchResult, type Figure } from './lib/report.js'
import { withSandbox } from './lib/sandbox.js'
import { quantile } from './lib/stats.js'
import { failureNote, inRounds, randomDelay } from './lib/trials.js'

export interface DetectionOptions {
  trials: number
  pollIntervalsMs: number[]
  concurrency: number
}

const TICK_MS = 50
const START_SECONDS = '0.2'

export async function detection(o: DetectionOptions): Promise<BenchResult> {
  const began = Date.now()
  const figures: Figure[] = []
  const notes: string[] = []
  let cpu = 0
  for (const pollMs of o.pollIntervalsMs) {
    const { value: trials, sandboxCpuMs } = await withSandbox({ tickMs: TICK_MS }, sandbox =>
      inRounds(sandbox, { ...o, staggerMs: 400 }, async slot => {
        const trial = await alarmTrial({
          sandbox,
          region: slot.region,
          service: {
            service: `det-${slot.trial}`,
            desiredCount: 4,
            env: { SANDBOX_START_SECONDS: START_SECONDS }
          },
          inputs: {
            strategy: 'canary',
            'canary-percent': '25',
            'canary-bake-time': '10m',
            'poll-interval': `${pollMs}ms`
          },
          delayMs: randomDelay(pollMs)
        })
        const setAt = trial.calls[trial.set].at
        const read = firstAfter(trial.calls, trial.set, c => c.operation === 'DescribeAlarms')
        const act = firstAfter(trial.calls, trial.set, c => c.mutating)
        if (!read || !act) throw new Error('no alarm read or no mutating call after the alarm was set')
        return {
          latency: act.call.at - setAt,
          wait: read.call.at - setAt,
          reaction: act.call.at - read.call.at,
          operation: act.call.operation
        }
      })
    )
    cpu += sandboxCpuMs
    const value = trials.results
    const s = pollMs / 1000
    const target = { stat: 'p95' as const, max: 1.1 * pollMs + 100, text: `p95 ≤ 1.1 × ${s} s + 100 ms` }
    figures.push(
      figure(
        `latency-${pollMs}`,
        `Detection latency, poll-interval ${s} s`,
        'ms',
        value.map(v => v.latency),
        'trial',
        target
      ),
      figure(
        `wait-${pollMs}`,
        `  of which: waiting for the next gate read (${s} s)`,
        'ms',
        value.map(v => v.wait),
        'trial'
      ),
      figure(
        `reaction-${pollMs}`,
        `  of which: gate read to first mutating call (${s} s)`,
        'ms',
        value.map(v => v.reaction),
        'trial'
      )
    )
    const ops = [...new Set(value.map(v => v.operation))].join(', ')
    notes.push(...failureNote(`poll-interval ${s} s`, trials.failures))
    notes.push(
      `poll-interval ${s} s: the first mutating call was always ${ops}. The wait for the next gate read ` +
        `(p95 ${quantile(
          value.map(v => v.wait),
          0.95
        ).toFixed(0)} ms) is the poll cycle itself; from that read to ` +
        `the rollback's first change took p95 ${quantile(
          value.map(v => v.reaction),
          0.95
        ).toFixed(0)} ms.`
    )
  }
  return {
    id: 'detection',
    title: '1. Alarm detection latency',
    method: `
For each poll-interval (${o.pollIntervalsMs.map(ms => `${ms / 1000} s`).join(' and ')}), ${o.trials} trials, ${o.concurrency}
at a time in different regions of one sandbox (tick ${TICK_MS} ms; tasks start in ${START_SECONDS} s), reset between
rounds. Each trial creates a 4-task EXTERNAL service and one gate alarm on a metric that never gets data with
\`TreatMissingData: ignore\` (so only SetAlarmState moves it, and the sandbox's evaluations keep that state), then
runs \`dist/index.js\` with \`command: deploy\`, canary 25 % with a 10 m bake and the poll-interval. Once the action logs
that the canary is baking, the benchmark waits a uniformly random delay in [0, poll-interval) — a random moment of
the poll cycle — and sets the alarm to ALARM with SetAlarmState. Latency is the time from the SetAlarmState to the
first mutating call after it, both as the sandbox's call log records them (its clock, ms). It is split into the wait
for the action's next DescribeAlarms and the time from that read to the first mutating call.`,
    figures,
    notes,
    durationMs: Date.now() - began,
    sandboxCpuMs: cpu
  }
}
