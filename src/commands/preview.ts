// command: preview — a pull request's own copy of the service: a service cloned from the base service's launch
// settings, behind its own target group and a host rule on listener-arn, created on the first run and updated
// in place on each new commit. Everything is read and checked before the first change; every resource is
// tagged with the repository and pull request, so preview-destroy finds it all again.

import * as core from '@actions/core'
import { clientRegion, type Clients } from '../aws/clients.js'
import { applyPreview, surveyPreview } from '../aws/preview-resources.js'
import { waitForStable } from '../aws/preview-service.js'
import { resolveTaskDefinition, taskDefinitionLabel } from '../aws/task-definition.js'
import type { Config } from '../config/types.js'
import { Output, Status } from '../constants.js'
import { describeError } from '../errors.js'
import { connectGitHub } from '../github/client.js'
import { actionContext, runUrl, type GitHubContext } from '../github/context.js'
import { checkForkSafety } from '../github/fork-safety.js'
import { GitHubReporter } from '../github/reporter.js'
import { previewHtml, type PreviewView } from '../report/preview-view.js'
import type { Outcome } from './outcome.js'
import { checkPreviewInputs, previewTarget, requirePullRequest } from './preview-target.js'

export interface PreviewDeps extends Pick<Clients, 'ecs' | 'elb'> {
  /** The run's GitHub context; the runner's by default. */
  context?: GitHubContext
  /** Stops the wait for the preview to be stable. */
  cancel?: AbortSignal
}

export async function previewCommand(config: Config, deps: PreviewDeps): Promise<Outcome> {
  const context = deps.context ?? actionContext()
  const inputs = checkPreviewInputs(config)
  checkForkSafety(config, context)
  const github = await connectGitHub(config.githubToken, context)
  const pr = await requirePullRequest(config, context, github)
  const target = previewTarget(config, inputs, context, pr)
  const survey = await surveyPreview(deps, config.cluster, config.service, target)
  const region = await clientRegion(deps)
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
    await applyPreview(
      deps,
      { ...target, cluster: config.cluster, desiredCount: config.previewDesiredCount },
      survey,
      resolved.arn
    )
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
