// The sticky pull request comment through the real @actions/github client, against the local stand-in: one
// comment per pull request and service, found again by its marker and edited in place.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { connectGitHub, type GitHub } from '../../src/github/client.js'
import { PullRequestComment, commentMarker } from '../../src/github/pr-comment.js'
import { renderSummary } from '../../src/report/summary.js'
import { Story, canary } from '../helpers/rollout-story.js'
import { captureWarnings } from '../helpers/warnings.js'
import { pullRequestContext, startGitHubStandin, type GitHubStandin } from '../helpers/github-standin.js'

let standin: GitHubStandin
let github: GitHub

beforeAll(async () => {
  standin = await startGitHubStandin()
})
afterAll(() => standin.close())
beforeEach(async () => {
  standin.reset()
  github = (await connectGitHub('ghs_test', pullRequestContext(standin.url)))!
})
captureWarnings()

const MARKER = '<!-- ecs-rollout:web -->'

describe('PullRequestComment', () => {
  it('creates the comment once, then edits it in place', async () => {
    const comment = PullRequestComment.for(github, 7, 'web')
    await comment.finish('<p>step 1 of 2</p>')
    await comment.finish('<p>done</p>')
    expect(standin.requests).toEqual([
      { method: 'GET', path: '/repos/acme/shop/issues/7/comments?per_page=100' },
      {
        method: 'POST',
        path: '/repos/acme/shop/issues/7/comments',
        body: { body: `${MARKER}\n<p>step 1 of 2</p>` }
      },
      {
        method: 'PATCH',
        path: '/repos/acme/shop/issues/comments/1000',
        body: { body: `${MARKER}\n<p>done</p>` }
      }
    ])
  })

  it('finds the comment an earlier run left, by its marker, and leaves the others alone', async () => {
    await PullRequestComment.for(github, 7, 'api').finish('<p>api</p>')
    await PullRequestComment.for(github, 7, 'web').finish('<p>first run</p>')
    standin.requests.length = 0
    await PullRequestComment.for(github, 7, 'web').finish('<p>second run</p>')
    expect(standin.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/shop/issues/7/comments?per_page=100',
      'PATCH /repos/acme/shop/issues/comments/1001'
    ])
    expect(standin.comments.map(c => c.body)).toEqual([
      '<!-- ecs-rollout:api -->\n<p>api</p>',
      `${MARKER}\n<p>second run</p>`
    ])
  })

  it('does not take a comment that only quotes the marker', async () => {
    standin.comments.push({
      id: 1,
      issue: 7,
      body: `Why does ${MARKER} show up here?`,
      user: { login: 'someone', type: 'User' }
    })
    await PullRequestComment.for(github, 7, 'web').finish('<p>report</p>')
    expect(standin.comments.map(c => c.id)).toEqual([1, 1000])
  })

  it('serialises quick updates, so two calls without await still leave one comment', async () => {
    const comment = PullRequestComment.for(github, 7, 'web')
    await Promise.all([comment.finish('<p>a</p>'), comment.finish('<p>b</p>')])
    expect(standin.comments.map(c => c.body)).toEqual([`${MARKER}\n<p>b</p>`])
  })

  it('spaces progress edits out, skips unchanged bodies, and always writes the final one', async () => {
    let now = 0
    const comment = PullRequestComment.for(github, 7, 'web', { intervalMs: 30_000, now: () => now })
    await comment.update('<p>step 1</p>')
    now = 10_000
    await comment.update('<p>step 2</p>')
    await comment.finish('<p>step 1</p>')
    now = 50_000
    await comment.update('<p>step 3</p>')
    await comment.finish('<p>done</p>')
    const bodies = standin.requests
      .filter(r => r.method !== 'GET')
      .map(r => (r.body as { body: string }).body)
    expect(bodies).toEqual([`${MARKER}\n<p>step 1</p>`, `${MARKER}\n<p>step 3</p>`, `${MARKER}\n<p>done</p>`])
  })

  it('does nothing without a pull request or without a client', async () => {
    await PullRequestComment.for(github, undefined, 'web').finish('<p>x</p>')
    await PullRequestComment.for(undefined, 7, 'web').finish('<p>x</p>')
    expect(standin.requests).toEqual([])
  })

  it('replaces a body over GitHub’s 65,536 characters with a pointer to the job summary', async () => {
    await PullRequestComment.for(github, 7, 'web').finish(`<p>${'x'.repeat(70_000)}</p>`)
    expect(standin.comments[0].body).toBe(
      `${MARKER}\n<p>The report is too long for a comment: see the job summary of this run.</p>\n`
    )
  })

  it('carries a rollout summary as rendered, escaped, with no blank line', async () => {
    const summary = renderSummary(new Story(canary(), { service: 'web<img>' }).passAll().succeed().events)
    expect(summary).toContain('web&lt;img&gt;')
    await PullRequestComment.for(github, 7, 'web').finish(summary)
    expect(standin.comments[0].body).toBe(`${MARKER}\n${summary}`)
    expect(standin.comments[0].body).not.toMatch(/\n\s*\n/)
  })
})

describe('commentMarker', () => {
  it('keeps a hostile service name inside the HTML comment', () => {
    expect(commentMarker('a--b---c')).toBe('<!-- ecs-rollout:a-&#45;b-&#45;-c -->')
    expect(commentMarker('x --> <script>')).toBe('<!-- ecs-rollout:x -&#45;&gt; &lt;script&gt; -->')
  })
})
