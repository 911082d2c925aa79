// What a preview run is for and where the preview goes, worked out from the inputs and the event before
// anything changes: the pull request, the service name, the host and the environment.

import { InputError, show } from '../config/parse.js'
import type { Config } from '../config/types.js'
import type { PreviewOwner } from '../aws/preview-tags.js'
import type { GitHub } from '../github/client.js'
import { repositoryOf, type GitHubContext } from '../github/context.js'
import { findPullRequest, pullRequestOfEvent, type PullRequestInfo } from '../github/pull-request.js'

export interface PreviewTarget {
  owner: PreviewOwner
  pullRequest: PullRequestInfo
  /** The GitHub deployment environment, `pr-7` unless `environment` says otherwise. */
  environment: string
  serviceName: string
  listenerArn: string
  host: string
  url: string
}

const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/
/** DNS labels, at most 128 characters in all (ELBv2's limit on a host-header value); no wildcards. */
const HOST = /^(?=.{1,128}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/

export interface PreviewInputs {
  listenerArn: string
  previewHost: string
}

/** The inputs preview needs, checked before the event is even looked at. */
export function checkPreviewInputs(config: Config): PreviewInputs {
  const { listenerArn, previewHost } = config
  if (!listenerArn)
    throw new InputError(
      'listener-arn',
      "is required for command: preview: the listener that gets the preview's host rule"
    )
  if (!previewHost)
    throw new InputError(
      'preview-host',
      'is required for command: preview, e.g. pr-{number}.preview.example.com'
    )
  for (const [input, template] of [
    ['preview-name', config.previewName],
    ['preview-host', previewHost]
  ]) {
    if (!template.includes('{number}'))
      throw new InputError(
        input,
        `${show(template)} has no {number}, so every pull request would share one preview`
      )
  }
  return { listenerArn, previewHost }
}

/**
 * The run's pull request: from the event, or the `pull-request` input when the event does not name one. A run
 * for none is an error that says which events work; an input that contradicts the event is an input error.
 */
export async function requirePullRequest(
  config: Config,
  context: GitHubContext,
  github: GitHub | undefined
): Promise<PullRequestInfo> {
  const given = config.pullRequest
  if (given !== undefined) {
    // The number is given: the event is not looked up on GitHub, only checked when it names a pull request.
    const fromEvent = pullRequestOfEvent(context.payload)
    if (fromEvent && fromEvent.number !== given)
      throw new InputError(
        'pull-request',
        `${given} is not the pull request this run is for (${fromEvent.number}): remove pull-request, which is for runs whose event names none`
      )
    return fromEvent ?? { number: given, headSha: context.payload.workflow_run?.head_sha ?? context.sha }
  }
  const pr = await findPullRequest(context, github)
  if (pr) return pr
  throw new Error(
    `command: ${config.command} works on a pull request, and this ${context.eventName || 'unknown'} run is for none: ` +
      'run it on pull_request or pull_request_target, or on a workflow_run that a pull_request run triggered, or give pull-request: its number'
  )
}

export function previewOwner(context: GitHubContext, pr: PullRequestInfo): PreviewOwner {
  return { repository: repositoryOf(context), pullRequest: pr.number }
}

export function previewEnvironment(config: Config, pr: PullRequestInfo): string {
  return fill(config.environment ?? 'pr-{number}', config, pr)
}

export function previewTarget(
  config: Config,
  { listenerArn, previewHost }: PreviewInputs,
  context: GitHubContext,
  pr: PullRequestInfo
): PreviewTarget {
  const serviceName = fill(config.previewName, config, pr)
  if (!SERVICE_NAME.test(serviceName))
    throw new InputError(
      'preview-name',
      `${show(config.previewName)} gives ${show(serviceName)}, which is not an ECS service name: letters, digits, hyphens and underscores, up to 255, starting with a letter or digit`
    )
  const host = fill(previewHost, config, pr).toLowerCase()
  if (!HOST.test(host))
    throw new InputError(
      'preview-host',
      `${show(previewHost)} gives ${show(host)}, which is not a host name: dot-separated labels of letters, digits and hyphens, at most 128 characters`
    )
  return {
    owner: previewOwner(context, pr),
    pullRequest: pr,
    environment: previewEnvironment(config, pr),
    serviceName,
    listenerArn,
    host,
    url: `https://${host}`
  }
}

/** Replaces {service} (the base service's name, also when given as an ARN) and {number}. */
function fill(template: string, config: Config, pr: PullRequestInfo): string {
  const service = config.service.replace(/^.*\//, '')
  return template.replaceAll('{service}', service).replaceAll('{number}', String(pr.number))
}
