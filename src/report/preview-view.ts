// The report of a preview run, for the job summary and the pull request comment alike: where the preview is,
// what it runs, and whether it is up, failed or removed. Outside strings pass through the html.ts builders.

import { serviceUrl } from './console-links.js'
import { Html, code, link, list, safe } from './html.js'

export type PreviewState = 'deploying' | 'live' | 'failed' | 'removed'

export interface PreviewView {
  state: PreviewState
  pullRequest: number
  cluster: string
  region: string
  /** The preview service, when known. */
  service?: string
  url?: string
  /** "web:43" */
  taskDefinition?: string
  commit?: string
  /** Why it failed. */
  reason?: string
  /** preview-destroy: what it removed, e.g. "service web-pr-7". */
  removed?: string[]
  runUrl?: string
}

export function previewHtml(v: PreviewView): string {
  return [`<h2>${headline(v).html}</h2>\n`, `<p>${sentence(v).html}</p>\n`, facts(v).html].join('')
}

function headline(v: PreviewView): Html {
  const pr = `#${v.pullRequest}`
  switch (v.state) {
    case 'deploying':
      return safe`🔄 Deploying the preview of ${pr}`
    case 'live':
      return safe`🔍 The preview of ${pr} is live`
    case 'failed':
      return safe`❌ The preview of ${pr} failed`
    case 'removed':
      return safe`🧹 The preview of ${pr} was removed`
  }
}

function sentence(v: PreviewView): Html {
  const at = v.url ? link(v.url, v.url) : new Html('its URL')
  switch (v.state) {
    case 'deploying':
      return safe`It will answer at ${at} once its tasks are healthy.`
    case 'live':
      return safe`Open ${at}.`
    case 'failed':
      return safe`${v.reason ?? 'See the log.'}`
    case 'removed':
      return v.removed?.length
        ? safe`The pull request is closed, so its preview resources are gone.`
        : safe`The pull request is closed; nothing tagged for it was left to remove.`
  }
}

function facts(v: PreviewView): Html {
  const items: Html[] = []
  if (v.service) {
    const console = serviceUrl(v.region, v.cluster, v.service)
    const service = console ? link(v.service, console) : code(v.service)
    items.push(safe`Service ${service} on cluster ${code(v.cluster)} (${v.region})`)
  }
  if (v.taskDefinition) items.push(safe`Task definition ${code(v.taskDefinition)}`)
  if (v.commit) items.push(safe`Commit ${code(v.commit.slice(0, 12))}`)
  for (const what of v.removed ?? []) items.push(safe`Removed ${what}`)
  if (v.runUrl) items.push(link('This run', v.runUrl))
  return items.length ? list(items) : new Html('')
}
