// GitHub Deployments: a deployment for the ref when `environment` is set, then its statuses as the run goes
// (in_progress → success / failure / inactive), each linking the run and, when known, the environment's URL.
// Every method catches its own errors (see tolerate): the handle is safe to use whatever GitHub does.

import * as core from '@actions/core'
import { oneLine } from '../report/text.js'
import { tolerate, type GitHub } from './client.js'
import { runUrl } from './context.js'

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive'

export interface DeploymentOptions {
  environment: string
  /** The commit or branch deployed. */
  ref: string
  /** A preview: shown as "destroyed" once inactive, and never made inactive by later deployments. */
  transient?: boolean
  /** The environment URL for every status unless a status gives its own (the `url` input, a preview's URL). */
  url?: string
  description?: string
}

/** GitHub's limit on a status description. */
const DESCRIPTION_MAX = 140
const HTTP_URL = /^https?:\/\/\S+$/

/** "production", "prod", "eu-prod", "Production-2", but not "preprod" or "product-api". */
export function isProductionEnvironment(name: string): boolean {
  return /(^|[^a-z])prod(uction)?([^a-z]|$)/i.test(name)
}

export class GitHubDeployment {
  private constructor(
    private readonly github: GitHub | undefined,
    /** Undefined when there is no deployment: no environment, no token, or GitHub refused it. */
    readonly id: number | undefined,
    private readonly url: string | undefined
  ) {}

  /** A deployment created earlier (by the main step, for the post step). */
  static existing(github: GitHub | undefined, id: number): GitHubDeployment {
    return new GitHubDeployment(github, id, undefined)
  }

  /** A handle that does nothing, for runs without `environment`. */
  static none(): GitHubDeployment {
    return new GitHubDeployment(undefined, undefined, undefined)
  }

  /** Creates the deployment; on any failure the handle is a no-op and a warning says why. */
  static async start(github: GitHub | undefined, options: DeploymentOptions): Promise<GitHubDeployment> {
    if (!github) return GitHubDeployment.none()
    const { owner, repo } = github.context
    const transient = options.transient ?? false
    const created = await tolerate(`create a deployment to ${options.environment}`, () =>
      github.octokit.rest.repos.createDeployment({
        owner,
        repo,
        ref: options.ref,
        task: 'deploy',
        // Merging the default branch in or waiting for checks would deploy something other than what was asked.
        auto_merge: false,
        required_contexts: [],
        environment: options.environment,
        transient_environment: transient,
        production_environment: !transient && isProductionEnvironment(options.environment),
        description: options.description === undefined ? undefined : describe(options.description)
      })
    )
    // 202 (no id) means GitHub merged the default branch in instead, which auto_merge: false rules out.
    const id = created && 'id' in created.data ? created.data.id : undefined
    if (created && id === undefined)
      core.warning(
        `GitHub did not create a deployment to ${options.environment}: ${JSON.stringify(created.data)}`
      )
    return new GitHubDeployment(github, id, options.url)
  }

  /** Marks every deployment to an environment inactive: a closed pull request's preview is gone. */
  static async deactivate(
    github: GitHub | undefined,
    environment: string,
    description: string
  ): Promise<void> {
    if (!github) return
    const { owner, repo } = github.context
    const listed = await tolerate(`list the deployments to ${environment}`, () =>
      github.octokit.rest.repos.listDeployments({ owner, repo, environment, per_page: 100 })
    )
    for (const { id } of listed?.data ?? [])
      await GitHubDeployment.existing(github, id).status('inactive', description)
  }

  async status(state: DeploymentState, description: string, url?: string): Promise<void> {
    const github = this.github
    const id = this.id
    if (!github || id === undefined) return
    const environmentUrl = url ?? this.url
    await tolerate(`set deployment ${id} to ${state}`, () =>
      github.octokit.rest.repos.createDeploymentStatus({
        owner: github.context.owner,
        repo: github.context.repo,
        deployment_id: id,
        state,
        description: describe(description),
        log_url: runUrl(github.context),
        // GitHub rejects a status whose URL is not one; a bad `url` input costs the link, not the status.
        environment_url: environmentUrl && HTTP_URL.test(environmentUrl) ? environmentUrl : undefined
      })
    )
  }
}

function describe(text: string): string {
  return oneLine(text, DESCRIPTION_MAX)
}
