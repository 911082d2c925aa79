// command: preview-destroy — when the pull request closes, removes everything tagged for it: the preview
// services (scaled to 0, then deleted), the listener rules and the target groups, found by their tags
// rather than their names so that nothing is left behind if preview-name or preview-host changed; then marks
// the pull request's deployments inactive. Re-running it finds nothing more to remove and succeeds.

import * as core from '@actions/core'
import type { ECSClient } from '@aws-sdk/client-ecs'
import {
  DeleteRuleCommand,
  DeleteTargetGroupCommand,
  DescribeListenersCommand,
  type ElasticLoadBalancingV2Client,
  type TargetGroup
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { elbTags } from '../aws/elb-tags.js'
import { listenerRules } from '../aws/preview-rule.js'
import { deleteService, servicesWithTags } from '../aws/preview-service.js'
import { isOwnedBy, ownerName, type PreviewOwner } from '../aws/preview-tags.js'
import { listTargetGroups } from '../aws/preview-target-group.js'
import type { Config } from '../config/types.js'
import { Status } from '../constants.js'
import { connectGitHub } from '../github/client.js'
import { actionContext, runUrl, type GitHubContext } from '../github/context.js'
import { GitHubDeployment } from '../github/deployments.js'
import { PullRequestComment } from '../github/pr-comment.js'
import { previewHtml } from '../report/preview-view.js'
import type { Outcome } from './outcome.js'
import { previewEnvironment, previewOwner, requirePullRequest } from './preview-target.js'

export interface PreviewDestroyDeps {
  ecs: ECSClient
  elb: ElasticLoadBalancingV2Client
  /** The run's GitHub context; the runner's by default. */
  context?: GitHubContext
}

export async function previewDestroyCommand(config: Config, deps: PreviewDestroyDeps): Promise<Outcome> {
  const context = deps.context ?? actionContext()
  const github = await connectGitHub(config.githubToken, context)
  const pr = await requirePullRequest(config, context, github)
  const owner = previewOwner(context, pr)
  const { ecs, elb } = deps
  const owned = (tags: Record<string, string>) => isOwnedBy(tags, owner)

  const services = await servicesWithTags(ecs, config.cluster, owned)
  const targetGroups = await taggedTargetGroups(elb, owner)
  const rules = await taggedRules(elb, targetGroups, owner)
  core.info(
    `Tagged for ${ownerName(owner)}: ${services.length} service(s), ${rules.length} listener rule(s), ${targetGroups.length} target group(s)`
  )
  const removed: string[] = []
  for (const service of services) {
    await deleteService(ecs, config.cluster, service)
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
  for (const what of removed) core.info(`Removed ${what}`)

  const description = `Preview removed: pull request #${pr.number} was closed`
  await GitHubDeployment.deactivate(github, previewEnvironment(config, pr), description)
  const summary = previewHtml({
    state: 'removed',
    pullRequest: pr.number,
    cluster: config.cluster,
    region: await ecs.config.region(),
    removed,
    runUrl: runUrl(context)
  })
  await PullRequestComment.for(github, pr.number, config.service).finish(summary)
  return { status: Status.Succeeded, summary, outputs: {} }
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
