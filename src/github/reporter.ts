// What a run tells GitHub, in one place: the deployment's statuses and the sticky pull request comment.
// A command starts it once its inputs are checked, feeds it progress, and finishes it with the outcome.

import * as core from '@actions/core'
import type { Config } from '../config/types.js'
import { State, Status } from '../constants.js'
import type { EventSink, RolloutEvent } from '../engine/events.js'
import { connectGitHub, type GitHub } from './client.js'
import { actionContext, type GitHubContext } from './context.js'
import { GitHubDeployment, type DeploymentState } from './deployments.js'
import { PullRequestComment } from './pr-comment.js'
import { pullRequestOfEvent } from './pull-request.js'

export interface ReporterOptions {
  github: GitHub | undefined
  /** Without one there is no deployment, only the comment. */
  environment?: string
  /** The commit deployed. */
  ref: string
  transient?: boolean
  url?: string
  /** Without one there is no comment. */
  pullRequest?: number
  /** The service the comment reports on: its marker. */
  service: string
  /** The in_progress status's description. */
  description: string
}

/** A paused rollout is still under way; an aborted one left nothing of this ref running. */
const STATES: Record<Status, DeploymentState> = {
  [Status.Succeeded]: 'success',
  [Status.RolledBack]: 'failure',
  [Status.Failed]: 'failure',
  [Status.Aborted]: 'inactive',
  [Status.Paused]: 'in_progress',
  [Status.Planned]: 'inactive',
  [Status.InProgress]: 'in_progress'
}

/** The end is reported by finish, with the outcome. */
const PROGRESS_EVENTS = new Set<RolloutEvent['kind']>([
  'start',
  'step-start',
  'paused',
  'promoted',
  'rollback-start'
])

export class GitHubReporter {
  private constructor(
    readonly deployment: GitHubDeployment,
    readonly comment: PullRequestComment
  ) {}

  static async start(o: ReporterOptions): Promise<GitHubReporter> {
    const deployment = o.environment
      ? await GitHubDeployment.start(o.github, {
          environment: o.environment,
          ref: o.ref,
          transient: o.transient,
          url: o.url
        })
      : GitHubDeployment.none()
    // Should the main step be killed, the post step marks the deployment failed rather than in progress forever.
    if (deployment.id !== undefined) core.saveState(State.GitHubDeployment, String(deployment.id))
    await deployment.status('in_progress', o.description)
    return new GitHubReporter(deployment, PullRequestComment.for(o.github, o.pullRequest, o.service))
  }

  /** The report so far (HTML), for the comment; edits are spaced out. */
  progress(html: string): Promise<void> {
    return this.comment.update(html)
  }

  /** Feeds the comment from rollout events: at the moments a reader cares about, the report `render` gives. */
  sink(render: () => string): EventSink {
    return {
      emit: event => {
        if (PROGRESS_EVENTS.has(event.kind)) void this.progress(render())
      }
    }
  }

  async finish(status: Status, description: string, html: string, url?: string): Promise<void> {
    await this.deployment.status(STATES[status], description, url)
    await this.comment.finish(html)
  }
}

/**
 * The deploy command's reporter: a deployment when `environment` is set, a comment when the run is for a pull
 * request. Call it after the inputs are checked and before the first change.
 */
export async function startDeployReport(
  config: Config,
  description: string,
  context: GitHubContext = actionContext()
): Promise<GitHubReporter> {
  const pr = pullRequestOfEvent(context.payload)
  const wanted = config.environment !== undefined || pr !== undefined
  return GitHubReporter.start({
    github: wanted ? await connectGitHub(config.githubToken, context) : undefined,
    environment: config.environment,
    ref: deployedRef(context),
    url: config.url,
    pullRequest: pr?.number,
    service: config.service,
    description
  })
}

/** The commit a run deploys: a pull request's head, a workflow_run's head, or the run's own commit. */
export function deployedRef(context: GitHubContext): string {
  return pullRequestOfEvent(context.payload)?.headSha ?? context.payload.workflow_run?.head_sha ?? context.sha
}
