import type { Action, Certificate, RuleCondition, Tag } from '@aws-sdk/client-elastic-load-balancing-v2'

export interface LoadBalancerRecord {
  arn: string
  name: string
  dnsName: string
  createdTime: Date
  scheme: string
  type: string
  ipAddressType: string
  vpcId: string
  securityGroups: string[]
  availabilityZones: { ZoneName: string; SubnetId: string }[]
  tags: Tag[]
}

export type TargetState = 'initial' | 'healthy' | 'unhealthy' | 'draining' | 'unused'

export interface TargetRecord {
  id: string
  port: number
  availabilityZone?: string
  state: TargetState
  passes: number
  failures: number
  lastCheckAt: number
  drainingUntil?: number
  /** When the target last turned unhealthy; ECS notices a little later. */
  unhealthySince?: number
  registeredAt: number
}

export interface TargetGroupRecord {
  arn: string
  name: string
  protocol?: string
  protocolVersion?: string
  port?: number
  vpcId?: string
  targetType: string
  ipAddressType: string
  healthCheck: {
    protocol?: string
    port: string
    path?: string
    enabled: boolean
    intervalSeconds: number
    timeoutSeconds: number
    healthyThreshold: number
    unhealthyThreshold: number
    matcher?: string
  }
  tags: Tag[]
  /** Keyed by `id:port`. */
  targets: Map<string, TargetRecord>
}

export interface ListenerRecord {
  arn: string
  loadBalancerArn: string
  port?: number
  protocol?: string
  sslPolicy?: string
  certificates: Certificate[]
  alpnPolicy: string[]
  defaultActions: Action[]
  defaultRuleArn: string
  tags: Tag[]
  /** Sandbox only (POST /_sandbox/traffic {listener, rate}): requests per second through this listener, instead of a share of each service's rate. */
  requestRate?: number
}

export interface RuleRecord {
  arn: string
  listenerArn: string
  priority: number
  conditions: RuleCondition[]
  actions: Action[]
  tags: Tag[]
}
