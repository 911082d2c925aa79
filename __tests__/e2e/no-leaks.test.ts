// No leaks, end to end: canary secrets are planted everywhere a secret can hide — the AWS credentials and
// session token in the runner's environment, the github-token input, a task-definition secret's valueFrom, and
// environment values of the revisions rolled out — and everything dist/index.js produces across representative
// runs (deploy succeeded with a GitHub deployment, deploy rolled back, diff, history, status, an input error) is
// scanned: stdout, stderr, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_STATE. A diff with show-env-values:
// true is the positive control: it does print the environment canary, so the scan would see one.

import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  ALARM,
  revision,
  run as runOn,
  transcript,
  withScene,
  type RunResult,
  type Scene
} from '../helpers/scene.js'
import { startGitHubStandin } from '../helpers/github-standin.js'

const CANARY = {
  secretAccessKey: 'CANARYsecretAccessKey0a1b2c3d4e5f6g7h8i9j',
  sessionToken: 'CANARYsessionToken9z8y7x6w5v4u3t2s1r',
  githubToken: 'ghs_CANARYgithubToken0123456789abcdef',
  valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:CANARYvalueFrom-AbCdEf',
  envOne: 'postgres://app:CANARYenvOne@db.internal/app',
  envTwo: 'postgres://app:CANARYenvTwo@db.internal/app'
}
const ENV_CANARIES = [CANARY.envOne, CANARY.envTwo]

/** A revision whose container has a secret (valueFrom a canary) and an environment value (a canary). */
function revisionWith(e2e: Scene, database: string, more: Record<string, string> = {}): Promise<string> {
  return revision(e2e, { DATABASE_URL: database, ...more }, { secrets: { DB_PASSWORD: CANARY.valueFrom } })
}

/** Everything a run produced: the log (less ::add-mask:: lines, which the runner consumes), and its files. */
function produced(run: RunResult): string {
  const log = run.stdout
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  const files = [run.files.outputFile, run.files.summaryFile, run.files.stateFile].map(f =>
    readFileSync(f, 'utf8')
  )
  return [log, run.stderr, ...files].join('\n')
}

function leaked(text: string, canaries: string[]): string[] {
  // Also a canary's distinctive core, in case a value is cut or re-encoded.
  return canaries.filter(
    c => text.includes(c) || text.includes(c.replace(/^.*CANARY/, 'CANARY').slice(0, 20))
  )
}

describe('no leaks', () => {
  it.concurrent(
    'no credential, token, secret reference or environment value in anything a run produces',
    async () => {
      const standin = await startGitHubStandin()
      try {
        await withScene({ desiredCount: 2 }, async e2e => {
          const v2 = await revisionWith(e2e, CANARY.envOne)
          const v3 = await revisionWith(e2e, CANARY.envTwo, { SANDBOX_CRASH: 'on-start' })
          const env = {
            AWS_SECRET_ACCESS_KEY: CANARY.secretAccessKey,
            AWS_SESSION_TOKEN: CANARY.sessionToken,
            GITHUB_API_URL: standin.url
          }
          const run = (inputs: Record<string, string>) =>
            runOn(
              e2e,
              { 'github-token': CANARY.githubToken, 'poll-interval': '1s', ...inputs },
              { env }
            ).then(r => r.result)
          const deploy = {
            command: 'deploy',
            alarms: ALARM,
            strategy: 'canary',
            'canary-percent': '50',
            'canary-bake-time': '1s',
            'bake-time': '1s'
          }
          const runs: [string, RunResult, string][] = []
          const add = async (name: string, inputs: Record<string, string>, status: string) =>
            runs.push([name, await run(inputs), status])
          await Promise.all([
            add(
              'an input error',
              { command: 'deploy', 'task-definition': v2, strategy: 'big-bang' },
              'failed'
            ),
            add(
              'deploy (a GitHub deployment)',
              { ...deploy, 'task-definition': v2, environment: 'production' },
              'succeeded'
            )
          ])
          await add('deploy rolled back', { ...deploy, 'task-definition': v3 }, 'rolled-back')
          const [shown] = await Promise.all([
            run({ command: 'diff', from: '2', to: '3', 'show-env-values': 'true' }),
            add('diff', { command: 'diff', from: '2', to: '3' }, 'succeeded'),
            add('history', { command: 'history' }, 'succeeded'),
            add('status', { command: 'status' }, 'rolled-back')
          ])

          const secrets = [CANARY.secretAccessKey, CANARY.sessionToken, CANARY.githubToken, CANARY.valueFrom]
          for (const [name, result, status] of runs) {
            try {
              expect(result.outputs.status).toBe(status)
              expect({ run: name, leaked: leaked(produced(result), [...secrets, ...ENV_CANARIES]) }).toEqual({
                run: name,
                leaked: []
              })
            } catch (error) {
              if (error instanceof Error) error.message += `\n\n${transcript(result)}`
              throw error
            }
          }
          // The diffs said what changed, without values: the environment value as changed, the secret by name.
          const diff = runs.find(([name]) => name === 'diff')![1]
          expect(diff.summary).toContain(
            '<td>environment DATABASE_URL</td><td>changed</td><td>•••</td><td>•••</td>'
          )
          const first = runs.find(([name]) => name.startsWith('deploy (a'))![1]
          expect(first.summary).toContain('secret DB_PASSWORD')
          // The GitHub deployment was made with the token, which the run masked for the runner.
          expect(standin.deployments.length).toBe(1)
          expect(first.stdout).toContain(`::add-mask::${CANARY.githubToken}`)
          // Positive control: asked to, the diff shows the environment values — and the scan sees them.
          expect(leaked(produced(shown), ENV_CANARIES)).toEqual(ENV_CANARIES)
          expect(leaked(produced(shown), secrets)).toEqual([])
        })
      } finally {
        await standin.close()
      }
    },
    150_000
  )
})
