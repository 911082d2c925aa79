// The AWS side of a pull request's preview: what is there before a run changes anything (the base service, and
// what an earlier run of the same preview left), creating or updating the preview's target group, host rule and
// service, and finding and removing everything tagged for it when the pull request closes.

import * as core from '@actions/core'
import type { LoadBalancer, Service } from '@aws-sdk/client-ecs'
import {
  DeleteRuleCommand,
  DeleteTargetGroupCommand,
  DescribeListenersCommand,
  type ElasticLoadBalancingV2Client,
  type Rule,
  type TargetGroup
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { InputError, show } from '../config/parse.js'
import type { Clients } from './clients.js'
import { elbTags } from './elb-tags.js'
import { hostsOf, listenerRules, putHostRule } from './preview-rule.js'
import {
  createPreviewService,
  deleteService,
  findService,
  launchSettingsOf,
  servicesWithTags,
  updatePreviewService,
  type PreviewServiceSpec
} from './preview-service.js'
import { isOwnedBy, ownerName, previewTags, type PreviewOwner } from './preview-tags.js'
import {
  createPreviewTargetGroup,
  describeTargetGroup,
  findTargetGroupByName,
  listTargetGroups,
  previewTargetGroupName
} from './preview-target-group.js'
import { describeService } from './service.js'
import { tagRecord } from './tags.js'
import { taskDefinitionLabel } from './task-definition.js'

export type PreviewClients = Pick<Clients, 'ecs' | 'elb'>

/** Where the preview lives and whose it is. */
export interface PreviewPlace {
  owner: PreviewOwner
  serviceName: string
  listenerArn: string
  host: string
}

/** What is there before the run changes anything. */
export interface PreviewSurvey {
  base: Service
  baseLoadBalancer: LoadBalancer
  baseTargetGroup: TargetGroup
  service?: Service
  targetGroup?: TargetGroup
  rule?: Rule
}

/** Reads the base service and whatever a previous run left, and refuses what is not this preview's. */
export async function surveyPreview(
  { ecs, elb }: PreviewClients,
  cluster: string,
  baseService: string,
  target: PreviewPlace
): Promise<PreviewSurvey> {
  const base = await describeService(ecs, cluster, baseService)
  const baseLoadBalancer = launchSettingsOf(base).loadBalancers[0]
  if (!baseLoadBalancer?.targetGroupArn)
    throw new Error(
      `service ${show(baseService)} has no load balancer, and a preview copies its target group: preview needs a load-balanced service`
    )
  const baseTargetGroup = await describeTargetGroup(elb, baseLoadBalancer.targetGroupArn)

  const service = await findService(ecs, cluster, target.serviceName)
  if (service) {
    if (service.status !== 'ACTIVE')
      throw new Error(
        `service ${target.serviceName} is ${service.status}: it is being deleted; run again once it is gone`
      )
    refuseForeign(`service ${target.serviceName}`, tagRecord(service.tags), target.owner)
  }
  const tgArn = service?.loadBalancers?.[0]?.targetGroupArn
  const targetGroup = tgArn
    ? await describeTargetGroup(elb, tgArn)
    : await findTargetGroupByName(elb, previewTargetGroupName(target.serviceName))
  if (targetGroup?.TargetGroupArn) {
    const tags = await elbTags(elb, [targetGroup.TargetGroupArn])
    refuseForeign(
      `target group ${targetGroup.TargetGroupName}`,
      tags.get(targetGroup.TargetGroupArn) ?? {},
      target.owner
    )
  }

  const rules = await listenerRules(elb, target.listenerArn)
  const ruleTags = await elbTags(
    elb,
    rules.map(r => r.RuleArn ?? '')
  )
  const ours = (r: Rule) => isOwnedBy(ruleTags.get(r.RuleArn ?? '') ?? {}, target.owner)
  const clash = rules.find(r => !ours(r) && hostsOf(r).includes(target.host))
  if (clash)
    throw new InputError(
      'preview-host',
      `gives ${show(target.host)}, which listener-arn already routes with rule ${clash.RuleArn}, not made for ${ownerName(target.owner)}: choose another preview-host`
    )
  return { base, baseLoadBalancer, baseTargetGroup, service, targetGroup, rule: rules.find(ours) }
}

/** A resource with the preview's name that another pull request or a person made is never taken over. */
function refuseForeign(what: string, tags: Record<string, string>, owner: PreviewOwner): void {
  if (!isOwnedBy(tags, owner))
    throw new Error(
      `${what} exists but is not tagged as the preview of ${ownerName(owner)}, so it is not touched: rename it or change preview-name`
    )
}

export async function applyPreview(
  { ecs, elb }: PreviewClients,
  target: PreviewPlace & { cluster: string; desiredCount: number },
  survey: PreviewSurvey,
  taskDefinition: string
): Promise<void> {
  const tags = previewTags(target.owner)
  let targetGroup = survey.targetGroup
  if (!targetGroup) {
    targetGroup = await createPreviewTargetGroup(
      elb,
      survey.baseTargetGroup,
      previewTargetGroupName(target.serviceName),
      tags
    )
    core.info(`Created target group ${targetGroup.TargetGroupArn}`)
  }
  const targetGroupArn = targetGroup.TargetGroupArn!
  const ruleArn = await putHostRule(
    elb,
    { listenerArn: target.listenerArn, host: target.host, targetGroupArn, tags },
    survey.rule
  )
  core.info(`Listener rule ${ruleArn} sends ${target.host} to ${targetGroup.TargetGroupName}`)
  const spec: PreviewServiceSpec = {
    cluster: target.cluster,
    name: target.serviceName,
    taskDefinition,
    desiredCount: target.desiredCount,
    loadBalancer: { ...survey.baseLoadBalancer, targetGroupArn },
    tags
  }
  if (survey.service) {
    await updatePreviewService(ecs, spec)
    core.info(`Updated service ${target.serviceName} to ${taskDefinitionLabel(taskDefinition)}`)
  } else {
    await createPreviewService(ecs, survey.base, spec)
    core.info(`Created service ${target.serviceName} running ${taskDefinitionLabel(taskDefinition)}`)
  }
}

/** Removes the services, listener rules and target groups tagged for `owner`; says what it removed. */
export async function removePreviewResources(
  { ecs, elb }: PreviewClients,
  cluster: string,
  owner: PreviewOwner
): Promise<string[]> {
  const owned = (tags: Record<string, string>) => isOwnedBy(tags, owner)
  const services = await servicesWithTags(ecs, cluster, owned)
  const targetGroups = await taggedTargetGroups(elb, owner)
  const rules = await taggedRules(elb, targetGroups, owner)
  core.info(
    `Tagged for ${ownerName(owner)}: ${services.length} service(s), ${rules.length} listener rule(s), ${targetGroups.length} target group(s)`
  )
  const removed: string[] = []
  for (const service of services) {
    await deleteService(ecs, cluster, service)
    removed.push(`service ${service.serviceName}`)
  }
  // A target group cannot be deleted while a rule forwards to it, so the rules go first.
  for (const rule of rules) {
    await elb.send(new DeleteRuleCommand({ RuleArn: rule }))
    removed.push(`listener rule ${rule}`)
  }
  for (const tg of targetGroups) {
    await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: tg.TargetGroupArn }))
    removed.push(`target group ${tg.TargetGroupName}`)
  }
  return removed
}

