// `npm run local-sandbox` then `npm run local-action` with .env.example, as CONTRIBUTING and the README tell a
// person to try the action: @github/local-action runs src/main.ts (TypeScript, unbundled) with its stand-in for
// @actions/core, and the rollout it reports must really have happened in the sandbox.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DescribeServicesCommand } from '@aws-sdk/client-ecs'
import { sandboxClients } from '../../sandbox/fixtures.js'

const ROOT = resolve(import.meta.dirname, '../..')

/** The environment of a developer's shell: none of this test process's inputs or runner files. */
function shellEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(INPUT_|GITHUB_|AWS_|RUNNER_)/.test(name))
  )
  return { ...env, ...extra }
}

/** `npm run NAME` in its own process group, so the whole tree (npm, sh, tsx, node) can be stopped at once. */
function npmRun(name: string, env: NodeJS.ProcessEnv, args: string[] = []): ChildProcess {
  return spawn('npm', ['run', '--silent', name, ...(args.length ? ['--', ...args] : [])], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

function stop(child: ChildProcess | undefined): void {
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
}

let sandboxProcess: ChildProcess | undefined
let sandboxUrl: string

beforeAll(async () => {
  sandboxProcess = npmRun('local-sandbox', shellEnv({}), ['--port', '0'])
  let out = ''
  sandboxUrl = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`local-sandbox did not get ready in 90 s:\n${out}`)),
      90_000
    )
    sandboxProcess!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const ready = /sandbox ready on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (ready) {
        clearTimeout(timer)
        done(ready[1])
      }
    })
    sandboxProcess!.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()))
    sandboxProcess!.once('exit', code => fail(new Error(`local-sandbox exited with ${code}:\n${out}`)))
  })
}, 120_000)

afterAll(() => stop(sandboxProcess))

describe('npm run local-action with .env.example', () => {
  it('deploys web:2 to the sandbox by canary and reports it through the local-action stand-in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-rollout-local-action-'))
    const summaryFile = join(dir, 'summary.md')
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8')
    expect(example).toMatch(/^AWS_ENDPOINT_URL=http:\/\/127\.0\.0\.1:4599$/m)
    expect(example).toMatch(/^GITHUB_STEP_SUMMARY=.+$/m)
    // Only the sandbox's port and the summary's place differ from what a person copies.
    const envFile = join(dir, '.env')
    writeFileSync(
      envFile,
      example
        .replace(/^AWS_ENDPOINT_URL=.*$/m, `AWS_ENDPOINT_URL=${sandboxUrl}`)
        .replace(/^GITHUB_STEP_SUMMARY=.*$/m, `GITHUB_STEP_SUMMARY=${summaryFile}`)
    )

    const child = npmRun('local-action', shellEnv({ LOCAL_ACTION_ENV: envFile }))
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => stop(child), 170_000)
    const code = await new Promise<number | null>(done => child.once('close', c => done(c)))
    clearTimeout(timer)

    const context = `stdout:\n${stdout}\nstderr:\n${stderr}`
    expect({ code, context }).toMatchObject({ code: 0 })
    // local-action's @actions/core stand-in prints outputs as it records them, then its own table of them.
    expect(stdout).toContain('::set-output name=status::succeeded')
    expect(stdout).toMatch(/Action Outputs[\s\S]*'status'\s*│\s*'succeeded'/)
    expect(stdout).not.toContain('::error::')
    expect(readFileSync(summaryFile, 'utf8')).toContain('Succeeded: web:2 on web')

    // DescribeServices is eventually consistent (and lags with the sandbox's realism on): read until the run's
    // last writes show, for as long as AWS's reads may lag.
    const { ecs } = sandboxClients(sandboxUrl)
    const primaryTaskDefinition = async () =>
      (
        await ecs.send(new DescribeServicesCommand({ cluster: 'local', services: ['web'] }))
      ).services![0].taskSets?.find(set => set.status === 'PRIMARY')?.taskDefinition
    let primary = await primaryTaskDefinition()
    for (const until = Date.now() + 15_000; !/web:2$/.test(primary ?? '') && Date.now() < until;)
      primary = await new Promise(resolve => setTimeout(resolve, 200)).then(primaryTaskDefinition)
    ecs.destroy()
    expect(primary).toMatch(/task-definition\/web:2$/)
  }, 180_000)
})
