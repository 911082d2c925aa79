// The AWS CLI (Python, botocore) as a second client: its parsers, not ours, read the sandbox's wire format.
// One helper for every suite that drives the sandbox (or moto) with it.
import { execFile, spawnSync } from 'node:child_process'

let resolved: string[] | null | undefined

/**
 * How to run the CLI here, or null: the Python that has `awscli` (sparing every call the pyenv shim), else `aws`
 * on the PATH.
 */
function cliCommand(): string[] | null {
  if (resolved !== undefined) return resolved
  const python = spawnSync('python3', ['-c', 'import awscli, sys; print(sys.executable)'], {
    encoding: 'utf8',
    timeout: 120_000
  })
  if (python.status === 0 && python.stdout.trim()) resolved = [python.stdout.trim(), '-m', 'awscli']
  else
    resolved =
      spawnSync('aws', ['--version'], { stdio: 'ignore', timeout: 120_000 }).status === 0 ? ['aws'] : null
  return resolved
}

/**
 * Whether a suite's CLI tests run. On CI (`CI_REQUIRE_AWSCLI=1`, or `CI_REQUIRE_MOTO=1`, which CI sets for the
 * second-client suites) a missing AWS CLI is an error; elsewhere they skip with a visible notice.
 */
export function awsCliMode(suite: string): 'run' | 'skip' | 'missing-required' {
  if (cliCommand() !== null) return 'run'
  if (process.env.CI_REQUIRE_AWSCLI === '1' || process.env.CI_REQUIRE_MOTO === '1') return 'missing-required'
  console.warn(`the AWS CLI was not found: skipping ${suite} (install it with: pip install awscli)`)
  return 'skip'
}

/**
 * `it` for a suite's CLI tests: `it` where the CLI runs, `it.skip` (with the notice) where it is missing, and a
 * test that fails saying so where CI requires it.
 */
export function cliIt(suite: string, it: TestFn & { skip: TestFn }): TestFn {
  const mode = awsCliMode(suite)
  if (mode === 'run') return it
  if (mode === 'skip') return it.skip
  return name =>
    it(name, async () => {
      throw new Error(`the AWS CLI is required on CI (${suite}) but not installed: pip install awscli`)
    })
}

type TestFn = (name: string, fn: () => Promise<void>, timeout?: number) => void

/** The CLI takes seconds to start on a busy machine; a suite's CLI tests need a test timeout of several calls. */
export const CLI_TIMEOUT_MS = 120_000

export type CliResult =
  { ok: true; out: Record<string, unknown> } | { ok: false; code: string; stderr: string }

/** `DescribeServices` → `describe-services`. */
const command = (operation: string) => operation.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()

/**
 * Run one operation with the AWS CLI against `endpoint`, the input given as --cli-input-json, one attempt, and
 * no configuration or credentials from this machine. An error comes back with the code the CLI printed.
 */
export function awsCli(
  endpoint: string,
  service: 'ecs' | 'cloudwatch' | 'elbv2',
  operation: string,
  input: Record<string, unknown> = {},
  env: Record<string, string> = {}
): Promise<CliResult> {
  const [program, ...prefix] = cliCommand() ?? ['aws']
  const args = [...prefix, service, command(operation), '--endpoint-url', endpoint, '--output', 'json']
  if (Object.keys(input).length) args.push('--cli-input-json', JSON.stringify(input))
  return new Promise(resolve => {
    execFile(
      program,
      args,
      {
        timeout: CLI_TIMEOUT_MS,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          AWS_ACCESS_KEY_ID: 'cli',
          AWS_SECRET_ACCESS_KEY: 'cli',
          AWS_DEFAULT_REGION: 'us-east-1',
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
          AWS_RETRY_MODE: 'standard',
          AWS_MAX_ATTEMPTS: '1',
          ...env
        }
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ ok: true, out: stdout.trim() ? JSON.parse(stdout) : {} })
        const code = /An error occurred \(([^)]+)\)/.exec(stderr)?.[1] ?? `exit ${error.code}`
        resolve({ ok: false, code, stderr })
      }
    )
  })
}
