// The service read ahead by the entry: describeService takes that answer once, for that service only, and a
// failed read ahead fails it as the request itself would have; the session goes on with the client that asked.

import { describe, expect, it } from '@jest/globals'
import type { ECSClient } from '@aws-sdk/client-ecs'
import { createClients } from '../../../src/aws/clients.js'
import { readAhead, readAheadClient } from '../../../src/aws/read-ahead.js'
import { describeService } from '../../../src/aws/service.js'
import { awsError, fakeClient } from '../../helpers/fake-client.js'

const ACTIVE = { services: [{ serviceName: 'web', status: 'ACTIVE', serviceArn: 'arn:svc/web' }] }

describe('the service read ahead', () => {
  it('is taken once, for its service; later reads ask ECS', async () => {
    const { client, calls } = fakeClient<ECSClient>({ DescribeServices: () => ACTIVE })
    await readAhead('prod', 'web', client)
    expect(calls).toEqual([
      { name: 'DescribeServices', input: { cluster: 'prod', services: ['web'], include: ['TAGS'] } }
    ])
    const other = fakeClient<ECSClient>({ DescribeServices: () => ACTIVE })
    // Another service: asked for; then the one read ahead: its answer; then again: asked for.
    await describeService(other.client, 'prod', 'api')
    expect(other.calls).toHaveLength(1)
    expect((await describeService(other.client, 'prod', 'web')).serviceArn).toBe('arn:svc/web')
    expect(other.calls).toHaveLength(1)
    await describeService(other.client, 'prod', 'web')
    expect(other.calls).toHaveLength(2)
    expect(calls).toHaveLength(1)
    // The session's ECS client is the one that read ahead.
    expect(readAheadClient()).toBe(client)
    expect(createClients().ecs).toBe(client)
  })

  it('a failed read ahead fails the read that takes it, with the same error', async () => {
    const { client } = fakeClient<ECSClient>({
      DescribeServices: () => {
        throw awsError('ClusterNotFoundException')
      }
    })
    await readAhead('nope', 'web', client)
    await expect(describeService(client, 'nope', 'web')).rejects.toThrow('cluster "nope" was not found')
  })
})
