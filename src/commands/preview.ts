// command: preview — a pull request's own copy of the service: a service cloned from the base service's launch
// settings, behind its own target group and a host rule on listener-arn, created on the first run and updated
// in place on each new commit. Everything is read and checked before the first change; every resource is
// tagged with the repository and pull request, so preview-destroy finds it all again.

import * as core from '@actions/core'
import type { ECSClient, LoadBalancer, Service } from '@aws-sdk/client-ecs'
import type {
  ElasticLoadBalancingV2Client,
  Rule,
  TargetGroup
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { elbTags } from '../aws/elb-tags.js'
import { hostsOf, listenerRules, putHostRule } from '../aws/preview-rule.js'
import {
  createPreviewService,
  findService,
  launchSettingsOf,
  updatePreviewService,
  waitForStable,
  type PreviewServiceSpec
} from '../aws/preview-service.js'
import { isOwnedBy, ownerName, previewTags, type PreviewOwner } from '../aws/preview-tags.js'
import {
  createPreviewTargetGroup,
  describeTargetGroup,
  findTargetGroupByName,
  previewTargetGroupName
} from '../aws/preview-target-group.js'
import { describeService } from '../aws/service.js'
import { tagRecord } from '../aws/tags.js'
import { resolveTaskDefinition, taskDefinitionLabel } from '../aws/task-definition.js'
import { InputError, show } from '../config/parse.js'
import type { Config } from '../config/types.js'
import { Output, Status } from '../constants.js'
import { describeError } from '../errors.js'
import { connectGitHub } from '../github/client.js'
import { actionContext, runUrl, type GitHubContext } from '../github/context.js'
import { checkForkSafety } from '../github/fork-safety.js'
import { GitHubReporter } from '../github/reporter.js'
import { previewHtml, type PreviewView } from '../report/preview-view.js'
import type { Outcome } from './outcome.js'
import {
  checkPreviewInputs,
  previewTarget,
  requirePullRequest,
  type PreviewTarget
} from './preview-target.js'

export interface PreviewDeps {
  ecs: ECSClient
  elb: ElasticLoadBalancingV2Client
  /** The run's GitHub context; the runner's by default. */
  context?: GitHubContext
  /** Stops the wait for the preview to be stable. */
  cancel?: AbortSignal
}

/** What is there before the run changes anything. */
interface Survey {
  base: Service
  baseLoadBalancer: LoadBalancer
  baseTargetGroup: TargetGroup
  service?: Service
  targetGroup?: TargetGroup
  rule?: Rule
}

export async function previewCommand(config: Config, deps: PreviewDeps): Promise<Outcome> {
  const context = deps.context ?? actionContext()
  const inputs = checkPreviewInputs(config)
  checkForkSafety(config, context)
  const github = await connectGitHub(config.githubToken, context)
  const pr = await requirePullRequest(config, context, github)
  const target = previewTarget(config, inputs, context, pr)
  const survey = await surveyPreview(deps, config, target)
  const region = await deps.ecs.config.region()
  const resolved = await resolveTaskDefinition(
    deps.ecs,
    config.taskDefinition!,
    config.containerImages,
    `pr-${pr.number}`
  )
  const view = (state: PreviewView['state'], reason?: string): string =>
    previewHtml({
      state,
      reason,
      pullRequest: pr.number,
      cluster: config.cluster,
      region,
      service: target.serviceName,
      url: target.url,
      taskDefinition: taskDefinitionLabel(resolved.arn),
      commit: pr.headSha,
      runUrl: runUrl(context)
    })

  const reporter = await GitHubReporter.start({
    github,
    environment: target.environment,
    ref: pr.headSha,
    transient: true,
    url: target.url,
    pullRequest: pr.number,
    service: config.service,
    description: `Deploying ${taskDefinitionLabel(resolved.arn)} to ${target.serviceName}`
  })
  await reporter.progress(view('deploying'))
  try {
    await applyPreview(deps, config, target, survey, resolved.arn)
    core.info(`Waiting for ${target.serviceName} to be stable`)
    await waitForStable(deps.ecs, config.cluster, target.serviceName, resolved.arn, {
      timeoutMs: config.stepTimeoutMs,
      intervalMs: config.pollIntervalMs,
      sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
      now: Date.now,
      cancel: deps.cancel
    })
  } catch (error) {
    const reason = describeError(error)
    const summary = view('failed', reason)
    await reporter.finish(Status.Failed, `The preview failed: ${reason}`, summary)
    return { status: Status.Failed, failure: reason, summary, outputs: {} }
  }
  core.info(`The preview of #${pr.number} is live at ${target.url}`)
  const summary = view('live')
  await reporter.finish(
    Status.Succeeded,
    `${taskDefinitionLabel(resolved.arn)} is live at ${target.url}`,
    summary
  )
  return {
    status: Status.Succeeded,
    summary,
    outputs: { [Output.Url]: target.url, [Output.TaskDefinitionArn]: resolved.arn }
  }
}

/** Reads the base service and whatever a previous run left, and refuses what is not this preview's. */
async function surveyPreview(deps: PreviewDeps, config: Config, target: PreviewTarget): Promise<Survey> {
  const { ecs, elb } = deps
  const base = await describeService(ecs, config.cluster, config.service)
  const baseLoadBalancer = launchSettingsOf(base).loadBalancers[0]
  if (!baseLoadBalancer?.targetGroupArn)
    throw new Error(
      `service ${show(config.service)} has no load balancer, and a preview copies its target group: preview needs a load-balanced service`
    )
  const baseTargetGroup = await describeTargetGroup(elb, baseLoadBalancer.targetGroupArn)

  const service = await findService(ecs, config.cluster, target.serviceName)
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

async function applyPreview(
  deps: PreviewDeps,
  config: Config,
  target: PreviewTarget,
  survey: Survey,
  taskDefinition: string
): Promise<void> {
  const { ecs, elb } = deps
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
    cluster: config.cluster,
    name: target.serviceName,
    taskDefinition,
    desiredCount: config.previewDesiredCount,
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
