// A local HTTP server standing in for the GitHub REST API, for the real @actions/github client: it records
// every request (method, path with query, JSON body) and answers the deployment, status, comment and pull
// request endpoints the action uses with plausible JSON, keeping what was created. `failWith(500)` makes
// every answer an error, to show that GitHub failing never fails a run.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { GitHubContext } from '../../src/github/context.js'

export interface RecordedRequest {
  method: string
  path: string
  body?: unknown
}

interface Comment {
  id: number
  issue: number
  body: string
  user: { login: string; type: string }
}

interface Deployment {
  id: number
  environment: string
  ref: string
  statuses: Record<string, unknown>[]
}

export interface GitHubStandin {
  url: string
  requests: RecordedRequest[]
  deployments: Deployment[]
  comments: Comment[]
  /** What GET /repos/:owner/:repo/pulls answers. */
  pulls: unknown[]
  failWith(status: number | undefined): void
  reset(): void
  close(): Promise<void>
}

type Json = Record<string, unknown>

export async function startGitHubStandin(): Promise<GitHubStandin> {
  let nextId = 1000
  let failure: number | undefined
  const state = {
    requests: [] as RecordedRequest[],
    deployments: [] as Deployment[],
    comments: [] as Comment[],
    pulls: [] as unknown[]
  }

  function route(method: string, url: URL, body: Json): [number, unknown] {
    const path = url.pathname
    let m: RegExpMatchArray | null
    if (method === 'POST' && (m = path.match(/^\/repos\/[^/]+\/[^/]+\/deployments$/))) {
      const deployment = {
        id: nextId++,
        environment: String(body.environment),
        ref: String(body.ref),
        statuses: []
      }
      state.deployments.push(deployment)
      return [
        201,
        { id: deployment.id, ref: deployment.ref, environment: deployment.environment, task: body.task }
      ]
    }
    if (method === 'GET' && path.match(/^\/repos\/[^/]+\/[^/]+\/deployments$/)) {
      const environment = url.searchParams.get('environment')
      const found = state.deployments.filter(d => !environment || d.environment === environment)
      return [200, found.reverse().map(d => ({ id: d.id, ref: d.ref, environment: d.environment }))]
    }
    if (method === 'POST' && (m = path.match(/^\/repos\/[^/]+\/[^/]+\/deployments\/(\d+)\/statuses$/))) {
      const deployment = state.deployments.find(d => d.id === Number(m![1]))
      if (!deployment) return [404, { message: 'Not Found' }]
      const status = { id: nextId++, ...body }
      deployment.statuses.push(status)
      return [201, status]
    }
    if ((m = path.match(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/))) {
      const issue = Number(m[1])
      if (method === 'GET') return [200, state.comments.filter(c => c.issue === issue)]
      if (method === 'POST') {
        const comment = {
          id: nextId++,
          issue,
          body: String(body.body),
          user: { login: 'github-actions[bot]', type: 'Bot' }
        }
        state.comments.push(comment)
        return [201, comment]
      }
    }
    if (method === 'PATCH' && (m = path.match(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/))) {
      const comment = state.comments.find(c => c.id === Number(m![1]))
      if (!comment) return [404, { message: 'Not Found' }]
      comment.body = String(body.body)
      return [200, comment]
    }
    if (method === 'GET' && path.match(/^\/repos\/[^/]+\/[^/]+\/pulls$/)) return [200, state.pulls]
    return [404, { message: `the stand-in does not serve ${method} ${path}` }]
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const body = text ? (JSON.parse(text) as Json) : undefined
      const url = new URL(req.url ?? '/', 'http://standin')
      const method = req.method ?? 'GET'
      state.requests.push({ method, path: url.pathname + url.search, ...(body ? { body } : {}) })
      const [status, answer] = failure
        ? [failure, { message: 'Server Error' }]
        : route(method, url, body ?? {})
      const payload = JSON.stringify(answer)
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload)
      })
      res.end(payload)
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests
    },
    get deployments() {
      return state.deployments
    },
    get comments() {
      return state.comments
    },
    get pulls() {
      return state.pulls
    },
    set pulls(value: unknown[]) {
      state.pulls = value
    },
    failWith(status) {
      failure = status
    },
    reset() {
      nextId = 1000
      failure = undefined
      state.requests = []
      state.deployments = []
      state.comments = []
      state.pulls = []
    },
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

export const REPOSITORY = { owner: 'acme', repo: 'shop' }
export const HEAD_SHA = '0123456789abcdef0123456789abcdef01234567'

/** The context of a pull_request run for pull request `number` of acme/shop, talking to `apiUrl`. */
export function pullRequestContext(
  apiUrl: string,
  number = 7,
  overrides: Partial<GitHubContext> = {}
): GitHubContext {
  return {
    ...REPOSITORY,
    eventName: 'pull_request',
    sha: 'fedcba9876543210fedcba9876543210fedcba98',
    ref: `refs/pull/${number}/merge`,
    runId: 4242,
    serverUrl: 'https://github.com',
    apiUrl,
    payload: {
      pull_request: {
        number,
        head: { sha: HEAD_SHA, ref: 'feature', repo: { full_name: 'acme/shop' } },
        base: { repo: { full_name: 'acme/shop' } }
      }
    },
    ...overrides
  }
}
