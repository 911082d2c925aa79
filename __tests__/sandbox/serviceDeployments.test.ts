// The service-deployment APIs on rolling deployments: List/Describe follow rolloutState, StopServiceDeployment
// rolls back (ROLLBACK) or freezes (ABORT), and deployment alarms fail and roll back a deployment in progress.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'
import {
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  ListServiceDeploymentsCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  type Service,
  type ServiceDeployment
} from '@aws-sdk/client-ecs'
import { createScene, registerRevision, waitFor, type Scene } from '../../sandbox/fixtures.js'
import { awsCli, CLI_TIMEOUT_MS, cliIt } from '../helpers/aws-cli.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

const FAST = { SANDBOX_START_SECONDS: '0.3' }
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ tickMs: 50, seed: 7 })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

async function service(scene: Scene): Promise<Service> {
  const out = await scene.clients.ecs.send(
    new DescribeServicesCommand({ cluster: scene.clusterName, services: [scene.serviceName] })
  )
  return out.services![0]
}

async function serviceDeployment(scene: Scene, arn: string): Promise<ServiceDeployment> {
  const out = await scene.clients.ecs.send(
    new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] })
  )
  return out.serviceDeployments![0]
}

async function update(scene: Scene, env: Record<string, string>): Promise<{ next: string; arn: string }> {
  const next = await registerRevision(scene.clients.ecs, 'web', { ...FAST, ...env })
  const out = await scene.clients.ecs.send(
    new UpdateServiceCommand({ cluster: scene.clusterName, service: scene.serviceName, taskDefinition: next })
  )
  return { next, arn: out.service!.currentServiceDeployment! }
}

describe('service deployments of rolling deployments', () => {
  it('list and describe: IN_PROGRESS then SUCCESSFUL, with source and target revisions', async () => {
    const scene = await createScene(sandbox.url, { controller: 'ECS', env: FAST, desiredCount: 3 })
    const initialArn = (await service(scene)).currentServiceDeployment!
    expect(initialArn).toMatch(
      /^arn:aws:ecs:us-east-1:123456789012:service-deployment\/sandbox\/web\/[0-9a-f]+$/
    )
    // Tasks that take 3 s to start keep it IN_PROGRESS long enough to be seen there on a busy machine.
    const { arn } = await update(scene, { SANDBOX_START_SECONDS: '3' })
    expect(arn).not.toBe(initialArn)
    const during = await serviceDeployment(scene, arn)
    expect(during).toMatchObject({ status: 'IN_PROGRESS', lifecycleStage: 'SCALE_UP' })
    expect(during.sourceServiceRevisions).toHaveLength(1)
    expect(during.targetServiceRevision!.arn).toMatch(/:service-revision\/sandbox\/web\/\d+$/)
    const done = await waitFor('SUCCESSFUL', async () => {
      const sd = await serviceDeployment(scene, arn)
      return sd.status === 'SUCCESSFUL' ? sd : undefined
    })
    expect(done.targetServiceRevision).toMatchObject({ requestedTaskCount: 3, runningTaskCount: 3 })
    expect(done.finishedAt).toBeInstanceOf(Date)
    const listed = await scene.clients.ecs.send(
      new ListServiceDeploymentsCommand({ cluster: 'sandbox', service: 'web' })
    )
    expect(listed.serviceDeployments!.map(b => [b.serviceDeploymentArn, b.status])).toEqual([
      [arn, 'SUCCESSFUL'],
      [initialArn, 'SUCCESSFUL']
    ])
    const filtered = await scene.clients.ecs.send(
      new ListServiceDeploymentsCommand({ cluster: 'sandbox', service: 'web', status: ['IN_PROGRESS'] })
    )
    expect(filtered.serviceDeployments).toEqual([])
    const missing = await scene.clients.ecs.send(
      new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [`${arn}0`] })
    )
    expect(missing.failures).toEqual([{ arn: `${arn}0`, reason: 'MISSING' }])
  })

  it('StopServiceDeployment ROLLBACK returns to the previous revision: ROLLBACK_IN_PROGRESS, then ROLLBACK_SUCCESSFUL', async () => {
    const scene = await createScene(sandbox.url, { controller: 'ECS', env: FAST, desiredCount: 3 })
    // A revision that never becomes healthy keeps the deployment in progress.
    const { arn } = await update(scene, { SANDBOX_START_SECONDS: '30' })
    await scene.clients.ecs.send(
      new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' })
    )
    const rolling = await serviceDeployment(scene, arn)
    // The rollback takes over the old revision's running tasks, so it may already be done by the next tick.
    expect(['ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']).toContain(rolling.status)
    expect(rolling.rollback).toMatchObject({ reason: expect.stringMatching(/StopServiceDeployment/) })
    const s = await service(scene)
    expect(s.taskDefinition).toBe(scene.taskDefinition)
    expect(s.currentServiceDeployment).toBe(arn)
    expect(s.deployments![0]).toMatchObject({ status: 'PRIMARY', taskDefinition: scene.taskDefinition })
    expect(s.events!.map(e => e.message)).toContainEqual(
      expect.stringMatching(/^\(service web\) rolling back to deployment ecs-svc\/\d+\.$/)
    )
    await waitFor(
      'ROLLBACK_SUCCESSFUL',
      async () => (await serviceDeployment(scene, arn)).status === 'ROLLBACK_SUCCESSFUL'
    )
    const after = await waitFor('one deployment left', async () => {
      const x = await service(scene)
      return x.deployments!.length === 1 ? x : undefined
    })
    expect(after.deployments![0]).toMatchObject({
      taskDefinition: scene.taskDefinition,
      rolloutState: 'COMPLETED',
      runningCount: 3
    })
    // Only a deployment in progress can be stopped.
    await expect(
      scene.clients.ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn }))
    ).rejects.toMatchObject({ name: 'ConflictException' })
    await expect(
      scene.clients.ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: `${arn}0` }))
    ).rejects.toMatchObject({ name: 'ServiceDeploymentNotFoundException' })
  })

  it('StopServiceDeployment ABORT stops the deployment where it is', async () => {
    const scene = await createScene(sandbox.url, { controller: 'ECS', env: FAST, desiredCount: 2 })
    const { arn, next } = await update(scene, { SANDBOX_START_SECONDS: '30' })
    await scene.clients.ecs.send(
      new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ABORT' })
    )
    const sd = await serviceDeployment(scene, arn)
    expect(sd).toMatchObject({ status: 'STOPPED', statusReason: expect.stringMatching(/ABORT/) })
    const s = await service(scene)
    expect(s.taskDefinition).toBe(next)
    expect(s.deployments![0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'FAILED' })
  })

  it('deployment alarms: an alarm in ALARM fails the deployment and rolls it back', async () => {
    const scene = await createScene(sandbox.url, {
      controller: 'ECS',
      env: FAST,
      desiredCount: 2,
      deploymentConfiguration: { alarms: { alarmNames: ['manual'], enable: true, rollback: true } }
    })
    await scene.clients.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'manual',
        Namespace: 'Test',
        MetricName: 'Never',
        Statistic: 'Sum',
        Period: 1,
        EvaluationPeriods: 1,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'ignore'
      })
    )
    const { arn } = await update(scene, { SANDBOX_START_SECONDS: '30' })
    expect((await serviceDeployment(scene, arn)).alarms).toEqual({
      status: 'MONITORING',
      alarmNames: ['manual'],
      triggeredAlarmNames: []
    })
    await scene.clients.cw.send(
      new SetAlarmStateCommand({ AlarmName: 'manual', StateValue: 'ALARM', StateReason: 'test' })
    )
    const sd = await waitFor('the rollback', async () => {
      const x = await serviceDeployment(scene, arn)
      return x.status === 'ROLLBACK_SUCCESSFUL' ? x : undefined
    })
    expect(sd.alarms).toEqual({
      status: 'TRIGGERED',
      alarmNames: ['manual'],
      triggeredAlarmNames: ['manual']
    })
    expect(sd.statusReason).toBe('ECS deployment alarms: alarm manual in ALARM state.')
    expect((await service(scene)).taskDefinition).toBe(scene.taskDefinition)
  })
})

