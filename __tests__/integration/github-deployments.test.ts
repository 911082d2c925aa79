// GitHub deployments and statuses through the real @actions/github client, against the local stand-in: the
// exact requests and bodies, and a GitHub that answers 500 costing a warning and nothing else.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { readConfig } from '../../src/config/inputs.js'
import { Status } from '../../src/constants.js'
import { connectGitHub } from '../../src/github/client.js'
import { actionContext, type GitHubContext } from '../../src/github/context.js'
import { GitHubDeployment, isProductionEnvironment } from '../../src/github/deployments.js'
import { startDeployReport } from '../../src/github/reporter.js'
import { renderSummary } from '../../src/report/summary.js'
import {
  HEAD_SHA,
  pullRequestContext,
  startGitHubStandin,
  type GitHubStandin
} from '../helpers/github-standin.js'
import { Story, canary } from '../helpers/rollout-story.js'
import { captureWarnings } from '../helpers/warnings.js'

const LOG_URL = 'https://github.com/acme/shop/actions/runs/4242'
const PUSH_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'

let standin: GitHubStandin

beforeAll(async () => {
  standin = await startGitHubStandin()
})
afterAll(() => standin.close())
beforeEach(() => {
  standin.reset()
})
const warnings = captureWarnings()

function pushContext(): GitHubContext {
  return {
    ...pullRequestContext(standin.url),
    eventName: 'push',
    sha: PUSH_SHA,
    ref: 'refs/heads/main',
    payload: {}
  }
}

function deployConfig(inputs: Record<string, string>) {
  const all: Record<string, string> = {
    command: 'deploy',
    service: 'web',
    'task-definition': 'web:43',
    'github-token': 'ghs_test',
    ...inputs
  }
  return readConfig(name => all[name] ?? '')
}

describe('isProductionEnvironment', () => {
  it.each([
    ['production', true],
    ['Production', true],
    ['prod', true],
    ['eu-prod', true],
    ['prod_2', true],
    ['staging', false],
    ['preprod', false],
    ['product-api', false],
    ['pr-7', false]
  ])('%s → %s', (name, expected) => expect(isProductionEnvironment(name)).toBe(expected))
})

describe('a deploy with environment: production', () => {
  it('creates a deployment for the commit and posts in_progress then success, with the run and the URL', async () => {
    const config = deployConfig({ environment: 'production', url: 'https://shop.example.com' })
    const report = await startDeployReport(config, 'Rolling web:43 out to web', pushContext())
    await report.finish(Status.Succeeded, 'web:43 serves all of web’s traffic', '<p>done</p>')

    expect(standin.requests).toEqual([
      {
        method: 'POST',
        path: '/repos/acme/shop/deployments',
        body: {
          ref: PUSH_SHA,
          task: 'deploy',
          auto_merge: false,
          required_contexts: [],
          environment: 'production',
          transient_environment: false,
          production_environment: true
        }
      },
      {
        method: 'POST',
        path: '/repos/acme/shop/deployments/1000/statuses',
        body: {
          state: 'in_progress',
          description: 'Rolling web:43 out to web',
          log_url: LOG_URL,
          environment_url: 'https://shop.example.com'
        }
      },
      {
        method: 'POST',
        path: '/repos/acme/shop/deployments/1000/statuses',
        body: {
          state: 'success',
          description: 'web:43 serves all of web’s traffic',
          log_url: LOG_URL,
          environment_url: 'https://shop.example.com'
        }
      }
    ])
    expect(warnings()).toEqual([])
  })

  it('maps a rollback to failure and an abort to inactive', async () => {
    const config = deployConfig({ environment: 'staging' })
    for (const status of [Status.RolledBack, Status.Aborted]) {
      const report = await startDeployReport(config, 'Rolling out', pushContext())
      await report.finish(status, 'done', '')
    }
    const states = standin.deployments.map(d => d.statuses.map(s => s.state))
    expect(states).toEqual([
      ['in_progress', 'failure'],
      ['in_progress', 'inactive']
    ])
    expect(standin.requests[0].body).toMatchObject({ environment: 'staging', production_environment: false })
  })

  it('keeps descriptions to 140 characters on one line, and leaves out a URL that is not one', async () => {
    const github = await connectGitHub('ghs_test', pushContext())
    const deployment = await GitHubDeployment.start(github, {
      environment: 'staging',
      ref: PUSH_SHA,
      url: 'javascript:alert(1)'
    })
    await deployment.status('failure', `alarm fired\n${'x'.repeat(300)}`)
    const body = standin.requests[1].body as Record<string, unknown>
    expect(body.environment_url).toBeUndefined()
    expect(String(body.description)).toHaveLength(140)
    expect(body.description).toMatch(/^alarm fired x+…$/)
  })

  it('makes no request at all without environment outside a pull request', async () => {
    const report = await startDeployReport(deployConfig({}), 'Rolling out', pushContext())
    await report.finish(Status.Succeeded, 'done', '<p>done</p>')
    expect(standin.requests).toEqual([])
    expect(warnings()).toEqual([])
  })
})

