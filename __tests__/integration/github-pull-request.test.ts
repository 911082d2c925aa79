// Which pull request a run is for, including a workflow_run for a fork's pull request, whose payload lists
// none: it is looked up on the stand-in by the fork's branch and matched on the head commit.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { connectGitHub } from '../../src/github/client.js'
import type { GitHubContext } from '../../src/github/context.js'
import { findPullRequest, pullRequestOfEvent } from '../../src/github/pull-request.js'
import {
  HEAD_SHA,
  pullRequestContext,
  startGitHubStandin,
  type GitHubStandin
} from '../helpers/github-standin.js'

let standin: GitHubStandin
beforeAll(async () => {
  standin = await startGitHubStandin()
})
afterAll(() => standin.close())
beforeEach(() => standin.reset())

function workflowRun(pullRequests: { number: number }[]): GitHubContext {
  return pullRequestContext(standin.url, 7, {
    eventName: 'workflow_run',
    payload: {
      workflow_run: {
        event: 'pull_request',
        head_sha: HEAD_SHA,
        head_branch: 'fix-typo',
        head_repository: { full_name: 'mallory/shop', owner: { login: 'mallory' } },
        pull_requests: pullRequests.map(p => ({ ...p, head: { sha: HEAD_SHA }, base: {} }))
      }
    }
  })
}

describe('the pull request of a run', () => {
  it('is in a pull_request payload, with the head commit rather than the merge commit', () => {
    expect(pullRequestOfEvent(pullRequestContext(standin.url, 7).payload)).toEqual({
      number: 7,
      headSha: HEAD_SHA
    })
  })

  it('is in a workflow_run payload for a branch of the repository, without asking GitHub', async () => {
    const context = workflowRun([{ number: 9 }])
    expect(await findPullRequest(context, await connectGitHub('t', context))).toEqual({
      number: 9,
      headSha: HEAD_SHA
    })
    expect(standin.requests).toEqual([])
  })

  it('is looked up for a fork, and matched on the head commit', async () => {
    standin.pulls = [
      { number: 11, head: { sha: 'another-commit' } },
      { number: 12, head: { sha: HEAD_SHA } }
    ]
    const context = workflowRun([])
    expect(await findPullRequest(context, await connectGitHub('t', context))).toEqual({
      number: 12,
      headSha: HEAD_SHA
    })
    expect(standin.requests).toEqual([
      { method: 'GET', path: '/repos/acme/shop/pulls?state=open&head=mallory%3Afix-typo&per_page=100' }
    ])
  })

  it('is none for a push', async () => {
    const push = { ...pullRequestContext(standin.url), eventName: 'push', payload: {} }
    expect(await findPullRequest(push, await connectGitHub('t', push))).toBeUndefined()
  })
})