describe('service revisions, and the cluster a service ARN names', () => {
  it('DescribeServiceRevisions shows what each revision launched with; unknown ARNs are failures', async () => {
    const scene = await createScene(sandbox.url, { controller: 'ECS', env: FAST, desiredCount: 1 })
    const { next, arn } = await update(scene, {})
    const sd = await serviceDeployment(scene, arn)
    const target = sd.targetServiceRevision!.arn!
    const source = sd.sourceServiceRevisions![0].arn!
    const missing = target.replace(/\d+$/, '1')
    const out = await scene.clients.ecs.send(
      new DescribeServiceRevisionsCommand({ serviceRevisionArns: [target, source, missing] })
    )
    expect(out.serviceRevisions!.map(r => [r.serviceRevisionArn, r.taskDefinition])).toEqual([
      [target, next],
      [source, scene.taskDefinition]
    ])
    expect(out.serviceRevisions![0]).toMatchObject({
      serviceArn: scene.service,
      clusterArn: scene.cluster,
      containerImages: [{ containerName: 'app', image: expect.any(String) }]
    })
    expect(out.serviceRevisions![0].createdAt).toBeInstanceOf(Date)
    expect(out.failures).toEqual([{ arn: missing, reason: 'MISSING' }])
    await expect(
      scene.clients.ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [] }))
    ).rejects.toMatchObject({ name: 'InvalidParameterException' })
  })

  it('ListServiceDeployments takes the cluster from a service ARN when none is given', async () => {
    const scene = await createScene(sandbox.url, { controller: 'ECS', env: FAST, desiredCount: 1 })
    const { arn } = await update(scene, {})
    const out = await scene.clients.ecs.send(new ListServiceDeploymentsCommand({ service: scene.service }))
    expect(out.serviceDeployments![0]).toMatchObject({ serviceDeploymentArn: arn, clusterArn: scene.cluster })
    // A bare name still means the default cluster, which does not exist here.
    await expect(
      scene.clients.ecs.send(new ListServiceDeploymentsCommand({ service: scene.serviceName }))
    ).rejects.toMatchObject({ name: 'ClusterNotFoundException' })
  })

  const cli = cliIt('service revisions', it)
  cli(
    'the AWS CLI lists deployments by service ARN and describes their revisions',
    async () => {
      const scene = await createScene(sandbox.url, { controller: 'ECS', env: FAST, desiredCount: 1 })
      const { next, arn } = await update(scene, {})
      const listed = await awsCli(sandbox.url, 'ecs', 'ListServiceDeployments', { service: scene.service })
      if (!listed.ok) throw new Error(listed.stderr)
      const briefs = (
        listed.out as {
          serviceDeployments: { serviceDeploymentArn: string; targetServiceRevisionArn: string }[]
        }
      ).serviceDeployments
      expect(briefs[0].serviceDeploymentArn).toBe(arn)
      const described = await awsCli(sandbox.url, 'ecs', 'DescribeServiceRevisions', {
        serviceRevisionArns: [briefs[0].targetServiceRevisionArn]
      })
      expect(described).toMatchObject({
        ok: true,
        out: { serviceRevisions: [{ taskDefinition: next, serviceArn: scene.service }], failures: [] }
      })
    },
    3 * CLI_TIMEOUT_MS
  )
})
