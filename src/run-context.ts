// Who and what started this run, from the runner's environment: recorded with the rollout and shown in reports.

import type { RunAttempt } from './record/record.js'

export interface RunContext {
  actor: string
  repository?: string
  serverUrl: string
  runId?: string
  runAttempt?: string
  /** GITHUB_JOB: the job's id in the workflow (shared by a matrix's jobs). */
  job?: string
  runUrl: string
  commit: string
  ref?: string
}

export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const repository = env.GITHUB_REPOSITORY
  const runId = env.GITHUB_RUN_ID
  return {
    actor: env.GITHUB_ACTOR ?? 'unknown',
    repository,
    serverUrl,
    runId,
    runAttempt: env.GITHUB_RUN_ATTEMPT,
    job: env.GITHUB_JOB || undefined,
    runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : '',
    commit: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF
  }
}

/** This job's attempt, recorded as a rollout's owner; undefined outside a workflow run (a local run). */
export function runAttempt(run: Pick<RunContext, 'runId' | 'runAttempt' | 'job'>): RunAttempt | undefined {
  const attempt = Number(run.runAttempt)
  if (!run.runId || !run.job || !Number.isInteger(attempt) || attempt < 1) return undefined
  return { runId: run.runId, attempt, job: run.job }
}
