// command: preview-destroy — when the pull request closes, removes everything tagged for it: the preview
// services (scaled to 0, then deleted), the listener rules and the target groups, found by their tags
// rather than their names so that nothing is left behind if preview-name or preview-host changed; then marks
// the pull request's deployments inactive. Re-running it finds nothing more to remove and succeeds.

import * as core from '@actions/core'
import { clientRegion, type Clients } from '../aws/clients.js'
import { removePreviewResources } from '../aws/preview-resources.js'
import type { Config } from '../config/types.js'
import { Status } from '../constants.js'
import { connectGitHub } from '../github/client.js'
import { actionContext, runUrl, type GitHubContext } from '../github/context.js'
import { GitHubDeployment } from '../github/deployments.js'
import { PullRequestComment } from '../github/pr-comment.js'
import { previewHtml } from '../report/preview-view.js'
import type { Outcome } from './outcome.js'
import { previewEnvironment, previewOwner, requirePullRequest } from './preview-target.js'

export interface PreviewDestroyDeps extends Pick<Clients, 'ecs' | 'elb'> {
  /** The run's GitHub context; the runner's by default. */
  context?: GitHubContext
}

export async function previewDestroyCommand(config: Config, deps: PreviewDestroyDeps): Promise<Outcome> {
  const context = deps.context ?? actionContext()
  const github = await connectGitHub(config.githubToken, context)
  const pr = await requirePullRequest(config, context, github)
  const owner = previewOwner(context, pr)
  const removed = await removePreviewResources(deps, config.cluster, owner)
  for (const what of removed) core.info(`Removed ${what}`)

  const description = `Preview removed: pull request #${pr.number} was closed`
  await GitHubDeployment.deactivate(github, previewEnvironment(config, pr), description)
  const summary = previewHtml({
    state: 'removed',
    pullRequest: pr.number,
    cluster: config.cluster,
    region: await clientRegion(deps),
    removed,
    runUrl: runUrl(context)
  })
  await PullRequestComment.for(github, pr.number, config.service).finish(summary)
  return { status: Status.Succeeded, summary, outputs: {} }
}
