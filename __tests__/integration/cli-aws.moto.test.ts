// Every operation the action calls that moto has, driven with the AWS CLI against moto (helpers/cli-contract.ts):
// the same contract as against the sandbox (cli-aws.sandbox.test.ts), in its own file so the two run side by side.
// Skips with a notice where `aws` or moto is missing; on CI (CI_REQUIRE_MOTO=1) that fails.
import { it, jest } from '@jest/globals'
import { awsCliMode } from '../helpers/aws-cli.js'
import { CLI_SUITE_TIMEOUT_MS, contract } from '../helpers/cli-contract.js'
import { startMotoTarget } from '../helpers/conformance-targets.js'
import { motoMode } from '../helpers/moto.js'

const cli = awsCliMode('the AWS CLI conformance tests against moto')
const moto = cli === 'run' ? motoMode('the AWS CLI conformance tests') : cli
jest.setTimeout(CLI_SUITE_TIMEOUT_MS)

if (moto === 'run') contract('moto', startMotoTarget)
else if (moto === 'missing-required')
  it('needs the AWS CLI and moto on CI', () => {
    throw new Error(
      'CI_REQUIRE_MOTO=1 but the AWS CLI or moto is not installed: pip install awscli moto[server]'
    )
  })
else it.skip('the AWS CLI or moto is not installed', () => undefined)
