// The facts about this workflow run that the GitHub integration works from. They come from the runner's
// environment by default (actionContext); tests build them by hand or pass an environment of their own.

import { existsSync, readFileSync } from 'node:fs'

interface RepoRef {
  full_name?: string
  name?: string
  owner?: { login?: string }
}

interface PullRequestPayload {
  number: number
  head: { sha: string; ref?: string; repo?: RepoRef | null }
  base: { repo?: RepoRef | null }
}

/** The parts of a webhook payload the action reads; everything in it came from outside and is data. */
export interface EventPayload {
  pull_request?: PullRequestPayload
  workflow_run?: {
    event?: string
    head_sha: string
    head_branch?: string | null
    head_repository?: RepoRef | null
    /** Empty for pull requests from forks: GitHub lists only the base repository's own branches. */
    pull_requests?: PullRequestPayload[]
  }
}

export interface GitHubContext {
  owner: string
  repo: string
  eventName: string
  /** The commit the run is for (for pull_request: the test merge commit). */
  sha: string
  ref: string
  runId: number
  serverUrl: string
  /** The REST API root, e.g. https://api.github.com or https://HOST/api/v3 on GitHub Enterprise Server. */
  apiUrl: string
  payload: EventPayload
}

/**
 * The context of the running workflow, from the runner's environment as `github.context` reads it, but without
 * loading Octokit, which @actions/github imports at once: a rollout's first AWS request should not wait for it.
 * Read when called, so that GITHUB_API_URL set late is honoured.
 */
export function actionContext(env: NodeJS.ProcessEnv = process.env): GitHubContext {
  const path = env.GITHUB_EVENT_PATH
  const payload = (path && existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {}) as EventPayload & {
    repository?: RepoRef
  }
  // Outside a workflow (no GITHUB_REPOSITORY) the GitHub features turn themselves off, see connectGitHub.
  const [owner = '', repo = ''] = env.GITHUB_REPOSITORY
    ? env.GITHUB_REPOSITORY.split('/')
    : [payload.repository?.owner?.login, payload.repository?.name]
  return {
    owner,
    repo,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    runId: parseInt(env.GITHUB_RUN_ID ?? '', 10),
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    payload
  }
}

/** "owner/repo" */
export function repositoryOf(context: GitHubContext): string {
  return `${context.owner}/${context.repo}`
}

/** This run's page, the log_url of deployment statuses; undefined outside a workflow run. */
export function runUrl(context: GitHubContext): string | undefined {
  if (!context.owner || !Number.isFinite(context.runId)) return undefined
  return `${context.serverUrl}/${repositoryOf(context)}/actions/runs/${context.runId}`
}