describe('a deploy from a pull request', () => {
  it('keeps the comment current from the rollout events, then reports the outcome', async () => {
    const config = deployConfig({ environment: 'production' })
    const report = await startDeployReport(
      config,
      'Rolling web:42 out to web',
      pullRequestContext(standin.url)
    )
    const story = new Story(canary())
    const sink = report.sink(() => renderSummary(story.events))
    sink.emit(story.events[0])
    story.passAll().succeed()
    for (const event of story.events.slice(1)) sink.emit(event)
    await report.finish(Status.Succeeded, 'web:42 serves all of web’s traffic', renderSummary(story.events))

    const deployments = standin.requests.filter(r => r.path.includes('/deployments'))
    expect(deployments[0].body).toMatchObject({ ref: HEAD_SHA, environment: 'production' })
    expect(deployments.slice(1).map(r => (r.body as { state: string }).state)).toEqual([
      'in_progress',
      'success'
    ])
    // Progress edits are 30 s apart: of the whole story, the start went out, then the end.
    const comments = standin.requests.filter(r => r.path.includes('comments'))
    expect(comments.map(r => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/shop/issues/7/comments?per_page=100',
      'POST /repos/acme/shop/issues/7/comments',
      `PATCH /repos/acme/shop/issues/comments/${standin.comments[0].id}`
    ])
    expect((comments[1].body as { body: string }).body).toContain(
      '<h2>🔄 In progress, starting: web:42 on web</h2>'
    )
    expect((comments[2].body as { body: string }).body).toContain('<h2>✅ Succeeded: web:42 on web</h2>')
    expect(standin.comments).toHaveLength(1)
  })
})

describe('a GitHub API that fails', () => {
  it('answers 500: warnings only, and the run carries on', async () => {
    standin.failWith(500)
    const config = deployConfig({ environment: 'production' })
    const report = await startDeployReport(config, 'Rolling out', pullRequestContext(standin.url))
    await report.progress('<p>step 1</p>')
    await report.finish(Status.Succeeded, 'done', '<p>done</p>')
    // No deployment id, so no statuses: one create and one comment lookup (the finish is within the interval
    // of the first progress edit but always goes out; it cannot tell whether a comment exists either).
    expect(standin.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/acme/shop/deployments',
      'GET /repos/acme/shop/issues/7/comments?per_page=100',
      'GET /repos/acme/shop/issues/7/comments?per_page=100'
    ])
    expect(warnings()).toEqual([
      expect.stringMatching(
        /^::warning::Could not create a deployment to production on GitHub, carrying on without it: HttpError: Server Error/
      ),
      expect.stringMatching(
        /^::warning::Could not find the ecs-rollout comment on pull request #7 on GitHub/
      ),
      expect.stringMatching(/^::warning::Could not find the ecs-rollout comment on pull request #7 on GitHub/)
    ])
  })

  it('is unreachable: a warning, not a thrown error', async () => {
    const context = { ...pushContext(), apiUrl: 'http://127.0.0.1:1' }
    const deployment = await GitHubDeployment.start(await connectGitHub('ghs_test', context), {
      environment: 'production',
      ref: PUSH_SHA
    })
    expect(deployment.id).toBeUndefined()
    await deployment.status('success', 'done')
    expect(warnings()).toHaveLength(1)
  })

  it('without a token: one warning and no request', async () => {
    const config = deployConfig({ environment: 'production', 'github-token': '' })
    const report = await startDeployReport(config, 'Rolling out', pushContext())
    await report.finish(Status.Succeeded, 'done', '')
    expect(standin.requests).toEqual([])
    expect(warnings()).toEqual([
      expect.stringContaining('github-token is empty, so there is no GitHub deployment')
    ])
  })
})

