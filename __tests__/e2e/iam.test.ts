// Least privilege, end to end: each command of dist/index.js runs under exactly the IAM policy docs/iam.md
// gives for it (the policies are parsed from the document). The sandbox's allow-list (POST /_sandbox/allow)
// answers every other operation with AccessDenied, as IAM would; each run must still do its job.
// `IAM_PROBE=1` runs everything with all operations allowed and prints the operations each policy's runs
// called: that is how the policies were derived.

import { afterAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CallRecord } from '../../sandbox/client.js'
import { CONTAINER_NAME } from '../../sandbox/fixtures.js'
import { ALARM, revision, run, transcript, withScene, type RunResult, type Scene } from '../helpers/scene.js'
import { pullRequestContext, startGitHubStandin } from '../helpers/github-standin.js'
import { readPolicies, sandboxActions } from '../helpers/iam-policies.js'

const PROBE = process.env.IAM_PROBE === '1'
const POLICIES = readPolicies()
const IAM_PREFIX = { ecs: 'ecs', cloudwatch: 'cloudwatch', elbv2: 'elasticloadbalancing' }

interface Step {
  /** The policy the run gets; none for a run that only sets the scene up. */
  policy?: string
  inputs: Record<string, string>
  status: string
  code?: number
  env?: Record<string, string>
  /** The policy lacks an action the run needs: it must fail on AccessDenied, having changed nothing. */
  denied?: boolean
}

const probed: Record<string, Set<string>> = {}

/** Runs the steps in order, each under its policy; returns the results. */
async function play(e2e: Scene, steps: Step[]): Promise<RunResult[]> {
  const results: RunResult[] = []
  for (const step of steps) {
    const allowed = step.policy && !PROBE ? sandboxActions(POLICIES[step.policy]) : null
    await e2e.control.setAllow(allowed)
    const since = Date.now()
    const { result } = await run(
      e2e,
      { 'poll-interval': '1s', 'bake-time': '1s', ...step.inputs },
      { env: step.env }
    )
    await e2e.control.setAllow(null)
    const calls: CallRecord[] = await e2e.control.calls(since)
    results.push(result)
    if (step.policy && PROBE) {
      probed[step.policy] ??= new Set()
      for (const c of calls) probed[step.policy].add(`${IAM_PREFIX[c.service]}:${c.operation}`)
    }
    try {
      const denied = calls.filter(c => /AccessDenied/.test(c.error ?? ''))
      if (step.denied) {
        expect(denied.length).toBeGreaterThan(0)
        expect(result.outputs.reason).toMatch(/AccessDenied.*not authorized to perform/)
        expect(calls.filter(c => c.mutating)).toEqual([])
      } else expect(denied.map(c => c.operation)).toEqual([])
      expect(result.outputs.status).toBe(step.status)
      expect(result.code).toBe(step.code ?? (step.status === 'succeeded' ? 0 : 1))
    } catch (error) {
      if (error instanceof Error) error.message += `\n\n${step.policy ?? 'setup'}: ${transcript(result)}`
      throw error
    }
  }
  return results
}

const FAST_DEPLOY = {
  command: 'deploy',
  alarms: ALARM,
  strategy: 'canary',
  'canary-percent': '50',
  'canary-bake-time': '1s'
}

/** A task definition file with a task role, an execution role and a secret: RegisterTaskDefinition passes roles. */
function taskDefinitionFile(e2e: Scene): string {
  const path = join(e2e.dir, 'web.json')
  writeFileSync(
    path,
    JSON.stringify({
      family: 'web',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      taskRoleArn: 'arn:aws:iam::123456789012:role/web-task',
      executionRoleArn: 'arn:aws:iam::123456789012:role/web-execution',
      containerDefinitions: [
        {
          name: CONTAINER_NAME,
          image: 'public.ecr.aws/nginx/nginx:1.27',
          essential: true,
          portMappings: [{ containerPort: 80 }],
          environment: Object.entries(e2e.fast).map(([name, value]) => ({ name, value })),
          secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/web/db' }]
        }
      ]
    })
  )
  return path
}

