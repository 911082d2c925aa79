// The sticky pull request comment: one per pull request and service, found again by a hidden marker at its
// start and edited in place, so a pull request shows one current report however many runs there were.
// Bodies are HTML built with report/html.ts (every outside string escaped); this file only places them.

import { escapeHtml } from '../report/html.js'
import { tolerate, type GitHub } from './client.js'

/** GitHub's limit on a comment body. */
const BODY_MAX = 65_536
/** Progress edits closer together than this are skipped; the final one always goes out. */
const DEFAULT_INTERVAL_MS = 30_000

/** `<!-- ecs-rollout:web -->`; a `--` in the name would end the HTML comment early, so it is broken up. */
export function commentMarker(service: string): string {
  return `<!-- ecs-rollout:${escapeHtml(service).replace(/--/g, '-&#45;')} -->`
}

export class PullRequestComment {
  private id?: number
  private posted?: string
  private lastAt = -Infinity
  /** Edits go out one at a time, so two quick updates cannot both create a comment. */
  private queue: Promise<void> = Promise.resolve()

  private constructor(
    private readonly github: GitHub | undefined,
    private readonly number: number | undefined,
    private readonly marker: string,
    private readonly intervalMs: number,
    private readonly now: () => number
  ) {}

  /** The comment for a service on a pull request; without a client or a pull request it does nothing. */
  static for(
    github: GitHub | undefined,
    pullRequest: number | undefined,
    service: string,
    options: { intervalMs?: number; now?: () => number } = {}
  ): PullRequestComment {
    return new PullRequestComment(
      github,
      pullRequest,
      commentMarker(service),
      options.intervalMs ?? DEFAULT_INTERVAL_MS,
      options.now ?? Date.now
    )
  }

  /** A progress report: skipped when the last edit was under the interval ago. */
  update(html: string): Promise<void> {
    if (this.now() - this.lastAt < this.intervalMs) return this.queue
    return this.finish(html)
  }

  /** The report as it stands, always written (unless unchanged). */
  finish(html: string): Promise<void> {
    this.lastAt = this.now()
    this.queue = this.queue.then(() => this.write(html))
    return this.queue
  }

  private async write(html: string): Promise<void> {
    const { github, number } = this
    if (!github || number === undefined) return
    const body = this.body(html)
    if (body === this.posted) return
    const { owner, repo } = github.context
    const issues = github.octokit.rest.issues
    const where = `pull request #${number}`
    if (this.id === undefined) {
      const found = await tolerate(`find the ecs-rollout comment on ${where}`, () =>
        this.find(github, number)
      )
      // Not knowing whether the comment exists, creating one could leave two.
      if (!found) return
      this.id = found.id
    }
    if (this.id !== undefined) {
      const id = this.id
      const done = await tolerate(`update the ecs-rollout comment on ${where}`, () =>
        issues.updateComment({ owner, repo, comment_id: id, body })
      )
      if (done) this.posted = body
      return
    }
    const created = await tolerate(`comment on ${where}`, () =>
      issues.createComment({ owner, repo, issue_number: number, body })
    )
    if (created) {
      this.id = created.data.id
      this.posted = body
    }
  }

  /** The oldest comment that starts with the marker, page by page, stopping at the first found. */
  private async find(github: GitHub, number: number): Promise<{ id?: number }> {
    const { owner, repo } = github.context
    const pages = github.octokit.paginate.iterator(github.octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: number,
      per_page: 100
    })
    for await (const page of pages) {
      const found = page.data.find(c => c.body?.startsWith(this.marker))
      if (found) return { id: found.id }
    }
    return {}
  }

  private body(html: string): string {
    const body = `${this.marker}\n${html}`
    if (body.length <= BODY_MAX) return body
    // Cutting HTML anywhere could leave a tag open; the job summary holds the whole report.
    return `${this.marker}\n<p>The report is too long for a comment: see the job summary of this run.</p>\n`
  }
}
