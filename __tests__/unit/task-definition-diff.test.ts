// What changed between two task definitions — and what must never show: secret values, their sources, and
// environment values unless asked for (and even then not for secret-looking names).

import { describe, expect, it } from '@jest/globals'
import type { TaskDefinition } from '@aws-sdk/client-ecs'
import { MASK, diffHtml, diffTaskDefinitions, diffText } from '../../src/report/task-definition-diff.js'

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:1:secret:db-AbCdEf'
const CANARY = 'hunter2-canary-value'

const before: TaskDefinition = {
  cpu: '256',
  memory: '512',
  taskRoleArn: 'arn:aws:iam::1:role/web-task',
  executionRoleArn: 'arn:aws:iam::1:role/exec',
  containerDefinitions: [
    {
      name: 'app',
      image: 'web:1.0',
      cpu: 128,
      memory: 256,
      portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
      environment: [
        { name: 'LOG_LEVEL', value: 'info' },
        { name: 'OLD_FLAG', value: 'on' },
        { name: 'API_TOKEN', value: CANARY },
        { name: 'SAME', value: 'same' }
      ],
      secrets: [
        { name: 'DB_PASSWORD', valueFrom: SECRET_ARN },
        { name: 'GONE', valueFrom: `${SECRET_ARN}-gone` }
      ]
    },
    { name: 'sidecar', image: 'envoy:1.29' }
  ]
}

const after: TaskDefinition = {
  cpu: '512',
  memory: '512',
  taskRoleArn: 'arn:aws:iam::1:role/web-task-v2',
  executionRoleArn: 'arn:aws:iam::1:role/exec',
  containerDefinitions: [
    {
      name: 'app',
      image: 'web:1.1',
      cpu: 128,
      memory: 512,
      memoryReservation: 256,
      portMappings: [
        { containerPort: 9090, hostPort: 9091, protocol: 'udp' },
        { containerPort: 8080, protocol: 'tcp' }
      ],
      environment: [
        { name: 'LOG_LEVEL', value: 'debug' },
        { name: 'NEW_FLAG', value: 'yes' },
        { name: 'API_TOKEN', value: `${CANARY}-2` },
        { name: 'SAME', value: 'same' }
      ],
      secrets: [
        { name: 'DB_PASSWORD', valueFrom: `${SECRET_ARN}-rotated` },
        { name: 'NEW_SECRET', valueFrom: `${SECRET_ARN}-new` }
      ]
    },
    { name: 'worker', image: 'web-worker:1.1' }
  ]
}

