// The facts about this workflow run that the GitHub integration works from. They come from the runner's
// environment through `github.context` by default; tests build them by hand, so nothing below reads
// process.env on its own.

import * as github from '@actions/github'

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

/** The context of the running workflow, read when called so that GITHUB_API_URL set late is honoured. */
export function actionContext(): GitHubContext {
  const c = github.context
  let repository = { owner: '', repo: '' }
  try {
    repository = c.repo
  } catch {
    // Outside a workflow (no GITHUB_REPOSITORY): the GitHub features turn themselves off, see connectGitHub.
  }
  return {
    ...repository,
    eventName: c.eventName ?? '',
    sha: c.sha ?? '',
    ref: c.ref ?? '',
    runId: c.runId,
    serverUrl: c.serverUrl,
    apiUrl: process.env.GITHUB_API_URL || c.apiUrl,
    payload: c.payload as EventPayload
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
