import { describe, expect, it } from '@jest/globals'
import type { ECSClient } from '@aws-sdk/client-ecs'
import { loadRecord, RecordStore } from '../../../src/aws/record-store.js'
import { tagList } from '../../../src/aws/tags.js'
import { encodeRecord, type RolloutRecord } from '../../../src/record/record.js'
import { fakeClient } from '../../helpers/fake-client.js'

const record: RolloutRecord = {
  id: 'r1',
  phase: 'Active',
  stage: 'executing',
  step: 2,
  steps: 5,
  newTaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2',
  plan: {
    strategy: { name: 'linear', stepPercent: 20, stepBakeMs: 60000 },
    traffic: 'replicas',
    stableScale: 'shrink',
    maxSurge: { kind: 'percent', value: 25 },
    maxUnavailable: { kind: 'count', value: 0 },
    bakeMs: 300000
  },
  actor: 'octocat',
  runUrl: 'https://github.com/o/r/actions/runs/1',
  commit: 'abc',
  startedAt: 1,
  heartbeat: 2
}

describe('RecordStore', () => {
  it('reads the record back from the service, in its cluster, with the permission a look uses already', async () => {
    const { client, calls } = fakeClient<ECSClient>({
      DescribeServices: () => ({ services: [{ tags: tagList(encodeRecord({ ...record, heartbeat: 9 })) }] })
    })
    const store = new RecordStore({ ecs: client, serviceArn: 'arn:svc', cluster: 'prod' })
    expect((await store.load()).record).toMatchObject({ id: 'r1', heartbeat: 9 })
    expect(calls.map(c => c.input)).toEqual([{ cluster: 'prod', services: ['arn:svc'], include: ['TAGS'] }])
  })

  it('tags the service with the record and removes the fields that are empty', async () => {
    const { client, calls } = fakeClient<ECSClient>({ TagResource: () => ({}), UntagResource: () => ({}) })
    await new RecordStore({ ecs: client, serviceArn: 'arn:svc' }).save(record)
    expect(calls.map(c => c.name)).toEqual(['TagResource', 'UntagResource'])
    const tags = Object.fromEntries(
      calls[0].input.tags.map((t: { key: string; value: string }) => [t.key, t.value])
    )
    expect(calls[0].input.resourceArn).toBe('arn:svc')
    expect(tags).toMatchObject({ 'ecs-rollout:id': 'r1', 'ecs-rollout:step': '2/5' })
    expect(Object.values(tags)).not.toContain('')
    expect(calls[1].input).toEqual({
      resourceArn: 'arn:svc',
      tagKeys: [
        'ecs-rollout:stable',
        'ecs-rollout:owner',
        'ecs-rollout:owner-run',
        'ecs-rollout:outcome',
        'ecs-rollout:reason',
        'ecs-rollout:settings',
        'ecs-rollout:rollback'
      ]
    })
  })

  it("leaves a control run's request alone unless the record clears it (null) or sets it", async () => {
    const { client, calls } = fakeClient<ECSClient>({ TagResource: () => ({}), UntagResource: () => ({}) })
    const store = new RecordStore({ ecs: client, serviceArn: 'arn:svc' })
    await store.save({ ...record, request: null })
    expect(calls[1].input.tagKeys).toContain('ecs-rollout:request')
    await store.save({ ...record, request: 'pause' })
    const tags = Object.fromEntries(
      calls[2].input.tags.map((t: { key: string; value: string }) => [t.key, t.value])
    )
    expect(tags['ecs-rollout:request']).toBe('pause')
  })

  it('removes an empty field once, but a cleared request every time: a heartbeat is one call', async () => {
    const { client, calls } = fakeClient<ECSClient>({ TagResource: () => ({}), UntagResource: () => ({}) })
    const store = new RecordStore({ ecs: client, serviceArn: 'arn:svc' })
    await store.save(record)
    await store.save({ ...record, heartbeat: 3 })
    expect(calls.map(c => c.name)).toEqual(['TagResource', 'UntagResource', 'TagResource'])
    await store.save({ ...record, heartbeat: 4, request: null })
    expect(calls.slice(3).map(c => [c.name, c.input.tagKeys])).toEqual([
      ['TagResource', undefined],
      ['UntagResource', ['ecs-rollout:request', 'ecs-rollout:request-by']]
    ])
    // A field written again and emptied later is removed again.
    await store.save({ ...record, heartbeat: 5, reason: 'alarm' })
    await store.save({ ...record, heartbeat: 6 })
    expect(calls.at(-1)?.input.tagKeys).toEqual(['ecs-rollout:reason'])
  })

  it('loads the record back from a tag list', () => {
    expect(loadRecord(tagList(encodeRecord(record)))).toEqual({
      ...record,
      outcome: undefined,
      reason: undefined,
      request: undefined,
      stableTaskDefinition: undefined,
      ownerRun: undefined
    })
    expect(loadRecord([{ key: 'team', value: 'a' }])).toBeUndefined()
    expect(loadRecord(undefined)).toBeUndefined()
  })

  it("keeps the owner's run, attempt and job; a record written before they were kept loads without them", () => {
    const ownerRun = { runId: '4242', attempt: 2, job: 'deploy-prod' }
    const tags = encodeRecord({ ...record, ownerRun })
    expect(tags['ecs-rollout:owner-run']).toBe('4242/2/deploy-prod')
    expect(loadRecord(tagList(tags))?.ownerRun).toEqual(ownerRun)
    const { 'ecs-rollout:owner-run': _, ...older } = tags
    expect(loadRecord(tagList(older))).toMatchObject({ id: 'r1', step: 2, ownerRun: undefined })
    expect(loadRecord(tagList({ ...tags, 'ecs-rollout:owner-run': 'garbled' }))?.ownerRun).toBeUndefined()
  })

  it('a Completed record left with a stage or request (a run killed between TagResource and UntagResource) has none', () => {
    const tags = encodeRecord({ ...record, stage: 'rolling-back', request: 'abort', requestedBy: 'octocat' })
    const completed = { ...tags, 'ecs-rollout:phase': 'Completed', 'ecs-rollout:outcome': 'rolled-back' }
    expect(loadRecord(tagList(completed))).toMatchObject({
      phase: 'Completed',
      outcome: 'rolled-back',
      stage: undefined,
      request: undefined,
      requestedBy: undefined
    })
    // While the rollout is live, both are read as written.
    expect(loadRecord(tagList(tags))).toMatchObject({ stage: 'rolling-back', request: 'abort' })
  })

  it("keeps a native rollout's service settings in their own tag; a record of an older version loads without them", () => {
    const settings = 's=CANARY b=5 cp=2.5 cb=3'
    const tags = encodeRecord({ ...record, settings })
    expect(tags['ecs-rollout:settings']).toBe(settings)
    expect(loadRecord(tagList(tags))?.settings).toBe(settings)
    const { 'ecs-rollout:settings': _, ...older } = tags
    expect(loadRecord(tagList(older))).toMatchObject({ id: 'r1', step: 2, settings: undefined })
    // A rollout without them (rolling) clears the tag a native one left.
    expect(encodeRecord(record)['ecs-rollout:settings']).toBe('')
  })

  it('marks a rollout that is a rollback; a record without the mark (a deploy, an older version) has none', () => {
    const tags = encodeRecord({ ...record, rollback: true })
    expect(tags['ecs-rollout:rollback']).toBe('true')
    expect(loadRecord(tagList(tags))?.rollback).toBe(true)
    expect(encodeRecord(record)['ecs-rollout:rollback']).toBe('')
    const { 'ecs-rollout:rollback': _, ...older } = tags
    expect(loadRecord(tagList(older))).not.toHaveProperty('rollback')
  })
})
