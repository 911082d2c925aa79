// Who and what started this run, from the runner's environment: recorded with the rollout and shown in reports.

export interface RunContext {
  actor: string
  repository?: string
  serverUrl: string
  runId?: string
  runAttempt?: string
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
    runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : '',
    commit: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF
  }
}