describe('diffTaskDefinitions', () => {
  const masked = diffTaskDefinitions(before, after, { showEnvValues: false })
  const find = (where: string, what: string, name?: string) =>
    masked.find(c => c.where === where && c.what === what && c.name === name)

  it('finds images, cpu and memory, ports and roles', () => {
    expect(find('app', 'image')).toEqual({
      where: 'app',
      what: 'image',
      change: 'changed',
      before: 'web:1.0',
      after: 'web:1.1'
    })
    expect(find('task', 'cpu')).toMatchObject({ before: '256', after: '512' })
    expect(find('task', 'memory')).toBeUndefined()
    expect(find('app', 'memory')).toMatchObject({ before: '256', after: '512' })
    expect(find('app', 'memory reservation')).toMatchObject({ change: 'added', after: '256' })
    expect(find('app', 'cpu')).toBeUndefined()
    expect(find('app', 'ports')).toMatchObject({ before: '8080/tcp', after: '8080/tcp, 9090:9091/udp' })
    expect(find('task', 'task role')).toMatchObject({ after: 'arn:aws:iam::1:role/web-task-v2' })
    expect(find('task', 'execution role')).toBeUndefined()
  })

  it('finds containers added and removed', () => {
    expect(find('worker', 'container')).toMatchObject({ change: 'added', after: 'web-worker:1.1' })
    expect(find('sidecar', 'container')).toMatchObject({ change: 'removed', before: 'envoy:1.29' })
  })

  it('names environment changes with values masked', () => {
    expect(find('app', 'environment', 'LOG_LEVEL')).toMatchObject({
      change: 'changed',
      before: MASK,
      after: MASK
    })
    expect(find('app', 'environment', 'NEW_FLAG')).toEqual({
      where: 'app',
      what: 'environment',
      name: 'NEW_FLAG',
      change: 'added',
      before: undefined,
      after: undefined
    })
    expect(find('app', 'environment', 'OLD_FLAG')).toMatchObject({ change: 'removed', before: undefined })
    expect(find('app', 'environment', 'SAME')).toBeUndefined()
  })

  it('shows environment values when asked, but never for secret-looking names', () => {
    const shown = diffTaskDefinitions(before, after, { showEnvValues: true })
    const env = (name: string) => shown.find(c => c.name === name)
    expect(env('LOG_LEVEL')).toMatchObject({ before: 'info', after: 'debug' })
    expect(env('NEW_FLAG')).toMatchObject({ after: 'yes' })
    expect(env('API_TOKEN')).toMatchObject({ before: MASK, after: MASK })
    for (const name of ['CLIENT_SECRET', 'db_password', 'AwsCredentials', 'SIGNING_KEY']) {
      const a = { containerDefinitions: [{ name: 'c', environment: [{ name, value: 'one' }] }] }
      const b = { containerDefinitions: [{ name: 'c', environment: [{ name, value: 'two' }] }] }
      expect(diffTaskDefinitions(a, b, { showEnvValues: true })[0]).toMatchObject({
        before: MASK,
        after: MASK
      })
    }
  })

  it('names secrets but never shows where their values live', () => {
    const shown = diffTaskDefinitions(before, after, { showEnvValues: true })
    const secrets = shown.filter(c => c.what === 'secret')
    expect(secrets.map(c => [c.name, c.change])).toEqual([
      ['DB_PASSWORD', 'changed'],
      ['GONE', 'removed'],
      ['NEW_SECRET', 'added']
    ])
    const everything = JSON.stringify(shown) + diffText(shown).join('\n') + diffHtml(shown).html
    expect(everything).not.toContain('secretsmanager')
    expect(everything).not.toContain(CANARY)
  })

  it('reports nothing for identical definitions', () => {
    expect(diffTaskDefinitions(before, before, { showEnvValues: true })).toEqual([])
    expect(diffHtml([]).html).toContain('No change')
  })
})

describe('rendering', () => {
  const changes = diffTaskDefinitions(before, after, { showEnvValues: false })

  it('reads as one line per change in the log', () => {
    const text = diffText(changes)
    expect(text).toContain('app: image web:1.0 → web:1.1')
    expect(text).toContain('app: environment LOG_LEVEL ••• → •••')
    expect(text).toContain('app: environment NEW_FLAG added')
    expect(text).toContain('app: secret GONE removed')
    expect(text).toContain('worker: container added (web-worker:1.1)')
    expect(text).toContain('task: cpu 256 → 512')
  })

  it('renders an escaped table with dashes for empty cells, cut at a maximum', () => {
    const hostile = diffTaskDefinitions(
      { containerDefinitions: [{ name: '</td><b>c', image: 'a' }] },
      { containerDefinitions: [{ name: '</td><b>c', image: '<script>x</script>\n\n# h' }] },
      { showEnvValues: false }
    )
    const html = diffHtml(hostile).html
    expect(html).toContain(
      '<td>&lt;/td&gt;&lt;b&gt;c</td><td>image</td><td>changed</td><td>a</td><td>&lt;script&gt;x&lt;/script&gt; # h</td>'
    )
    expect(diffHtml(changes).html).toContain('<td>added</td><td>–</td><td>–</td>')
    const cut = diffHtml(changes, 3).html
    expect(cut.match(/<tr><td>/g)).toHaveLength(3)
    expect(cut).toContain(`and ${changes.length - 3} more changes`)
  })
})
