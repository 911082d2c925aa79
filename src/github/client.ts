// The GitHub REST client, and the rule every GitHub call follows: it reports, it never decides. A failed
// GitHub call becomes a warning and the rollout goes on, so GitHub being down never blocks a deployment.

import * as core from '@actions/core'
import type { getOctokit } from '@actions/github'
import { describeError } from '../errors.js'
import type { GitHubContext } from './context.js'

export type Octokit = ReturnType<typeof getOctokit>

export interface GitHub {
  octokit: Octokit
  context: GitHubContext
}

/**
 * A client for this repository, or undefined (with a warning) when there is no token or no repository. Octokit
 * is loaded here, only by runs that talk to GitHub, so it does not delay a rollout's first AWS request.
 */
export async function connectGitHub(
  token: string | undefined,
  context: GitHubContext
): Promise<GitHub | undefined> {
  if (!token) {
    core.warning('github-token is empty, so there is no GitHub deployment and no pull request comment')
    return undefined
  }
  if (!context.owner || !context.repo) {
    core.warning('GITHUB_REPOSITORY is not set, so there is no GitHub deployment and no pull request comment')
    return undefined
  }
  const { getOctokit } = await import('@actions/github')
  return { octokit: getOctokit(token, { baseUrl: context.apiUrl }), context }
}

/** Runs a GitHub call; a failure is a warning saying what was attempted, and the result undefined. */
export async function tolerate<T>(what: string, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call()
  } catch (error) {
    core.warning(`Could not ${what} on GitHub, carrying on without it: ${describeError(error)}`)
    return undefined
  }
}
