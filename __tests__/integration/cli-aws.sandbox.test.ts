// Every operation the action calls, driven with the AWS CLI against the sandbox (helpers/cli-contract.ts), and
// throttling as the CLI reads it. Skips with a notice where `aws` is missing; on CI (CI_REQUIRE_MOTO=1 or
// CI_REQUIRE_AWSCLI=1) that fails. The moto half is cli-aws.moto.test.ts, so jest runs the two side by side.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { awsCli, awsCliMode } from '../helpers/aws-cli.js'
import { CLI_SUITE_TIMEOUT_MS, contract } from '../helpers/cli-contract.js'
import { startSandboxTarget } from '../helpers/conformance-targets.js'
import { REALISM_OFF } from '../../sandbox/core/realism.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

const mode = awsCliMode('the AWS CLI conformance tests against the sandbox')
jest.setTimeout(CLI_SUITE_TIMEOUT_MS)

if (mode === 'missing-required') {
  it('needs the AWS CLI on CI', () => {
    throw new Error('the AWS CLI is required on CI but not installed: pip install awscli')
  })
} else if (mode === 'run') {
  contract('sandbox', startSandboxTarget)

  describe('throttling as the AWS CLI reads it', () => {
    let sandbox: Sandbox
    beforeAll(async () => {
      sandbox = await startSandbox({
        tickMs: 1000,
        realism: {
          ...REALISM_OFF,
          throttling: true,
          rates: {
            'ecs:ListClusters': { burst: 1, perSecond: 0 },
            'elbv2:DescribeLoadBalancers': { burst: 1, perSecond: 0 },
            'cloudwatch:DescribeAlarms': { burst: 1, perSecond: 0 }
          }
        }
      })
    })
    afterAll(() => sandbox.close())

    it('ECS, ELBv2 and CloudWatch throttles are the codes botocore retries', async () => {
      for (const [service, operation, code] of [
        ['ecs', 'ListClusters', 'ThrottlingException'],
        ['elbv2', 'DescribeLoadBalancers', 'Throttling'],
        ['cloudwatch', 'DescribeAlarms', 'Throttling']
      ] as const) {
        expect((await awsCli(sandbox.url, service, operation)).ok).toBe(true)
        const throttled = await awsCli(sandbox.url, service, operation)
        expect(throttled).toMatchObject({ ok: false, code })
        if (!throttled.ok) expect(throttled.stderr).toContain('Rate exceeded')
        // With retries the CLI keeps trying: it says how many it spent, which only a retryable error earns.
        const retried = await awsCli(sandbox.url, service, operation, {}, { AWS_MAX_ATTEMPTS: '2' })
        expect(retried).toMatchObject({ ok: false, code })
        if (!retried.ok) expect(retried.stderr).toContain('reached max retries: 1')
      }
    })
  })
} else {
  it.skip('the AWS CLI is not installed', () => undefined)
}
