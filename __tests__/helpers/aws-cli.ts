// Run the AWS CLI (botocore: a parser nobody here wrote) against a local endpoint, to check a wire format.
import { execFile, spawnSync } from 'node:child_process'

/** Whether `aws` runs here; without it a suite skips its CLI half with a visible notice. */
export function awsCliInstalled(suite: string): boolean {
  // A PATH lookup, not `aws --version`: the CLI takes seconds to start on a busy machine.
  const probe = spawnSync('sh', ['-c', 'command -v aws'], { stdio: 'ignore', timeout: 10_000 })
  if (probe.status === 0) return true
  console.warn(
    `AWS CLI not found: skipping the AWS CLI checks of ${suite} (install it with: pip install awscli)`
  )
  return false
}

/** The CLI takes seconds to start on a busy machine; a suite's CLI tests need a test timeout of several calls. */
export const CLI_TIMEOUT_MS = 90_000

export interface CliResult {
  code: number
  /** Parsed JSON output (undefined when the command printed nothing). */
  json: unknown
  stderr: string
}

/** `aws --endpoint-url URL --region us-east-1 --output json ARGS…`; resolves with the exit code, never throws. */
export function awsCli(endpoint: string, args: string[]): Promise<CliResult> {
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'y',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '1'
  }
  return new Promise(resolve => {
    execFile(
      'aws',
      ['--endpoint-url', endpoint, '--region', 'us-east-1', '--output', 'json', ...args],
      { env, timeout: CLI_TIMEOUT_MS },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, json: stdout.trim() ? JSON.parse(stdout) : undefined, stderr })
      }
    )
  })
}
