// The metric gates' inputs: the built-in checks' limits and the custom `metrics` YAML, read with every other
// input so that all bad values are reported at once, each error naming the input, the metric and the field.

import { describe, expect, it } from '@jest/globals'
import { checkMetricPlaceholders } from '../../src/commands/metric-wiring.js'
import { readConfig } from '../../src/config/inputs.js'
import { InputErrors } from '../../src/config/problems.js'

const DEPLOY = { service: 'web', 'task-definition': 'web:7' }
const read =
  (inputs: Record<string, string>) =>
  (name: string): string =>
    inputs[name] ?? ''

/** The messages of every input error readConfig throws. */
function errors(inputs: Record<string, string>): string[] {
  try {
    readConfig(read({ ...DEPLOY, ...inputs }))
  } catch (error) {
    return error instanceof InputErrors ? error.errors.map(e => e.message) : [(error as Error).message]
  }
  return []
}

const GOOD = `
- name: checkout-errors
  queries:
    - Id: errors
      MetricStat:
        Metric:
          Namespace: AWS/ApplicationELB
          MetricName: HTTPCode_Target_5XX_Count
          Dimensions:
            - Name: TargetGroup
              Value: "{{new-target-group}}"
        Stat: Sum
      ReturnData: false
    - Id: rate
      Expression: "100 * FILL(errors, 0) / 60"
      ReturnData: true
  failure-condition: result > 2
  failure-limit: 2
  interval: 1m
  count: 10
`

describe('metric gate inputs', () => {
  it('are on by default with the documented limits', () => {
    const { metricGates } = readConfig(read(DEPLOY))
    expect(metricGates).toEqual({
      builtIn: {
        enabled: true,
        maxErrorRate: 5,
        maxErrorRateIncrease: 1,
        maxP99: undefined,
        maxP99Increase: 50,
        minRequests: 100
      },
      custom: [],
      periodMs: 60_000
    })
  })

  it('parse a custom metric: its queries, the returned one, the conditions and the counting', () => {
    const [metric] = readConfig(read({ ...DEPLOY, metrics: GOOD, 'max-p99-latency': '800ms' })).metricGates
      .custom
    expect(metric).toMatchObject({
      name: 'checkout-errors',
      returns: 'rate',
      failureCondition: [[{ op: '>', value: 2 }]],
      failureLimit: 2,
      consecutiveErrorLimit: 4,
      inconclusiveLimit: 0,
      intervalMs: 60_000,
      count: 10,
      windowMs: 5 * 60_000,
      reduce: 'average'
    })
    expect(metric.queries[0].metricStat?.dimensions).toEqual([
      { name: 'TargetGroup', value: '{{new-target-group}}' }
    ])
  })

  it('report every bad value at once, naming the input, the metric and the field', () => {
    const bad = `
- name: checkout-errors
  queries:
    - Id: Errors
      Expression: "SUM(x)"
      MetricStat: {}
    - Id: two
      Expression: "{{new-tg}}"
  failure-condition: result >> 2
  failure-limit: -1
  interval: soon
  colour: blue
- name: checkout-errors
  queries: []
`
    const found = errors({
      metrics: bad,
      'max-error-rate': '150',
      'metric-period': '45s',
      'min-requests': 'lots'
    })
    expect(found).toEqual([
      expect.stringMatching(/^metric-period: "45s" is not a period CloudWatch accepts/),
      'max-error-rate: "150" is not a number from 0 to 100',
      expect.stringMatching(/^min-requests: "lots" /),
      expect.stringContaining('metrics: metric "checkout-errors": colour: is not a field of a metric')
    ])
    const metrics = found[3]
    for (const part of [
      'metric "checkout-errors": queries[0].Id: "Errors" must start with a lowercase letter',
      'metric "checkout-errors": queries[0]: needs exactly one of Expression and MetricStat',
      'metric "checkout-errors": queries[1]: {{new-tg}} is not a placeholder',
      'metric "checkout-errors": failure-condition: "result >> 2" is not a comparison',
      'metric "checkout-errors": failure-limit: "-1" must be a whole number from 0',
      'metric "checkout-errors": interval: "soon" is not a duration',
      'metric "checkout-errors": queries: must be a list of GetMetricData queries',
      'metric "checkout-errors": name: "checkout-errors" is used by another metric'
    ])
      expect(metrics).toContain(part)
  })

  it('refuse YAML that is not a list of metrics, and a metric without a condition', () => {
    expect(errors({ metrics: 'name: x' })).toEqual([
      'metrics: must be a YAML list of metrics, each with a name and queries'
    ])
    expect(errors({ metrics: '- name: quiet\n  queries:\n    - Id: m\n      Expression: "1"\n' })).toEqual([
      'metrics: metric "quiet": success-condition: or failure-condition is required: say what a good (or bad) value is'
    ])
  })

  it('refuse, before anything changes, a placeholder that a service without a load balancer cannot fill', () => {
    const config = readConfig(read({ ...DEPLOY, metrics: GOOD }))
    const service = {
      arn: 'arn:svc',
      controller: 'EXTERNAL',
      desiredCount: 2,
      loadBalancers: [],
      tags: {}
    } as const
    expect(() => checkMetricPlaceholders(config, { ...service, loadBalancers: [] })).toThrow(
      'metrics: metric "checkout-errors": queries: {{new-target-group}} cannot be filled in for service web: it has no target group'
    )
    const behind = [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/1' }]
    expect(() => checkMetricPlaceholders(config, { ...service, loadBalancers: behind })).not.toThrow()
  })
})
