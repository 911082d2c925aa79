// Pull request previews end to end: the preview commands against the in-process sandbox (ECS, ELBv2) and the
// local GitHub stand-in. Pull request 7 gets web-pr-7 behind a host rule and a transient deployment; a new
// commit updates it in place; preview-destroy leaves nothing tagged for it and marks the deployments inactive.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  ListServicesCommand,
  type Service
} from '@aws-sdk/client-ecs'
import {
  CreateRuleCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  type Rule,
  type TargetGroup
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { previewCommand } from '../../src/commands/preview.js'
import { previewDestroyCommand } from '../../src/commands/preview-destroy.js'
import { readConfig } from '../../src/config/inputs.js'
import { InputError } from '../../src/config/parse.js'
import type { GitHubContext } from '../../src/github/context.js'
import { SandboxControl } from '../../sandbox/client.js'
import { createScene, registerRevision, waitFor, type Scene } from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'
import {
  HEAD_SHA,
  pullRequestContext,
  startGitHubStandin,
  type GitHubStandin
} from '../helpers/github-standin.js'
import { captureWarnings } from '../helpers/warnings.js'

const FAST = { SANDBOX_START_SECONDS: '0.2' }
const URL = 'https://pr-7.preview.example.com'
const LOG_URL = 'https://github.com/acme/shop/actions/runs/4242'
const MARKER = '<!-- ecs-rollout:web -->'

let sandbox: Sandbox
let control: SandboxControl
let standin: GitHubStandin
let scene: Scene

beforeAll(async () => {
  ;[sandbox, standin] = await Promise.all([startSandbox({ tickMs: 100, seed: 7 }), startGitHubStandin()])
  control = new SandboxControl(sandbox.url)
})
afterAll(() => Promise.all([sandbox.close(), standin.close()]))
beforeEach(async () => {
  sandbox.reset()
  standin.reset()
  scene = await createScene(sandbox.url, { loadBalanced: true, env: FAST, desiredCount: 2 })
})
const warnings = captureWarnings()

function config(inputs: Record<string, string>) {
  const all: Record<string, string> = {
    command: 'preview',
    cluster: scene.clusterName,
    service: scene.serviceName,
    'listener-arn': scene.listener!,
    'preview-host': 'pr-{number}.preview.example.com',
    'github-token': 'ghs_test',
    'poll-interval': '200ms',
    'step-timeout': '30s',
    ...inputs
  }
  return readConfig(name => all[name] ?? '')
}

function deps(context: GitHubContext = pullRequestContext(standin.url, 7)) {
  return { ecs: scene.clients.ecs, elb: scene.clients.elb, context }
}

async function preview(taskDefinition: string, context?: GitHubContext) {
  return previewCommand(config({ 'task-definition': taskDefinition }), deps(context))
}

function closed(): GitHubContext {
  return pullRequestContext(standin.url, 7, { eventName: 'pull_request_target' })
}

async function destroy() {
  return previewDestroyCommand(config({ command: 'preview-destroy', 'listener-arn': '' }), deps(closed()))
}

async function service(name: string): Promise<Service | undefined> {
  const out = await scene.clients.ecs.send(
    new DescribeServicesCommand({ cluster: scene.clusterName, services: [name], include: ['TAGS'] })
  )
  return out.services?.[0]
}

async function rules(): Promise<Rule[]> {
  const out = await scene.clients.elb.send(new DescribeRulesCommand({ ListenerArn: scene.listener }))
  return (out.Rules ?? []).filter(r => !r.IsDefault)
}

async function targetGroups(): Promise<TargetGroup[]> {
  return (await scene.clients.elb.send(new DescribeTargetGroupsCommand({}))).TargetGroups ?? []
}

/** Everything still tagged for acme/shop#7: live services (not gone or going), rules and target groups. */
async function taggedForPullRequest7(): Promise<string[]> {
  const { ecs, elb } = scene.clients
  const arns = (await ecs.send(new ListServicesCommand({ cluster: scene.clusterName }))).serviceArns ?? []
  const described = arns.length
    ? ((
        await ecs.send(
          new DescribeServicesCommand({ cluster: scene.clusterName, services: arns, include: ['TAGS'] })
        )
      ).services ?? [])
    : []
  const services = described.filter(
    s => s.status === 'ACTIVE' && s.tags?.some(t => t.key === 'ecs-rollout:pull-request' && t.value === '7')
  )
  const elbArns = [
    ...(await rules()).map(r => r.RuleArn!),
    ...(await targetGroups()).map(tg => tg.TargetGroupArn!)
  ]
  const tags = (await elb.send(new DescribeTagsCommand({ ResourceArns: elbArns }))).TagDescriptions ?? []
  const elbTagged = tags.filter(d =>
    d.Tags?.some(t => t.Key === 'ecs-rollout:pull-request' && t.Value === '7')
  )
  return [...services.map(s => s.serviceArn!), ...elbTagged.map(d => d.ResourceArn!)]
}

describe('command: preview', () => {
  it('creates web-pr-7 behind a host rule, with a transient deployment whose status carries the URL', async () => {
    const outcome = await preview(scene.taskDefinition)
    expect(outcome).toMatchObject({
      status: 'succeeded',
      outputs: { url: URL, 'task-definition-arn': scene.taskDefinition }
    })
    expect(outcome.failure).toBeUndefined()

    const created = (await service('web-pr-7'))!
    expect(created).toMatchObject({
      status: 'ACTIVE',
      desiredCount: 1,
      runningCount: 1,
      taskDefinition: scene.taskDefinition,
      launchType: 'FARGATE',
      networkConfiguration: scene.networkConfiguration,
      deploymentController: { type: 'ECS' }
    })
    expect(created.tags).toEqual(
      expect.arrayContaining([
        { key: 'ecs-rollout:repository', value: 'acme/shop' },
        { key: 'ecs-rollout:pull-request', value: '7' }
      ])
    )
    const [base] = await targetGroups()
    const tg = (await targetGroups()).find(t => t.TargetGroupName === 'web-pr-7')!
    expect(created.loadBalancers).toEqual([
      { targetGroupArn: tg.TargetGroupArn, containerName: 'app', containerPort: 80 }
    ])
    expect(tg).toMatchObject({
      VpcId: base.VpcId,
      Port: base.Port,
      Protocol: base.Protocol,
      TargetType: base.TargetType,
      HealthCheckPath: base.HealthCheckPath,
      HealthyThresholdCount: base.HealthyThresholdCount
    })
    const [rule] = await rules()
    expect(rule).toMatchObject({
      Priority: '1',
      Conditions: [expect.objectContaining({ Field: 'host-header', Values: ['pr-7.preview.example.com'] })],
      Actions: [expect.objectContaining({ Type: 'forward', TargetGroupArn: tg.TargetGroupArn })]
    })
    expect((await taggedForPullRequest7()).sort()).toEqual(
      [created.serviceArn, rule.RuleArn, tg.TargetGroupArn].sort()
    )

    const [deployment, ...statuses] = standin.requests.filter(r => r.path.includes('/deployments'))
    expect(deployment).toEqual({
      method: 'POST',
      path: '/repos/acme/shop/deployments',
      body: {
        ref: HEAD_SHA,
        task: 'deploy',
        auto_merge: false,
        required_contexts: [],
        environment: 'pr-7',
        transient_environment: true,
        production_environment: false
      }
    })
    expect(statuses.map(s => s.body)).toEqual([
      {
        state: 'in_progress',
        description: 'Deploying web:1 to web-pr-7',
        log_url: LOG_URL,
        environment_url: URL
      },
      { state: 'success', description: `web:1 is live at ${URL}`, log_url: LOG_URL, environment_url: URL }
    ])
    expect(standin.comments).toHaveLength(1)
    expect(standin.comments[0].body).toMatch(new RegExp(`^${MARKER}\n<h2>🔍 The preview of #7 is live</h2>`))
    expect(standin.comments[0].body).toContain(`<a href="${URL}">${URL}</a>`)
    expect(warnings()).toEqual([])
  })

  it('updates the preview in place on a new commit: same service, rule and target group, no duplicates', async () => {
    await preview(scene.taskDefinition)
    const before = {
      service: (await service('web-pr-7'))!,
      rules: await rules(),
      targetGroups: await targetGroups()
    }
    const next = await registerRevision(scene.clients.ecs, 'web', { ...FAST, VERSION: '2' })
    await control.clearCalls()
    const context = pullRequestContext(standin.url, 7)
    context.payload.pull_request!.head.sha = 'feedfacefeedfacefeedfacefeedfacefeedface'
    const outcome = await preview(next, context)
    expect(outcome).toMatchObject({ status: 'succeeded', outputs: { url: URL } })

    const after = (await service('web-pr-7'))!
    expect(after.serviceArn).toBe(before.service.serviceArn)
    expect(after.taskDefinition).toBe(next)
    expect(after.deployments).toHaveLength(1)
    expect(after.deployments![0]).toMatchObject({
      taskDefinition: next,
      rolloutState: 'COMPLETED',
      runningCount: 1
    })
    expect(await rules()).toEqual(before.rules)
    expect(await targetGroups()).toEqual(before.targetGroups)
    const mutating = (await control.calls()).filter(c => c.mutating && c.ok).map(c => c.operation)
    expect(mutating).toEqual(['UpdateService'])

    expect(standin.deployments.map(d => [d.environment, d.ref, d.statuses.at(-1)?.state])).toEqual([
      ['pr-7', HEAD_SHA, 'success'],
      ['pr-7', 'feedfacefeedfacefeedfacefeedfacefeedface', 'success']
    ])
    expect(standin.comments).toHaveLength(1)
    expect(standin.comments[0].body).toContain('<code>web:2</code>')
  })

  it('fails the run, not the rollout machinery, when the new commit never gets healthy', async () => {
    await preview(scene.taskDefinition)
    const broken = await registerRevision(scene.clients.ecs, 'web', { ...FAST, SANDBOX_CRASH: 'on-start' })
    const outcome = await preview(broken)
    expect(outcome.status).toBe('failed')
    expect(outcome.failure).toMatch(
      /^the deployment of web:2 on web-pr-7 (failed|did not finish): .*tasks failed to start/
    )
    expect(standin.deployments[1].statuses.map(s => s.state)).toEqual(['in_progress', 'failure'])
    expect(standin.comments[0].body).toContain('❌ The preview of #7 failed')
  })
})

describe('command: preview-destroy', () => {
  it('removes everything tagged for the pull request and marks its deployments inactive; a re-run is a no-op', async () => {
    await preview(scene.taskDefinition)
    expect(await taggedForPullRequest7()).toHaveLength(3)
    standin.requests.length = 0

    const outcome = await destroy()
    expect(outcome).toMatchObject({ status: 'succeeded', outputs: {} })
    expect(await taggedForPullRequest7()).toEqual([])
    expect(await targetGroups()).toHaveLength(1)
    expect(await rules()).toEqual([])
    await waitFor('web-pr-7 to be gone', async () => (await service('web-pr-7'))?.status === 'INACTIVE')
    expect((await service(scene.serviceName))?.status).toBe('ACTIVE')

    expect(standin.requests.filter(r => r.path.includes('/deployments'))).toEqual([
      { method: 'GET', path: '/repos/acme/shop/deployments?environment=pr-7&per_page=100' },
      {
        method: 'POST',
        path: '/repos/acme/shop/deployments/1000/statuses',
        body: {
          state: 'inactive',
          description: 'Preview removed: pull request #7 was closed',
          log_url: LOG_URL
        }
      }
    ])
    expect(standin.comments).toHaveLength(1)
    expect(standin.comments[0].body).toContain('🧹 The preview of #7 was removed')

    await control.clearCalls()
    expect(await destroy()).toMatchObject({ status: 'succeeded' })
    expect((await control.calls()).filter(c => c.mutating)).toEqual([])
  })

  it("runs with the preview job's with: block copied, listener-arn and preview-host included, and warns of them", async () => {
    await preview(scene.taskDefinition)
    expect(await taggedForPullRequest7()).toHaveLength(3)
    const copied = config({ command: 'preview-destroy' })
    expect(copied.warnings).toEqual([
      `preview-host: not used with command: preview-destroy, so it is ignored: it is the host name of a preview's listener rule with command: preview`,
      `listener-arn: not used with command: preview-destroy, traffic: replicas, so it is ignored: it is the production listener of a rollout with traffic: weights and the listener that gets a preview's host rule with command: preview`
    ])
    expect(await previewDestroyCommand(copied, deps(closed()))).toMatchObject({ status: 'succeeded' })
    expect(await taggedForPullRequest7()).toEqual([])
    expect(await rules()).toEqual([])
  })

  it('a run whose event names no pull request (workflow_dispatch) destroys the one given by pull-request', async () => {
    await preview(scene.taskDefinition)
    expect(await taggedForPullRequest7()).toHaveLength(3)
    const dispatch = { ...pullRequestContext(standin.url), eventName: 'workflow_dispatch', payload: {} }
    const outcome = await previewDestroyCommand(
      config({ command: 'preview-destroy', 'listener-arn': '', 'pull-request': '7' }),
      deps(dispatch)
    )
    expect(outcome).toMatchObject({ status: 'succeeded' })
    expect(await taggedForPullRequest7()).toEqual([])
    // Nothing was looked up on GitHub to find the pull request.
    expect(standin.requests.filter(r => r.path.includes('/pulls'))).toEqual([])
  })

  it('finds resources by their tags even when their names changed', async () => {
    await previewCommand(
      config({ 'task-definition': scene.taskDefinition, 'preview-name': 'preview-{number}-{service}' }),
      deps()
    )
    expect((await service('preview-7-web'))?.status).toBe('ACTIVE')
    await destroy()
    expect(await taggedForPullRequest7()).toEqual([])
  })
})

describe('checks before any change', () => {
  async function expectNothingChanged(): Promise<void> {
    expect((await control.calls()).filter(c => c.mutating)).toEqual([])
    expect(standin.requests.filter(r => r.method !== 'GET')).toEqual([])
  }
  beforeEach(() => control.clearCalls())

  it.each([
    [{ 'listener-arn': '' }, /^listener-arn: is required for command: preview/],
    [{ 'preview-host': '' }, /^preview-host: is required for command: preview/],
    [{ 'preview-host': 'preview.example.com' }, /^preview-host: "preview.example.com" has no \{number\}/],
    [
      { 'preview-host': 'pr-{number}.exa mple.com' },
      /^preview-host: .* gives "pr-7.exa mple.com", which is not a host name/
    ],
    [
      { 'preview-name': '{service}.pr.{number}' },
      /^preview-name: .* gives "web.pr.7", which is not an ECS service name/
    ]
  ])('refuses %j, naming the input', async (inputs, message) => {
    const run = previewCommand(config({ 'task-definition': scene.taskDefinition, ...inputs }), deps())
    await expect(run).rejects.toThrow(InputError)
    await expect(run).rejects.toThrow(message)
    await expectNothingChanged()
  })

  it('refuses a run that is not for a pull request', async () => {
    const push = { ...pullRequestContext(standin.url), eventName: 'push', payload: {} }
    await expect(preview(scene.taskDefinition, push)).rejects.toThrow(
      'command: preview works on a pull request, and this push run is for none'
    )
    await expect(
      previewDestroyCommand(config({ command: 'preview-destroy', 'listener-arn': '' }), deps(push))
    ).rejects.toThrow('command: preview-destroy works on a pull request')
    await expectNothingChanged()
  })

  it('refuses a pull-request input that contradicts the event', async () => {
    const run = previewCommand(
      config({ 'task-definition': scene.taskDefinition, 'pull-request': '8' }),
      deps(pullRequestContext(standin.url, 7))
    )
    await expect(run).rejects.toThrow(InputError)
    await expect(run).rejects.toThrow(/^pull-request: 8 is not the pull request this run is for \(7\)/)
    await expectNothingChanged()
  })

  it('refuses a fork’s pull request in pull_request_target', async () => {
    const fork = pullRequestContext(standin.url, 7, { eventName: 'pull_request_target' })
    fork.payload.pull_request!.head.repo = { full_name: 'mallory/shop' }
    await expect(preview(scene.taskDefinition, fork)).rejects.toThrow(/^allow-fork: is false/)
    await expectNothingChanged()
  })

  it('refuses a host that a rule it did not make already routes', async () => {
    await scene.clients.elb.send(
      new CreateRuleCommand({
        ListenerArn: scene.listener,
        Priority: 5,
        Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['pr-7.preview.example.com'] } }],
        Actions: [{ Type: 'forward', TargetGroupArn: scene.targetGroups[0] }]
      })
    )
    await control.clearCalls()
    await expect(preview(scene.taskDefinition)).rejects.toThrow(
      /^preview-host: gives "pr-7.preview.example.com", which listener-arn already routes with rule .*, not made for acme\/shop#7: choose another preview-host$/
    )
    await expectNothingChanged()
  })

  it('refuses to take over a service of the preview’s name that it did not make', async () => {
    await scene.clients.ecs.send(
      new CreateServiceCommand({
        cluster: scene.clusterName,
        serviceName: 'web-pr-7',
        taskDefinition: scene.taskDefinition,
        desiredCount: 0,
        launchType: 'FARGATE',
        networkConfiguration: scene.networkConfiguration
      })
    )
    await control.clearCalls()
    await expect(preview(scene.taskDefinition)).rejects.toThrow(
      'service web-pr-7 exists but is not tagged as the preview of acme/shop#7, so it is not touched'
    )
    await expectNothingChanged()
  })
})
