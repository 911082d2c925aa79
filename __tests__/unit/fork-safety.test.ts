// Fork safety: a pull_request_target run refuses a fork's pull request unless allow-fork is true.

import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/config/parse.js'
import type { GitHubContext } from '../../src/github/context.js'
import { checkForkSafety } from '../../src/github/fork-safety.js'
import { pullRequestContext } from '../helpers/github-standin.js'
import { captureWarnings } from '../helpers/warnings.js'

const warnings = captureWarnings()

function run(eventName: string, headRepo: string | null): GitHubContext {
  const context = pullRequestContext('http://unused', 7, { eventName })
  context.payload.pull_request!.head.repo = headRepo === null ? null : { full_name: headRepo }
  return context
}

describe('checkForkSafety', () => {
  it('refuses a fork in pull_request_target, saying why and what to do', () => {
    const refuse = () => checkForkSafety({ allowFork: false }, run('pull_request_target', 'mallory/shop'))
    expect(refuse).toThrow(InputError)
    expect(refuse).toThrow(
      /^allow-fork: is false, and this pull_request_target run is for pull request #7 from the fork "mallory\/shop"\. pull_request_target runs with this repository's secrets/
    )
    expect(refuse).toThrow(
      /Build in a pull_request workflow \(no secrets\), and deploy from a workflow_run workflow/
    )
  })

  it('refuses a pull request whose fork was deleted', () => {
    expect(() => checkForkSafety({ allowFork: false }, run('pull_request_target', null))).toThrow(
      /from a deleted fork/
    )
  })

  it('lets a fork through with allow-fork: true, with a warning', () => {
    checkForkSafety({ allowFork: true }, run('pull_request_target', 'mallory/shop'))
    expect(warnings()).toEqual([
      expect.stringMatching(/^::warning::Deploying pull request #7 from the fork "mallory\/shop"/)
    ])
  })

  it.each([
    ['pull_request_target', 'acme/shop'],
    ['pull_request', 'mallory/shop'],
    ['workflow_run', 'mallory/shop']
  ])('allows %s for a pull request from %s', (event, head) => {
    expect(() => checkForkSafety({ allowFork: false }, run(event, head))).not.toThrow()
    expect(warnings()).toEqual([])
  })

  it('allows runs that are not for a pull request', () => {
    const push = { ...pullRequestContext('http://unused'), eventName: 'push', payload: {} }
    expect(() => checkForkSafety({ allowFork: false }, push)).not.toThrow()
  })
})