async function taggedTargetGroups(
  elb: ElasticLoadBalancingV2Client,
  owner: PreviewOwner
): Promise<TargetGroup[]> {
  const all = await listTargetGroups(elb)
  const tags = await elbTags(
    elb,
    all.map(tg => tg.TargetGroupArn ?? '')
  )
  return all.filter(tg => isOwnedBy(tags.get(tg.TargetGroupArn ?? '') ?? {}, owner))
}

/** The tagged rules on the listeners of the load balancers the preview's target groups are behind. */
async function taggedRules(
  elb: ElasticLoadBalancingV2Client,
  targetGroups: TargetGroup[],
  owner: PreviewOwner
): Promise<string[]> {
  const loadBalancers = new Set(targetGroups.flatMap(tg => tg.LoadBalancerArns ?? []))
  const rules: string[] = []
  for (const LoadBalancerArn of loadBalancers) {
    const listeners = (await elb.send(new DescribeListenersCommand({ LoadBalancerArn }))).Listeners ?? []
    for (const listener of listeners) {
      const arns = (await listenerRules(elb, listener.ListenerArn ?? '')).map(r => r.RuleArn ?? '')
      const tags = await elbTags(elb, arns)
      rules.push(...arns.filter(arn => isOwnedBy(tags.get(arn) ?? {}, owner)))
    }
  }
  return rules
}
