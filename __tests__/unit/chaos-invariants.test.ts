// The chaos harness's capacity and traffic invariants on journal ticks: traffic on a target group (or revision)
// with no healthy task counts while the service had healthy tasks elsewhere to take it; with none anywhere it is a
// dip below the floor, which the floor rule judges — excused when the new revision's tasks died and the action had
// the floor back within FLOOR_REACTION_MS of the time it was alive for.
import { describe, expect, it } from '@jest/globals'
import { belowFloor, emptyTraffic, FLOOR_REACTION_MS, REACTION_MS } from '../../chaos/invariants.js'
import type { JournalTick } from '../../sandbox/core/journalTick.js'

const BLUE = 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/svc-blue/1'
const GREEN = 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/svc-green/2'
const OLD = 'arn:aws:ecs:us-east-1:1:task-definition/svc:1'
const NEW = 'arn:aws:ecs:us-east-1:1:task-definition/svc:2'

/** One tick a second; `healthy` by task definition, `targets` healthy by target group, traffic on `weights`. */
function tick(
  at: number,
  healthy: Record<string, number>,
  targets: Record<string, number>,
  weights: Record<string, number>
): JournalTick {
  return {
    at: at * 1000,
    desiredCount: 4,
    healthyByTaskDefinition: healthy,
    trafficShareByTaskDefinition: {},
    weightsByTargetGroup: weights,
    healthyByTargetGroup: targets,
    routes: [],
    taskSets: [],
    deployments: []
  }
}

const seconds = (n: number) => Array.from({ length: n }, (_, i) => i)
const at = (t: number) => `+${t / 1000}s`

describe('emptyTraffic', () => {
  it('leaves to the floor rule one shared target group with no healthy task anywhere (seed 90583)', () => {
    // ECS rolling, one target group for both revisions: the new revision crashed, the old one is starting again.
    const ticks = [
      tick(0, { [OLD]: 4 }, { [BLUE]: 4 }, { [BLUE]: 1 }),
      ...seconds(REACTION_MS / 1000 + 3).map(s => tick(s + 1, {}, { [BLUE]: 0 }, { [BLUE]: 1 })),
      tick(20, { [OLD]: 4 }, { [BLUE]: 4 }, { [BLUE]: 1 })
    ]
    expect(emptyTraffic(ticks, at)).toEqual([])
  })

  it('counts a target group left with traffic and no healthy task while the other one had healthy tasks', () => {
    // Task sets by weights: green's tasks died at +1 s and its weight stayed on it while blue could take it.
    const ticks = [
      tick(0, { [OLD]: 4, [NEW]: 2 }, { [BLUE]: 4, [GREEN]: 2 }, { [BLUE]: 50, [GREEN]: 50 }),
      ...seconds(REACTION_MS / 1000 + 3).map(s =>
        tick(s + 1, { [OLD]: 4 }, { [BLUE]: 4, [GREEN]: 0 }, { [BLUE]: 50, [GREEN]: 50 })
      )
    ]
    expect(emptyTraffic(ticks, at)).toEqual([
      `traffic: target group svc-green/2 had traffic and no healthy task from +1s for over ${REACTION_MS / 1000}s`
    ])
  })
})

describe('belowFloor', () => {
  // ECS rolling, floor 4: the new revision's 4 healthy tasks crash at +10 s and nothing is healthy until the
  // stable tasks are back 22 s later.
  const dip = (backAt: number) => [
    tick(9, { [NEW]: 4 }, {}, {}),
    ...seconds(backAt - 10).map(s => tick(10 + s, {}, {}, {})),
    tick(backAt, { [OLD]: 4 }, {}, {})
  ]
  const over = FLOOR_REACTION_MS / 1000 + 2

  it.each([
    // worked example                                                         back at    runner gone      found
    ['back within FLOOR_REACTION_MS of the crash: excused', FLOOR_REACTION_MS / 1000, [], 0],
    ['back 2 s too late, the runner alive throughout', 10 + over, [], 1],
    // Seed 130322: the deploy run was SIGKILLed at +8 s and its re-run began at +16 s; ECS went on meanwhile.
    ['back as late, but the runner was killed from +8 s to +16 s', 10 + over, [[8_000, 16_000]], 0],
    ['back far too late even counting only the time a run was alive', 10 + over + 10, [[8_000, 16_000]], 1]
  ] as const)('%s', (_what, backAt, gaps, found) => {
    const violations = belowFloor(dip(backAt), 4, NEW, at, gaps.map(g => [...g]) as [number, number][])
    expect(violations).toHaveLength(found)
  })
})
