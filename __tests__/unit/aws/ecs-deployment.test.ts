// EcsDeployment (rolling) under eventually consistent reads: DescribeServices right after UpdateService may still
// show the service as it was, the stable revision alone and COMPLETED.
import { describe, expect, it } from '@jest/globals'
import type { Deployment, ECSClient } from '@aws-sdk/client-ecs'
import { EcsDeployment } from '../../../src/aws/ecs-deployment.js'
import { awsError, fakeClient } from '../../helpers/fake-client.js'

const OLD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1'
const NEW = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2'
const SD = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/sd2'

const stable: Deployment = {
  id: 'ecs-svc/1',
  status: 'PRIMARY',
  taskDefinition: OLD,
  rolloutState: 'COMPLETED',
  runningCount: 4,
  desiredCount: 4
}
const ours: Deployment = {
  id: 'ecs-svc/2',
  status: 'PRIMARY',
  taskDefinition: NEW,
  rolloutState: 'IN_PROGRESS',
  runningCount: 0,
  desiredCount: 4
}
const service = (deployments: Deployment[], current?: string) => ({
  serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
  status: 'ACTIVE',
  desiredCount: 4,
  deployments,
  currentServiceDeployment: current
})

/** The rollout of web:1 → web:2 on service web, over a fake ECS client. */
function deploymentOn(client: ECSClient, o: { native: boolean }): EcsDeployment {
  return new EcsDeployment({
    ecs: client,
    cluster: 'prod',
    service: 'web',
    newTaskDefinition: NEW,
    stableTaskDefinition: OLD,
    deploymentConfiguration: {},
    native: o.native,
    since: 0,
    warn: () => undefined
  })
}

function rolling() {
  // Every DescribeServices answers the view from before the update: the lag has not passed yet.
  const { client, calls } = fakeClient<ECSClient>({
    DescribeServices: () => ({ services: [service([stable], 'sd1')] }),
    UpdateService: () => ({ service: service([ours, { ...stable, status: 'ACTIVE' }], SD) }),
    StopServiceDeployment: () => ({ serviceDeploymentArn: SD }),
    ListTasks: () => ({ taskArns: [] })
  })
  const deployment = deploymentOn(client, { native: false })
  return { deployment, calls }
}

describe('EcsDeployment under lagging DescribeServices', () => {
  it('a read from before the update is not the stable revision restored', async () => {
    const { deployment } = rolling()
    await deployment.start()
    const seen = await deployment.observe(true)
    expect(seen.restored).toBe(false)
    expect(seen.ecs).toBeUndefined()
  })

  it('rolls back by stopping the deployment its update started, and a lagging read does not end the rollback', async () => {
    const { deployment, calls } = rolling()
    await deployment.start()
    await deployment.observe(true)
    expect(await deployment.rollback()).toBe(`StopServiceDeployment ROLLBACK of ${SD}`)
    expect(calls.filter(c => c.name === 'UpdateService')).toHaveLength(1)
    expect((await deployment.observe(true)).restored).toBe(false)
  })
})

describe('EcsDeployment: a rollback by UpdateService puts the deploymentConfiguration back as it was', () => {
  // Chaos seed 80083: StopServiceDeployment throttled, the rollback updated the service back with the user's
  // configuration, which set no strategy; ECS leaves an omitted strategy as it is, and the service stayed LINEAR.
  it('a service that never set a strategy gets ROLLING written out, beside its own values', async () => {
    const user = { maximumPercent: 200, minimumHealthyPercent: 100 }
    const { client, calls } = fakeClient<ECSClient>({
      DescribeServices: () => ({
        services: [{ ...service([stable], 'sd1'), deploymentConfiguration: user }]
      }),
      UpdateService: () => ({ service: service([ours, { ...stable, status: 'ACTIVE' }], SD) }),
      StopServiceDeployment: () => {
        throw awsError('ThrottlingException', 'Rate exceeded')
      },
      ListTasks: () => ({ taskArns: [] })
    })
    const deployment = deploymentOn(client, { native: false })
    await deployment.start()
    expect(await deployment.rollback()).toBe('UpdateService back to web:1')
    const back = calls.filter(c => c.name === 'UpdateService').at(-1)!.input
    expect(back).toMatchObject({
      taskDefinition: OLD,
      deploymentConfiguration: { ...user, strategy: 'ROLLING' }
    })
  })
})

