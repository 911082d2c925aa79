// Metric gates end to end with no alarms at all (issue 16): dist/index.js on the weights scene (a 4-task service
// behind two target groups, 100 requests/s), whose sandbox publishes per-target-group load balancer metrics and
// injects revision faults. The built-in checks roll back a failing canary and pass a healthy one, a custom query
// counts its failures as Argo Rollouts does, an inconclusive result pauses, and a canary that gets no traffic
// does not pass its step. The metric period is 1 s so bakes of seconds have data.

import { describe, expect, it } from '@jest/globals'
import { deploy, explained, readLagMs, revision, withScene, type Run } from '../helpers/scene.js'
import { lineAt, withWeights, type WeightsScene } from '../helpers/weights-e2e.js'

/** No alarms, fast polls and one-second metric periods. */
const METRIC_INPUTS = { alarms: '', 'poll-interval': '1s', 'metric-period': '1s' }

/** A query of the new revision's requests per period, with a condition that always holds once it has traffic. */
function requestsMetric(name: string, fields: string): string {
  return `- name: ${name}
  queries:
    - Id: requests
      MetricStat:
        Metric:
          Namespace: AWS/ApplicationELB
          MetricName: RequestCount
          Dimensions:
            - Name: TargetGroup
              Value: "{{new-target-group}}"
            - Name: LoadBalancer
              Value: "{{load-balancer}}"
        Stat: Sum
  reduce: last
${fields}`
}

function canary(e2e: WeightsScene, next: string, inputs: Record<string, string> = {}): Promise<Run> {
  return deploy(e2e, {
    ...METRIC_INPUTS,
    'task-definition': next,
    strategy: 'canary',
    'canary-percent': '50',
    'canary-bake-time': '3s',
    ...inputs
  })
}