describe('inactive deployments of a transient environment', () => {
  it('marks every deployment to the environment inactive, and no other', async () => {
    const github = await connectGitHub('ghs_test', pullRequestContext(standin.url))
    for (const environment of ['pr-7', 'pr-8', 'pr-7'])
      await GitHubDeployment.start(github, { environment, ref: HEAD_SHA, transient: true })
    standin.requests.length = 0
    await GitHubDeployment.deactivate(github, 'pr-7', 'Preview removed: the pull request was closed')
    expect(standin.requests).toEqual([
      { method: 'GET', path: '/repos/acme/shop/deployments?environment=pr-7&per_page=100' },
      ...[1002, 1000].map(id => ({
        method: 'POST',
        path: `/repos/acme/shop/deployments/${id}/statuses`,
        body: {
          state: 'inactive',
          description: 'Preview removed: the pull request was closed',
          log_url: LOG_URL
        }
      }))
    ])
  })
})

describe('actionContext', () => {
  it("reads the runner's environment: repository, run, commit, event payload; defaults outside a workflow", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-rollout-context-'))
    try {
      const event = join(dir, 'event.json')
      writeFileSync(event, JSON.stringify({ pull_request: { number: 7, head: { sha: 'abc' }, base: {} } }))
      expect(
        actionContext({
          GITHUB_REPOSITORY: 'acme/shop',
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: event,
          GITHUB_SHA: 'merge1',
          GITHUB_REF: 'refs/pull/7/merge',
          GITHUB_RUN_ID: '4242',
          GITHUB_SERVER_URL: 'https://ghe.example.com',
          GITHUB_API_URL: 'https://ghe.example.com/api/v3'
        })
      ).toEqual({
        owner: 'acme',
        repo: 'shop',
        eventName: 'pull_request',
        sha: 'merge1',
        ref: 'refs/pull/7/merge',
        runId: 4242,
        serverUrl: 'https://ghe.example.com',
        apiUrl: 'https://ghe.example.com/api/v3',
        payload: { pull_request: { number: 7, head: { sha: 'abc' }, base: {} } }
      })
      // No GITHUB_REPOSITORY: the repository of the payload, as github.context does.
      writeFileSync(event, JSON.stringify({ repository: { name: 'shop', owner: { login: 'acme' } } }))
      expect(actionContext({ GITHUB_EVENT_PATH: event })).toMatchObject({ owner: 'acme', repo: 'shop' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    const outside = actionContext({})
    expect(outside).toMatchObject({ owner: '', repo: '', eventName: '', payload: {} })
    expect(outside.serverUrl).toBe('https://github.com')
    expect(outside.apiUrl).toBe('https://api.github.com')
    expect(Number.isNaN(outside.runId)).toBe(true)
  })

  it('reads GITHUB_API_URL when called, so the client talks to the stand-in', async () => {
    const saved = process.env.GITHUB_API_URL
    process.env.GITHUB_API_URL = standin.url
    try {
      const context = { ...actionContext(), owner: 'acme', repo: 'shop' }
      expect(context.apiUrl).toBe(standin.url)
      await GitHubDeployment.start(await connectGitHub('ghs_test', context), {
        environment: 'qa',
        ref: PUSH_SHA
      })
      expect(standin.requests.map(r => r.path)).toEqual(['/repos/acme/shop/deployments'])
    } finally {
      if (saved === undefined) delete process.env.GITHUB_API_URL
      else process.env.GITHUB_API_URL = saved
    }
  })
})