describe('EcsDeployment: a crashed task of the new revision counts as failed, whatever the running count', () => {
  // A task that crashes is replaced at once: a look may find every task running, its replacement among them.
  // Chaos seed 50167: every look of a 2 s final bake did (ECS had called the deployment COMPLETED at its first
  // steady state), and a revision crashing every second succeeded. Seed 50192: the action let ECS shift a
  // canary's traffic onto tasks crashing every second.
  it.each([
    ['completed, a look finds a task short', 'COMPLETED', 3],
    ['completed, a look finds the replacement already running', 'COMPLETED', 4],
    ['in progress, a look finds the replacement already running', 'IN_PROGRESS', 4]
  ] as const)('%s', async (_case, rolloutState, running) => {
    const done: Deployment = { ...ours, rolloutState, runningCount: running, desiredCount: 4 }
    const crashed = 'arn:aws:ecs:us-east-1:123456789012:task/prod/crashed'
    const { client } = fakeClient<ECSClient>({
      DescribeServices: () => ({ services: [service([done], SD)] }),
      UpdateService: () => ({ service: service([ours, { ...stable, status: 'ACTIVE' }], SD) }),
      ListTasks: () => ({ taskArns: [crashed] }),
      DescribeTasks: () => ({
        tasks: [
          {
            taskArn: crashed,
            lastStatus: 'STOPPED',
            stopCode: 'EssentialContainerExited',
            stoppedReason: 'Essential container in task exited',
            stoppedAt: new Date(),
            containers: [{ name: 'app', exitCode: 1 }]
          }
        ]
      })
    })
    const deployment = deploymentOn(client, { native: false })
    await deployment.start()
    const seen = await deployment.observe(true)
    expect(seen.completed).toBe(rolloutState === 'COMPLETED')
    expect(seen.failedNewTasks.map(t => t.taskArn)).toEqual([crashed])
  })
})

describe('EcsDeployment: resuming a native rollout ECS ended while nobody followed it', () => {
  it("the action's pause hook timed out and ECS rolled back: the settings are put back before it says so", async () => {
    const held = {
      strategy: 'LINEAR' as const,
      bakeTimeInMinutes: 0,
      linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 0 },
      lifecycleHooks: [
        {
          targetType: 'PAUSE' as const,
          lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT'] as never,
          hookDetails: { owner: 'ecs-rollout', before: {} },
          timeoutConfiguration: { timeoutInMinutes: 360, action: 'ROLLBACK' as const }
        }
      ]
    }
    const { client, calls } = fakeClient<ECSClient>({
      DescribeServices: () => ({ services: [{ ...service([stable], SD), deploymentConfiguration: held }] }),
      UpdateService: () => ({ service: service([stable], SD) })
    })
    const deployment = deploymentOn(client, { native: true })
    await expect(deployment.adopt(false)).rejects.toThrow(/no longer shows a deployment/)
    const update = calls.find(c => c.name === 'UpdateService')
    expect(update?.input).toMatchObject({
      deploymentConfiguration: { strategy: 'ROLLING', lifecycleHooks: [] }
    })
  })
})

describe('EcsDeployment: whether ECS may still be deploying after an error ended the run', () => {
  const throttled = awsError('ThrottlingException', 'Rate exceeded')
  const refused = awsError('InvalidParameterException', 'bad deploymentConfiguration')
  const on = (update: () => unknown, describe: () => unknown = () => ({ services: [service([stable])] })) =>
    deploymentOn(fakeClient<ECSClient>({ DescribeServices: describe, UpdateService: update }).client, {
      native: false
    })

  it.each([
    // what happened                                         update         error      live
    ['the read before the update was throttled: nothing sent', 'not reached', throttled, false],
    ['UpdateService refused: nothing changed', 'refused', refused, false],
    ['UpdateService unanswered (throttled): it may have taken effect', 'throttled', throttled, true],
    ['the deployment started, then AWS stopped answering', 'answered', throttled, true],
    ['the deployment started, then the run failed otherwise', 'answered', refused, true]
  ] as const)('%s', async (_what, update, error, live) => {
    const deployment = on(
      () => {
        if (update === 'answered') return { service: service([ours, { ...stable, status: 'ACTIVE' }]) }
        throw update === 'refused' ? refused : throttled
      },
      update === 'not reached'
        ? () => {
            throw throttled
          }
        : undefined
    )
    const started = deployment.start()
    if (update === 'answered') await started
    else await expect(started).rejects.toThrow()
    expect(deployment.mayBeLive(error)).toBe(live)
  })

  it('adopting a rollout in flight: AWS not answering leaves it live; no deployment left to adopt ended it', async () => {
    const unanswered = on(
      () => undefined,
      () => {
        throw throttled
      }
    )
    await expect(unanswered.adopt(true)).rejects.toThrow('Rate exceeded')
    expect(unanswered.mayBeLive(throttled)).toBe(true)

    const gone = on(() => ({ service: service([stable]) }))
    const error = await gone.adopt(false).catch((e: Error) => e)
    expect(String(error)).toMatch(/no longer shows a deployment/)
    expect(gone.mayBeLive(error)).toBe(false)
  })
})