describe('least privilege: every command under exactly its policy in docs/iam.md', () => {
  it('docs/iam.md has a policy for every command', () => {
    expect(Object.keys(POLICIES).sort()).toEqual(
      [
        'control',
        'deploy-ecs-native',
        'deploy-replicas',
        'deploy-weights',
        'diff',
        'history',
        'plan',
        'preview',
        'preview-destroy',
        'rollback',
        'status',
        'wave-gate'
      ].sort()
    )
  })

  it.concurrent(
    'deploy, traffic by replicas: a task definition file rolled out; a crashing revision rolled back',
    async () => {
      await withScene({ desiredCount: 2 }, async e2e => {
        const crashing = await revision(e2e, { SANDBOX_CRASH: 'on-start' })
        await play(e2e, [
          {
            policy: 'deploy-replicas',
            inputs: { ...FAST_DEPLOY, 'task-definition': taskDefinitionFile(e2e) },
            status: 'succeeded'
          },
          {
            policy: 'deploy-replicas',
            inputs: { ...FAST_DEPLOY, 'task-definition': crashing },
            status: 'rolled-back'
          }
        ])
      })
    }
  )

  it.concurrent(
    'the metric gates under the deploy policies: GetMetricData once per poll, its load balancer found, all allowed',
    async () => {
      await withScene({ desiredCount: 2 }, async e2e => {
        const next = await revision(e2e)
        const since = Date.now()
        await play(e2e, [
          {
            policy: 'deploy-replicas',
            inputs: { ...FAST_DEPLOY, 'task-definition': next, 'metric-period': '1s' },
            status: 'succeeded'
          }
        ])
        const calls = (await e2e.control.calls(since)).map(c => `${c.operation}:${c.ok}`)
        expect(calls).toContain('DescribeTargetGroups:true')
        expect(calls).toContain('GetMetricData:true')
        expect(calls).not.toContain('GetMetricData:false')
      })
    }
  )

  it.concurrent(
    "deploy on an ECS-controller service, native canary held at each step: one rolled out, one rolled back through the action's hook",
    async () => {
      await withScene({ kind: 'native' }, async e2e => {
        const good = await revision(e2e)
        const bad = await revision(e2e, { SANDBOX_ERROR_RATE: '1' })
        const native = { ...FAST_DEPLOY, 'canary-percent': '20', 'poll-interval': '500ms' }
        await play(e2e, [
          {
            policy: 'deploy-ecs-native',
            inputs: { ...native, 'task-definition': good },
            status: 'succeeded'
          },
          {
            policy: 'deploy-ecs-native',
            inputs: { ...native, 'task-definition': bad, 'canary-bake-time': '12s' },
            status: 'rolled-back'
          }
        ])
      })
    }
  )

  it.concurrent(
    'deploy, traffic by weights with a test listener: one rolled out, one rolled back by its alarm',
    async () => {
      await withScene(
        { desiredCount: 2, scene: { weightedTargetGroups: true, testListener: true } },
        async e2e => {
          const good = await revision(e2e)
          const bad = await revision(e2e, { SANDBOX_ERROR_RATE: '0.5' })
          const weights = {
            ...FAST_DEPLOY,
            traffic: 'weights',
            'listener-arn': e2e.listener!,
            'target-groups': e2e.targetGroups.join(','),
            'test-listener-arn': e2e.testListener!
          }
          await play(e2e, [
            {
              policy: 'deploy-weights',
              inputs: { ...weights, 'task-definition': good },
              status: 'succeeded'
            },
            {
              policy: 'deploy-weights',
              inputs: { ...weights, 'task-definition': bad },
              status: 'rolled-back'
            }
          ])
        }
      )
    }
  )

  it.concurrent(
    'pause, resume, promote and abort: rollouts paused at a manual step carried on by later runs',
    async () => {
      await withScene({ desiredCount: 2 }, async e2e => {
        const paused = (taskDefinition: string): Step => ({
          inputs: {
            command: 'deploy',
            alarms: ALARM,
            strategy: 'custom',
            steps: '50, pause, 100',
            'task-definition': taskDefinition
          },
          status: 'paused',
          code: 0
        })
        const [v2, v3, v4] = [await revision(e2e), await revision(e2e), await revision(e2e)]
        await play(e2e, [
          paused(v2),
          { policy: 'control', inputs: { command: 'pause' }, status: 'paused', code: 0 },
          { policy: 'control', inputs: { command: 'resume', alarms: ALARM }, status: 'succeeded' },
          paused(v3),
          { policy: 'control', inputs: { command: 'promote', alarms: ALARM }, status: 'succeeded' },
          paused(v4),
          { policy: 'control', inputs: { command: 'abort' }, status: 'aborted', code: 0 }
        ])
      })
    }
  )

  it.concurrent(
    'plan, status, history, diff and rollback on a service with a rollout behind it',
    async () => {
      await withScene({ desiredCount: 2 }, async e2e => {
        const v2 = await revision(e2e, { RELEASE: '2' })
        await play(e2e, [
          { inputs: { ...FAST_DEPLOY, 'task-definition': v2 }, status: 'succeeded' },
          {
            policy: 'plan',
            inputs: { command: 'plan', strategy: 'linear', 'step-percent': '50' },
            status: 'planned',
            code: 0
          },
          { policy: 'status', inputs: { command: 'status' }, status: 'succeeded' },
          { policy: 'history', inputs: { command: 'history' }, status: 'succeeded' },
          // The allow-list bites: history under status's policy may not list task definitions.
          { policy: 'status', inputs: { command: 'history' }, status: 'failed', denied: true },
          { policy: 'diff', inputs: { command: 'diff' }, status: 'succeeded' },
          { policy: 'rollback', inputs: { ...FAST_DEPLOY, command: 'rollback' }, status: 'succeeded' }
        ])
      })
    }
  )

  it.concurrent('wave-gate after a deploy', async () => {
    await withScene({ desiredCount: 2 }, async e2e => {
      const next = await revision(e2e)
      await play(e2e, [
        { inputs: { ...FAST_DEPLOY, 'task-definition': next }, status: 'succeeded' },
        { policy: 'wave-gate', inputs: { command: 'wave-gate', alarms: ALARM }, status: 'succeeded' }
      ])
    })
  })

  it.concurrent('preview and preview-destroy for a pull request', async () => {
    const standin = await startGitHubStandin()
    try {
      await withScene({ desiredCount: 2 }, async e2e => {
        const v2 = await revision(e2e)
        writeFileSync(join(e2e.dir, 'event.json'), JSON.stringify(pullRequestContext(standin.url, 7).payload))
        const env = {
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: join(e2e.dir, 'event.json'),
          GITHUB_API_URL: standin.url
        }
        const preview = {
          'listener-arn': e2e.listener!,
          'preview-host': 'pr-{number}.preview.example.com',
          'github-token': 'ghs_iam_test',
          'step-timeout': '30s'
        }
        await play(e2e, [
          {
            policy: 'preview',
            inputs: { command: 'preview', 'task-definition': v2, ...preview },
            status: 'succeeded',
            env
          },
          {
            policy: 'preview-destroy',
            inputs: { command: 'preview-destroy', 'github-token': 'ghs_iam_test' },
            status: 'succeeded',
            env
          }
        ])
      })
    } finally {
      await standin.close()
    }
  })

  afterAll(() => {
    if (PROBE)
      console.log(
        Object.entries(probed)
          .map(([policy, ops]) => `${policy}:\n  ${[...ops].sort().join('\n  ')}`)
          .join('\n')
      )
  })
})
