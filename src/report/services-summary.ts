// The job summary and the services-status output of a run over several services (services): one row per
// service per wave, then each service's own summary folded away. Pure, like the single-service summary.

import { writeFileSync } from 'node:fs'
import { escapeHtml, safe, table } from './html.js'

/** One service's part in the run, as the summary and the JSON output show it. */
export interface ServiceRow {
  /** 1-based; 0 for commands without waves (status, promote, …). */
  wave: number
  service: string
  cluster: string
  region: string
  /** The service's own status, or skipped for one never started. */
  status: string
  reason?: string
  taskDefinitionArn?: string
  rolloutId?: string
  /** The service's own job summary (HTML), when it ran. */
  summary?: string
}

const ICONS: Record<string, string> = {
  succeeded: '✅',
  'rolled-back': '↩️',
  failed: '❌',
  aborted: '⛔',
  paused: '⏸️',
  skipped: '⏭️',
  pending: '⏳',
  'in-progress': '🔄'
}

/** The order in which a run's status is the worst of its services'. */
const WORST_FIRST = ['failed', 'rolled-back', 'aborted', 'paused', 'in-progress', 'skipped', 'succeeded']

export function worstStatus(rows: ServiceRow[]): string {
  return WORST_FIRST.find(s => rows.some(r => r.status === s)) ?? 'succeeded'
}

export function servicesSummary(title: string, rows: ServiceRow[], note?: string): string {
  const waves = rows.some(r => r.wave > 0)
  const headers = [...(waves ? ['Wave'] : []), 'Service', 'Region', 'Status', 'Why']
  const body = rows.map(r => [
    ...(waves ? [r.wave] : []),
    `${r.cluster}/${r.service}`,
    r.region,
    `${ICONS[r.status] ?? ''} ${r.status}`,
    r.reason ?? ''
  ])
  const details = rows
    .filter(r => r.summary)
    .map(
      r =>
        `<details><summary>${escapeHtml(`${r.region} ${r.cluster}/${r.service}`)}</summary>\n${r.summary}</details>`
    )
  return [
    `<h2>${ICONS[worstStatus(rows)] ?? ''} ${escapeHtml(title)}</h2>`,
    table(headers, body).html.trimEnd(),
    ...(note ? [safe`<p>${note}</p>`.html] : []),
    ...details
  ]
    .join('\n')
    .concat('\n')
}

/** The services-status output: every service's outcome, in wave order. */
export function servicesJson(rows: ServiceRow[]): string {
  return JSON.stringify(
    rows.map(r => ({
      service: r.service,
      cluster: r.cluster,
      region: r.region,
      wave: r.wave,
      status: r.status,
      reason: r.reason ?? '',
      'task-definition-arn': r.taskDefinitionArn ?? '',
      'rollout-id': r.rolloutId ?? ''
    }))
  )
}

/** The table so far, written over the job summary while the run goes on; main writes the final summary. */
export function writeLiveSummary(html: string, file = process.env.GITHUB_STEP_SUMMARY): void {
  if (!file) return
  try {
    writeFileSync(file, html)
  } catch {
    // A missed live update is harmless: the final summary is written (and a failure reported) by main.
  }
}
