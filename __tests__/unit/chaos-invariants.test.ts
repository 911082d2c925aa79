// The chaos harness's traffic invariant on journal ticks: traffic on a target group (or revision) with no
// healthy task counts while the service had healthy tasks elsewhere to take it; with none anywhere it is a dip
// below the floor, which the floor rule judges.
import { describe, expect, it } from '@jest/globals'
import { emptyTraffic, REACTION_MS } from '../../chaos/invariants.js'
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
