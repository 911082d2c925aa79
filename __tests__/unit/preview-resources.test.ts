// The pure parts of a preview's AWS resources: target group names within ELBv2's rules, a free rule priority,
// and the launch settings copied from the base service.

import { describe, expect, it } from '@jest/globals'
import type { Service } from '@aws-sdk/client-ecs'
import { freePriority } from '../../src/aws/preview-rule.js'
import { createServiceRequest, launchSettingsOf } from '../../src/aws/preview-service.js'
import { previewTargetGroupName } from '../../src/aws/preview-target-group.js'

const NETWORK = { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } }
const LB = { targetGroupArn: 'arn:base-tg', containerName: 'app', containerPort: 8080 }

describe('previewTargetGroupName', () => {
  it('keeps a short, valid name as it is', () => {
    expect(previewTargetGroupName('web-pr-7')).toBe('web-pr-7')
  })

  it('fits a long or invalid name into 32 letters, digits and hyphens, told apart by a hash', () => {
    const long = previewTargetGroupName('checkout-service-frontend-pr-1234')
    const other = previewTargetGroupName('checkout-service-frontend-pr-1235')
    for (const name of [long, other, previewTargetGroupName('web_api-pr-7')]) {
      expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9-]{0,30}[A-Za-z0-9]$/)
    }
    expect(long).toMatch(/^checkout-service-fronte-[0-9a-f]{8}$/)
    expect(long).not.toBe(other)
    expect(previewTargetGroupName('web_api-pr-7')).toMatch(/^web-api-pr-7-[0-9a-f]{8}$/)
  })
})

describe('freePriority', () => {
  it('takes the lowest priority no rule has', () => {
    expect(freePriority([])).toBe(1)
    expect(freePriority([{ Priority: '1' }, { Priority: '2' }, { Priority: '4' }])).toBe(3)
  })
})

describe('the base service’s launch settings', () => {
  it('come from the PRIMARY task set of a task-set service', () => {
    const base: Service = {
      launchType: 'EC2',
      taskSets: [
        { status: 'ACTIVE', launchType: 'EC2' },
        {
          status: 'PRIMARY',
          capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
          platformVersion: '1.4.0',
          networkConfiguration: NETWORK,
          loadBalancers: [LB]
        }
      ]
    }
    expect(launchSettingsOf(base)).toEqual({
      launchType: undefined,
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
      platformVersion: '1.4.0',
      networkConfiguration: NETWORK,
      loadBalancers: [LB]
    })
  })

  it('make a preview service on the ECS controller, behind its own target group, tagged', () => {
    const base: Service = {
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      networkConfiguration: NETWORK,
      loadBalancers: [LB],
      healthCheckGracePeriodSeconds: 30,
      enableExecuteCommand: true
    }
    expect(
      createServiceRequest(base, {
        cluster: 'prod',
        name: 'web-pr-7',
        taskDefinition: 'arn:td/web:43',
        desiredCount: 1,
        loadBalancer: { ...LB, targetGroupArn: 'arn:preview-tg' },
        tags: { 'ecs-rollout:pull-request': '7' }
      })
    ).toEqual({
      cluster: 'prod',
      serviceName: 'web-pr-7',
      taskDefinition: 'arn:td/web:43',
      desiredCount: 1,
      launchType: 'FARGATE',
      capacityProviderStrategy: undefined,
      platformVersion: 'LATEST',
      networkConfiguration: NETWORK,
      loadBalancers: [{ ...LB, targetGroupArn: 'arn:preview-tg' }],
      healthCheckGracePeriodSeconds: 30,
      deploymentController: { type: 'ECS' },
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
      enableExecuteCommand: true,
      propagateTags: 'SERVICE',
      tags: [{ key: 'ecs-rollout:pull-request', value: '7' }]
    })
  })
})
