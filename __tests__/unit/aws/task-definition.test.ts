import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { ECSClient } from '@aws-sdk/client-ecs'
import {
  describeTaskDefinition,
  loadTaskDefinitionFile,
  readTaskDefinition,
  registerTaskDefinition,
  resolveTaskDefinition
} from '../../../src/aws/task-definition.js'
import { awsError, fakeClient } from '../../helpers/fake-client.js'

const dir = mkdtempSync(join(tmpdir(), 'ecs-rollout-td-'))
function file(name: string, content: unknown): string {
  const path = join(dir, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

const ARN = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7'
const described = {
  taskDefinitionArn: ARN,
  family: 'web',
  revision: 7,
  status: 'ACTIVE',
  requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
  compatibilities: ['EC2', 'FARGATE'],
  registeredAt: '2026-11-01T00:00:00Z',
  registeredBy: 'arn:aws:iam::123456789012:user/me',
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [
    { name: 'web', image: 'web:1', essential: true },
    { name: 'log', image: 'fluent:1' }
  ]
}

describe('loadTaskDefinitionFile', () => {
  it('accepts the describe-task-definition output, strips read-only fields and applies image overrides', async () => {
    const path = file('wrapped.json', { taskDefinition: described, tags: [{ key: 'team', value: 'a' }] })
    expect(await loadTaskDefinitionFile(path, { web: 'web:2' })).toEqual({
      family: 'web',
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [
        { name: 'web', image: 'web:2', essential: true },
        { name: 'log', image: 'fluent:1' }
      ],
      tags: [{ key: 'team', value: 'a' }]
    })
  })

  it('accepts a bare definition', async () => {
    const input = await loadTaskDefinitionFile(
      file('bare.json', { family: 'web', containerDefinitions: [{ name: 'web' }] }),
      {}
    )
    expect(input).toEqual({ family: 'web', containerDefinitions: [{ name: 'web' }], tags: undefined })
  })

  it('names the input and the problem for a bad file', async () => {
    const cases: [string, string][] = [
      [join(dir, 'absent.json'), 'task-definition: cannot read ".*absent.json": ENOENT'],
      [file('bad.json', '{ "family": '), 'task-definition: ".*bad.json" is not valid JSON'],
      [file('list.json', '[]'), 'does not hold a JSON object'],
      [
        file('nofamily.json', { containerDefinitions: [{ name: 'web' }] }),
        'task-definition: ".*nofamily.json" has no "family"'
      ],
      [
        file('nocontainers.json', { family: 'web' }),
        'has no "containerDefinitions" list of named containers'
      ],
      [
        file('unnamed.json', { family: 'web', containerDefinitions: [{ image: 'x' }] }),
        'has no "containerDefinitions"'
      ]
    ]
    for (const [path, message] of cases)
      await expect(loadTaskDefinitionFile(path, {})).rejects.toThrow(new RegExp(message))
  })

  it('refuses an override for a container the definition does not have, listing those it has', async () => {
    await expect(loadTaskDefinitionFile(file('ok.json', described), { api: 'api:2' })).rejects.toThrow(
      'container-image: names container "api", which task definition "web" does not have: its containers are "web", "log"'
    )
  })
})

describe('registerTaskDefinition and resolveTaskDefinition', () => {
  function ecs(status = 'ACTIVE') {
    return fakeClient<ECSClient>({
      DescribeTaskDefinition: ({ taskDefinition }: { taskDefinition: string }) => {
        if (taskDefinition === 'web:99')
          throw awsError('ClientException', 'Unable to describe task definition.')
        return {
          taskDefinition: { ...described, status },
          tags: [{ key: 'ecs-rollout:rollout-id', value: 'old' }]
        }
      },
      RegisterTaskDefinition: (input: object) => ({
        taskDefinition: { ...input, taskDefinitionArn: `${ARN}-new` }
      })
    })
  }

  it('registers a file tagged with the rollout id', async () => {
    const { client, calls } = ecs()
    const resolved = await resolveTaskDefinition(client, file('reg.json', described), { web: 'web:3' }, 'r1')
    expect(resolved).toMatchObject({ arn: `${ARN}-new`, registered: true })
    expect(calls.map(c => c.name)).toEqual(['RegisterTaskDefinition'])
    expect(calls[0].input.tags).toEqual([{ key: 'ecs-rollout:rollout-id', value: 'r1' }])
    expect(calls[0].input.containerDefinitions[0].image).toBe('web:3')
  })

  it('uses an existing revision as it is, and registers a new one from it for image overrides', async () => {
    const { client, calls } = ecs()
    expect(await resolveTaskDefinition(client, 'web:7', {}, 'r1')).toMatchObject({
      arn: ARN,
      registered: false
    })
    expect(await resolveTaskDefinition(client, ARN, { web: 'web:1' }, 'r1')).toMatchObject({
      registered: false
    })
    expect(calls[0].input).toEqual({ taskDefinition: 'web:7', include: ['TAGS'] })
    const resolved = await resolveTaskDefinition(client, 'web:7', { log: 'fluent:2' }, 'r2')
    expect(resolved.registered).toBe(true)
    const register = calls.find(c => c.name === 'RegisterTaskDefinition')?.input
    expect(register.taskDefinitionArn).toBeUndefined()
    expect(register.revision).toBeUndefined()
    expect(register.tags).toEqual([{ key: 'ecs-rollout:rollout-id', value: 'r2' }])
    expect(register.containerDefinitions[1].image).toBe('fluent:2')
  })

  it('refuses an INACTIVE revision, a missing one, and an unknown container before registering', async () => {
    const { client, calls } = ecs('INACTIVE')
    await expect(resolveTaskDefinition(client, 'web:7', {}, 'r1')).rejects.toThrow(
      'task-definition: "web:7" is INACTIVE: it was deregistered'
    )
    await expect(resolveTaskDefinition(client, 'web:99', {}, 'r1')).rejects.toThrow(
      'task-definition: "web:99" was not found: Unable to describe task definition.'
    )
    await expect(resolveTaskDefinition(ecs().client, 'web:7', { api: 'x' }, 'r1')).rejects.toThrow(
      'container-image'
    )
    expect(calls.filter(c => c.name === 'RegisterTaskDefinition')).toEqual([])
  })

  it('keeps tags other than the rollout id', async () => {
    const { client, calls } = ecs()
    await registerTaskDefinition(
      client,
      { family: 'web', containerDefinitions: [], tags: [{ key: 'team', value: 'a' }] },
      'r1'
    )
    expect(calls[0].input.tags).toEqual([
      { key: 'team', value: 'a' },
      { key: 'ecs-rollout:rollout-id', value: 'r1' }
    ])
  })
})

describe('describeTaskDefinition, the one DescribeTaskDefinition', () => {
  function ecs() {
    return fakeClient<ECSClient>({
      DescribeTaskDefinition: input => {
        if (input.taskDefinition !== ARN && input.taskDefinition !== 'web:7')
          throw awsError('ClientException', 'Unable to describe task definition.')
        return { taskDefinition: described, tags: input.include ? [{ key: 'team', value: 'a' }] : undefined }
      }
    })
  }

  it('asks for tags only when told to, and gives them by key', async () => {
    const { client, calls } = ecs()
    expect(await describeTaskDefinition(client, 'web:7', { tags: true })).toEqual({
      definition: described,
      tags: { team: 'a' }
    })
    expect(await describeTaskDefinition(client, ARN)).toEqual({ definition: described, tags: {} })
    expect(calls.map(c => c.input)).toEqual([
      { taskDefinition: 'web:7', include: ['TAGS'] },
      { taskDefinition: ARN }
    ])
  })

  it('lets the caller decide what a revision that does not exist means', async () => {
    await expect(describeTaskDefinition(ecs().client, 'web:99')).rejects.toThrow('Unable to describe')
  })

  it('readTaskDefinition: the definition for the summary, or nothing when there is none or it cannot be read', async () => {
    const { client, calls } = ecs()
    expect(await readTaskDefinition(client, ARN)).toEqual(described)
    expect(await readTaskDefinition(client, 'web:99')).toBeUndefined()
    expect(await readTaskDefinition(client, undefined)).toBeUndefined()
    expect(calls).toHaveLength(2)
  })
})