describe('dist/index.js metric gates, no alarms', () => {
  it.concurrent(
    'a canary answering 20 % 5xx is rolled back by the built-in check within two polls of its data',
    async () => {
      await withWeights({ alarm: false, manualAlarm: false }, async e2e => {
        const next = await revision(e2e, { SANDBOX_ERROR_RATE: '0.2' })
        const r = await canary(e2e, next, { 'canary-bake-time': '20s' })
        await explained(r.result, async () => {
          expect(r.result.outputs.status).toBe('rolled-back')
          expect(r.result.outputs.reason).toMatch(
            /^metric 5xx-rate failed: (1[5-9]|2\d)\.\d % on the new revision, 0\.0 % on the stable one \(.*\)$/
          )
          // Data appears with the first tick after the weight moved; the check reads it at the next poll.
          const moved = lineAt(r, /traffic: 50% to web:2/)
          const rolledBack = lineAt(r, /Rolling back to web:1: metric 5xx-rate failed/)
          expect(rolledBack - moved).toBeLessThanOrEqual(2 * 1000 + 1000 + 1500)
          expect(r.result.summary).toContain('Metric 5xx-rate failed')
        })
      })
    }
  )

  it.concurrent('a healthy canary passes, with the requests each step served in the summary', async () => {
    await withWeights({ alarm: false, manualAlarm: false }, async e2e => {
      const next = await revision(e2e)
      const r = await canary(e2e, next)
      await explained(r.result, async () => {
        expect(r.result.outputs.status).toBe('succeeded')
        expect(r.result.stdout).toMatch(
          /metrics at step 1\/2 \(50%\): 5xx-rate 0\.0 % \(stable 0\.0 %\) pass; p99-latency \d+ ms \(stable \d+ ms\) pass; requests [\d,]+ requests \(stable [\d,]+ requests\) pass/
        )
        expect(r.result.summary).toMatch(/<tr><td>1<\/td><td>canary 50%<\/td>.*✅ passed<\/td><\/tr>/)
        expect(r.result.summary).toMatch(
          /<h4>Step 1 of 2 \(canary 50%\): 50% of traffic; [\d,]+ requests on web:2, [\d,]+ requests on web:1 in the window/
        )
        expect(r.result.summary).toMatch(
          /<tr><td><a href="https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=us-east-1#metricsV2:graph=~\(metrics~[^"]+">5xx-rate<\/a><\/td><td>0\.0 %<\/td><td>0\.0 %<\/td><td>✅ pass<\/td>/
        )
        expect(r.result.summary).toContain(
          'Metric gates: built-in checks of the new revision&#39;s target group: 5xx rate at most 5 %; against the stable revision&#39;s'
        )
      })
    })
  })

  it.concurrent(
    'a revision 30 % slower is classified High by the statistical comparison once the bake is long enough',
    async () => {
      await withWeights({ alarm: false, manualAlarm: false }, async e2e => {
        const next = await revision(e2e)
        await e2e.control.setRevisionFault({ taskDefinition: next, latencyFactor: 1.3 })
        // 30 one-second periods on each side are the judge's minimum; 30 % is under the 50 % ratio limit.
        const r = await canary(e2e, next, { 'canary-bake-time': '45s' })
        await explained(r.result, async () => {
          expect(r.result.outputs.status).toBe('rolled-back')
          expect(r.result.outputs.reason).toMatch(
            /^metric p99-latency failed: \d+ ms on the new revision, \d+ ms on the stable one \(High: median/
          )
          expect(r.result.stdout).toMatch(
            /p99-latency: .* judged by ratio: too few samples for the Mann-Whitney/
          )
          expect(r.result.summary).toMatch(
            /<td><a [^>]+>p99-latency<\/a><\/td>.*<td>❌ fail<\/td><td>Mann-Whitney<\/td>/
          )
        })
      })
    }
  )

  it.concurrent(
    'a custom query with failure-limit: 2 fails on its third bad measurement, not before',
    async () => {
      await withWeights({ alarm: false, manualAlarm: false }, async e2e => {
        const next = await revision(e2e)
        const metrics = requestsMetric('always-bad', '  failure-condition: result >= 0\n  failure-limit: 2\n')
        const r = await canary(e2e, next, { 'canary-bake-time': '30s', metrics, 'metric-checks': 'false' })
        await explained(r.result, async () => {
          expect(r.result.outputs.status).toBe('rolled-back')
          expect(r.result.outputs.reason).toMatch(
            /^metric always-bad failed: [\d.]+ on the new revision \(3 failed measurements, more than failure-limit 2 \(failure-condition result >= 0\)\)$/
          )
          const first = lineAt(r, /always-bad: .* failed \(1 of 2 allowed\)/)
          const second = lineAt(r, /always-bad: .* failed \(2 of 2 allowed\)/)
          const third = lineAt(r, /Rolling back to web:1: metric always-bad failed/)
          expect(first).toBeLessThan(second)
          expect(second).toBeLessThan(third)
        })
      })
    }
  )

  it.concurrent(
    'an inconclusive result pauses the rollout for a person, and the summary says why',
    async () => {
      await withWeights({ alarm: false, manualAlarm: false }, async e2e => {
        const next = await revision(e2e)
        // Requests are never below 0 (success) nor below -1 (failure): every measurement lands in the band between.
        const metrics = requestsMetric(
          'undecided',
          '  success-condition: result < 0\n  failure-condition: result < -1\n'
        )
        const r = await canary(e2e, next, { 'canary-bake-time': '20s', metrics })
        await explained(r.result, async () => {
          expect(r.result.outputs.status).toBe('paused')
          expect(r.result.outputs.reason).toMatch(
            /^metric undecided was inconclusive: .* meets neither condition/
          )
          expect(r.result.summary).toContain('an inconclusive metric waits for a person')
          expect(r.result.summary).toContain('Metric undecided inconclusive')
        })
      })
    }
  )

  it.concurrent(
    "the ECS controller's native canary is gated the same: its 5xx rate rolls it back, no alarm needed",
    async () => {
      await withScene({ kind: 'native', alarm: false }, async e2e => {
        const next = await revision(e2e, { SANDBOX_ERROR_RATE: '0.2' })
        const r = await deploy(e2e, {
          ...METRIC_INPUTS,
          'task-definition': next,
          strategy: 'canary',
          'canary-percent': '50',
          'canary-bake-time': '20s'
        })
        await explained(r.result, async () => {
          expect(r.result.outputs.status).toBe('rolled-back')
          expect(r.result.outputs.reason).toMatch(
            /^metric 5xx-rate failed: (1[5-9]|2\d)\.\d % on the new revision, 0\.0 % on the stable one/
          )
          expect(r.result.stdout).toContain('metric gates: built-in checks of the new revision')
        })
      })
    }
  )

  it.concurrent('a canary that gets no traffic does not pass its step', async () => {
    await withWeights({ alarm: false, manualAlarm: false }, async e2e => {
      const next = await revision(e2e)
      await e2e.control.setRevisionFault({ taskDefinition: next, noTraffic: true })
      // Long enough for the step to be seen stable (with realism, twice the read lag later: tasks, then weights),
      // short enough that the request minimum is what ends it.
      const timeout = 6 + Math.ceil((2 * (await readLagMs(e2e))) / 1000)
      const r = await canary(e2e, next, { 'canary-bake-time': '1s', 'step-timeout': `${timeout}s` })
      await explained(r.result, async () => {
        expect(r.result.outputs.status).toBe('rolled-back')
        expect(r.result.outputs.reason).toMatch(
          /^metric requests failed: 0 requests on the new revision, [\d,]+ requests on the stable one \(0 served in this step, fewer than the \d+ needed .*step-timeout.*\)$/
        )
        expect(r.result.summary).not.toMatch(/<tr><td>1<\/td>.*✅ passed/)
      })
    })
  })
})
