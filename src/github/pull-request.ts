// Which pull request a run is for: from a pull_request or pull_request_target payload, or from a workflow_run
// that a pull_request run triggered (the safe way to deploy previews, see examples/README.md).

import type { GitHub } from './client.js'
import type { EventPayload, GitHubContext } from './context.js'

export interface PullRequestInfo {
  number: number
  /** The commit to deploy: the pull request's head, not the test merge commit. */
  headSha: string
}

/** The pull request named by the event payload alone, without asking GitHub. */
export function pullRequestOfEvent(payload: EventPayload): PullRequestInfo | undefined {
  const pr = payload.pull_request ?? payload.workflow_run?.pull_requests?.[0]
  if (!pr || !Number.isSafeInteger(pr.number) || pr.number <= 0) return undefined
  return { number: pr.number, headSha: payload.workflow_run?.head_sha ?? pr.head.sha }
}

/**
 * The run's pull request. A workflow_run for a fork's pull request lists none (GitHub leaves pull_requests
 * empty for forks), so it is looked up by the fork's branch and matched on the head commit.
 */
export async function findPullRequest(
  context: GitHubContext,
  github: GitHub | undefined
): Promise<PullRequestInfo | undefined> {
  const fromEvent = pullRequestOfEvent(context.payload)
  const run = context.payload.workflow_run
  const forkOwner = run?.head_repository?.owner?.login
  if (fromEvent || !github || !run || run.event !== 'pull_request' || !forkOwner || !run.head_branch)
    return fromEvent
  const { owner, repo } = context
  const { data } = await github.octokit.rest.pulls.list({
    owner,
    repo,
    state: 'open',
    head: `${forkOwner}:${run.head_branch}`,
    per_page: 100
  })
  const match = data.find(pr => pr.head.sha === run.head_sha)
  return match && { number: match.number, headSha: run.head_sha }
}
