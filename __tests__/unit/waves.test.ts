// The wave planner (src/plan/waves.ts) and the services and waves inputs (src/config/wave-inputs.ts).

import { describe, expect, it } from '@jest/globals'
import { parseServiceRef, parseWaves, type ServiceRef } from '../../src/config/wave-inputs.js'
import { planWaves } from '../../src/plan/waves.js'

const refs = (...names: string[]): ServiceRef[] => names.map(n => parseServiceRef(n, 'prod'))

describe('planWaves', () => {
  // [case, services, waves input, the waves]
  const table: [string, number, string, number[][]][] = [
    [
      'one, a quarter, the rest of 20',
      20,
      '1, 25%, 100%',
      [[0], [1, 2, 3, 4], [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]]
    ],
    ['three services in two waves', 3, '1, 100%', [[0], [1, 2]]],
    ['a size no larger than the one before makes no wave', 3, '1, 25%, 100%', [[0], [1, 2]]],
    [
      'the services no size reaches go last',
      4,
      '2',
      [
        [0, 1],
        [2, 3]
      ]
    ],
    ['sizes beyond the count stop at it', 2, '1, 5, 10', [[0], [1]]],
    ['no waves given: all at once', 3, '', [[0, 1, 2]]],
    [
      'percentages round up',
      10,
      '15%, 50%',
      [
        [0, 1],
        [2, 3, 4],
        [5, 6, 7, 8, 9]
      ]
    ]
  ]
  it.each(table)('%s', (_, count, waves, expected) => {
    const services = refs(...Array.from({ length: count }, (_, i) => `s${i}`))
    expect(planWaves(count, parseWaves(waves, services))).toEqual(expected)
  })

  it('takes explicit groups, one per line, in the order the lines name them', () => {
    const services = refs('web', 'api', 'eu/worker')
    expect(planWaves(3, parseWaves('web\nworker, api', services))).toEqual([[0], [2, 1]])
  })
})

describe('services and waves inputs', () => {
  it('reads names, cluster/name and ARNs (with their region)', () => {
    expect(refs('web', 'batch/worker', 'arn:aws:ecs:eu-west-1:123456789012:service/prod-eu/web')).toEqual([
      { text: 'web', cluster: 'prod', service: 'web' },
      { text: 'batch/worker', cluster: 'batch', service: 'worker' },
      {
        text: 'arn:aws:ecs:eu-west-1:123456789012:service/prod-eu/web',
        region: 'eu-west-1',
        cluster: 'prod-eu',
        service: 'web'
      }
    ])
  })

  const bad: [string, () => unknown, string][] = [
    [
      'an old-style ARN',
      () => refs('arn:aws:ecs:eu-west-1:123456789012:service/web'),
      'is not a service ARN'
    ],
    ['a path too deep', () => refs('a/b/c'), '"a/b/c" is not NAME, CLUSTER/NAME or a service ARN'],
    [
      'a group naming an unknown service',
      () => parseWaves('web\ndb', refs('web', 'api')),
      'names "db", which is not in services'
    ],
    [
      'a service in two groups',
      () => parseWaves('web\nweb, api', refs('web', 'api')),
      'puts "web" in waves 1 and 2'
    ],
    ['a service in no group', () => parseWaves('web', refs('web', 'api')), 'leaves out "api"'],
    ['a zero size', () => parseWaves('0, 100%', refs('web')), 'waves: "0"']
  ]
  it.each(bad)('refuses %s', (_, parse, message) => {
    expect(parse).toThrow(message)
  })
})
