// 7. Metric-gate detection latency (issue 16): with no alarm at all, from the new revision starting to answer 5xx
// (a revision fault, at a random moment of the poll cycle during a canary bake) to the first mutating call of the
// rollback the built-in check starts. Target: p95 ≤ poll interval + metric period + 0.1 s.

import { startAction, transcript } from './lib/action.js'
import { figure, type BenchResult } from './lib/report.js'
import { withSandbox } from './lib/sandbox.js'
import { createService } from './lib/scenes.js'
import { quantile } from './lib/stats.js'
import { failureNote, inRounds, randomDelay, sleep } from './lib/trials.js'

export interface MetricDetectionOptions {
  trials: number
  concurrency: number
  pollMs: number
  periodS: number
}

const TICK_MS = 50
const ERROR_RATE = 0.5

export async function metricDetection(o: MetricDetectionOptions): Promise<BenchResult> {
  const began = Date.now()
  const { value: trials, sandboxCpuMs } = await withSandbox({ tickMs: TICK_MS }, sandbox =>
    inRounds(sandbox, { ...o, staggerMs: 400 }, async slot => {
      const service = await createService(sandbox.url, {
        region: slot.region,
        service: `metric-${slot.trial}`,
        desiredCount: 4,
        env: { SANDBOX_START_SECONDS: '0.2' },
        weighted: true
      })
      const { scene } = service
      const action = startAction({
        endpoint: sandbox.url,
        region: slot.region,
        timeoutMs: 120_000,
        inputs: {
          command: 'deploy',
          cluster: scene.clusterName,
          service: scene.serviceName,
          'task-definition': service.next,
          traffic: 'weights',
          'listener-arn': scene.listener!,
          'target-groups': scene.targetGroups.join(','),
          strategy: 'canary',
          'canary-percent': '25',
          'canary-bake-time': '10m',
          'poll-interval': `${o.pollMs}ms`,
          'metric-period': `${o.periodS}s`
        }
      })
      await action.line(/ — .*baking \d/)
      await sleep(randomDelay(o.pollMs))
      const setAt = Date.now()
      await sandbox.control.setRevisionFault({ taskDefinition: service.next, errorRate: ERROR_RATE })
      const run = await action.done
      if (!/^metric 5xx-rate failed/.test(run.outputs.reason ?? ''))
        throw new Error(`the rollout was not rolled back by the 5xx check\n${transcript(run)}`)
      const calls = (await sandbox.control.calls(setAt)).filter(c => c.region === slot.region)
      const read = calls.find(c => c.operation === 'GetMetricData')
      const act = calls.find(c => c.mutating)
      if (!read || !act) throw new Error('no metric read or no mutating call after the fault was set')
      return {
        latency: act.at - setAt,
        reads: calls.filter(c => c.operation === 'GetMetricData' && c.at <= act.at).length
      }
    })
  )
  const latencies = trials.results.map(r => r.latency)
  const target = o.pollMs + 1000 * o.periodS + 100
  return {
    id: 'metric-detection',
    title: '7. Metric-gate detection latency',
    method: `
${o.trials} trials, ${o.concurrency} at a time in different regions of one sandbox (tick ${TICK_MS} ms), reset between
rounds. Each trial creates a 4-task EXTERNAL service behind two target groups (100 requests/s) with **no alarm**
and runs \`dist/index.js\` with canary 25 % by listener weights, a 10 m bake, poll-interval ${o.pollMs / 1000} s and
metric-period ${o.periodS} s; everything else default (the built-in checks on). Once the action logs that the canary
is baking, the benchmark waits a uniformly random delay in [0, poll-interval) and makes the new revision answer
${100 * ERROR_RATE} % of its requests with 5xx (a revision fault). Latency is from that moment (the benchmark's clock,
the sandbox's on the same machine) to the first mutating call the sandbox records after it: the rollback's first
weight change. Each poll reads all metric gates in one GetMetricData.`,
    figures: [
      figure('metric-latency', 'Metric-gate detection latency', 'ms', latencies, 'trial', {
        stat: 'p95',
        max: target,
        text: `p95 ≤ ${o.pollMs / 1000} s + ${o.periodS} s + 100 ms`
      }),
      figure(
        'metric-reads',
        '  GetMetricData calls from the fault to the rollback',
        'calls',
        trials.results.map(r => r.reads),
        'trial'
      )
    ],
    notes: [
      ...failureNote('metric detection', trials.failures),
      `p50 ${quantile(latencies, 0.5).toFixed(0)} ms, p95 ${quantile(latencies, 0.95).toFixed(0)} ms: the data of the ` +
        `failing requests is in the sandbox's CloudWatch at its next tick, and the check reads it at the next poll.`
    ],
    durationMs: Date.now() - began,
    sandboxCpuMs
  }
}
