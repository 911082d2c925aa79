// After an orphaned rollout is settled (on-orphan), a deploy rolls its own revision out over whatever settling left
// serving. DescribeServices lags the writes settling made: a read right after a rollback may still name the
// orphan's new revision. Chaos seed 50068 (an ECS-controller re-run): the lagging read was taken for the truth, the
// run found "nothing to roll out" and reported success while the service ran the old revision.

import { describe, expect, it } from '@jest/globals'
import type { ECSClient } from '@aws-sdk/client-ecs'
import type { ServiceInfo } from '../../src/aws/service.js'
import type { Config } from '../../src/config/types.js'
import { Status } from '../../src/constants.js'
import { DeployPipeline } from '../../src/commands/deploy-pipeline.js'
import type { Outcome } from '../../src/commands/outcome.js'
import type { SessionDeps } from '../../src/commands/session-deps.js'
import type { RolloutRecord } from '../../src/record/record.js'
import { fakeClient } from '../helpers/fake-client.js'
import { FakeClock } from '../helpers/fake-world.js'

const OLD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1'
const NEW = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2'
const orphan: Pick<RolloutRecord, 'newTaskDefinition' | 'stableTaskDefinition'> = {
  newTaskDefinition: NEW,
  stableTaskDefinition: OLD
}

/** The pipeline's own afterOrphan, with the controller's parts left out (they are not reached). */
class Settling extends DeployPipeline {
  protected readonly remedies = { live: '', orphan: '' }
  protected checkSetup = () => Promise.resolve()
  protected planFor = () => ({}) as never
  protected checkBeforeChange = () => Promise.resolve()
  protected settle = () => Promise.resolve({})
  protected roll = () => Promise.resolve({}) as never
  after(settled: Outcome) {
    return this.afterOrphan(settled, orphan)
  }
}

/** A service whose DescribeServices names each of `shown` in turn (the last one from then on). */
function settling(shown: string[]) {
  const clock = new FakeClock()
  let reads = 0
  const { client } = fakeClient<ECSClient>({
    DescribeServices: () => ({
      services: [
        {
          serviceName: 'web',
          serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
          status: 'ACTIVE',
          desiredCount: 3,
          taskDefinition: shown[Math.min(reads++, shown.length - 1)]
        }
      ],
      failures: []
    })
  })
  const deps = { clients: { ecs: client }, clock } as unknown as SessionDeps
  const config = { cluster: 'prod', service: 'web' } as Config
  const pipeline = new Settling(config, deps, { taskDefinition: NEW } as ServiceInfo)
  return { pipeline, reads: () => reads }
}

const outcome = (status: Status): Outcome => ({ status, summary: '', outputs: {} })

describe('afterOrphan: the stable revision is what settling left serving, not what a lagging read shows', () => {
  it.each([
    // [settled, what the reads show in turn, stable, reads]
    ['rolled back; two reads still name the new revision', Status.RolledBack, [NEW, NEW, OLD], OLD, 3],
    ['rolled back; every read lags past the wait', Status.RolledBack, [NEW], OLD, undefined],
    ['finished; the first read shows it', Status.Succeeded, [NEW], NEW, 1],
    ['finished; one read still names the old revision', Status.Succeeded, [OLD, NEW], NEW, 2]
  ] as const)('%s', async (_example, status, shown, stable, reads) => {
    const { pipeline, reads: count } = settling([...shown])
    expect(await pipeline.after(outcome(status))).toEqual({ stable })
    if (reads === undefined) expect(count()).toBeGreaterThan(3)
    else expect(count()).toBe(reads)
  })

  it('stops there when settling failed: nothing is read, nothing rolled out', async () => {
    const { pipeline, reads } = settling([NEW])
    const failed = outcome(Status.Failed)
    expect(await pipeline.after(failed)).toEqual({ stop: failed })
    expect(reads()).toBe(0)
  })
})
