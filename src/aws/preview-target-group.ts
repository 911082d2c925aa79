// A preview's own target group: a copy of the base service's (VPC, port, protocol, target type, health
// check), so the preview answers on the same port and is judged healthy the same way.

import {
  CreateTargetGroupCommand,
  DescribeTargetGroupsCommand,
  type ElasticLoadBalancingV2Client,
  type TargetGroup
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { createHash } from 'node:crypto'
import { elbTagList } from './elb-tags.js'

/** ELBv2's limit on a target group name. */
const NAME_MAX = 32

/**
 * A target group name from the preview service's: letters, digits and hyphens, at most 32 characters. A longer
 * name keeps its start and gets a hash of the whole, so two previews never share a name.
 */
export function previewTargetGroupName(serviceName: string): string {
  const cleaned = serviceName.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '')
  if (cleaned.length <= NAME_MAX && cleaned === serviceName) return cleaned
  const hash = createHash('sha256').update(serviceName).digest('hex').slice(0, 8)
  return `${cleaned.slice(0, NAME_MAX - hash.length - 1).replace(/-+$/, '')}-${hash}`
}

export async function describeTargetGroup(
  elb: ElasticLoadBalancingV2Client,
  arn: string
): Promise<TargetGroup> {
  const out = await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [arn] }))
  const found = out.TargetGroups?.[0]
  if (!found) throw new Error(`target group ${arn} was not found`)
  return found
}

export async function findTargetGroupByName(
  elb: ElasticLoadBalancingV2Client,
  name: string
): Promise<TargetGroup | undefined> {
  try {
    return (await elb.send(new DescribeTargetGroupsCommand({ Names: [name] }))).TargetGroups?.[0]
  } catch (error) {
    if ((error as Error).name === 'TargetGroupNotFoundException') return undefined
    throw error
  }
}

/** Every target group of the region, page by page. */
export async function listTargetGroups(elb: ElasticLoadBalancingV2Client): Promise<TargetGroup[]> {
  const all: TargetGroup[] = []
  let Marker: string | undefined
  do {
    const out = await elb.send(new DescribeTargetGroupsCommand({ Marker, PageSize: 400 }))
    all.push(...(out.TargetGroups ?? []))
    Marker = out.NextMarker
  } while (Marker)
  return all
}

export async function createPreviewTargetGroup(
  elb: ElasticLoadBalancingV2Client,
  base: TargetGroup,
  name: string,
  tags: Record<string, string>
): Promise<TargetGroup> {
  const out = await elb.send(
    new CreateTargetGroupCommand({
      Name: name,
      Protocol: base.Protocol,
      ProtocolVersion: base.ProtocolVersion,
      Port: base.Port,
      VpcId: base.VpcId,
      TargetType: base.TargetType,
      IpAddressType: base.IpAddressType,
      HealthCheckEnabled: base.HealthCheckEnabled,
      HealthCheckProtocol: base.HealthCheckProtocol,
      HealthCheckPort: base.HealthCheckPort,
      HealthCheckPath: base.HealthCheckPath,
      HealthCheckIntervalSeconds: base.HealthCheckIntervalSeconds,
      HealthCheckTimeoutSeconds: base.HealthCheckTimeoutSeconds,
      HealthyThresholdCount: base.HealthyThresholdCount,
      UnhealthyThresholdCount: base.UnhealthyThresholdCount,
      Matcher: base.Matcher,
      Tags: elbTagList(tags)
    })
  )
  const created = out.TargetGroups?.[0]
  if (!created?.TargetGroupArn) throw new Error(`CreateTargetGroup returned no target group for ${name}`)
  return created
}
