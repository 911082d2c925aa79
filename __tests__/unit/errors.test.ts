// A run that AWS ended (its last call failed past the SDK's retries) says whether that may pass, and what to do.

import { describe, expect, it } from '@jest/globals'
import { failureMessage } from '../../src/errors.js'

/** An error as the SDK throws it: a named Error carrying $fault, $metadata and, if modelled, $retryable. */
function awsError(name: string, message: string, shape: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { name, ...shape })
}

describe('failureMessage', () => {
  const AGAIN = '. This usually passes: run the step again (the log above shows how far this run got)'
  it.each([
    [
      'throttled, not modelled by the API (no $retryable): by its name',
      awsError('ThrottlingException', 'Rate exceeded', { $fault: 'client', $metadata: { attempts: 3 } }),
      `AWS kept failing: ThrottlingException: Rate exceeded (3 attempts)${AGAIN}`
    ],
    [
      "AWS's own fault",
      awsError('ServerException', 'internal error', { $fault: 'server', $metadata: { attempts: 5 } }),
      `AWS kept failing: ServerException: internal error (5 attempts)${AGAIN}`
    ],
    [
      'a 503 without a fault',
      awsError('ServiceUnavailable', 'try later', { $metadata: { httpStatusCode: 503 } }),
      `AWS kept failing: ServiceUnavailable: try later${AGAIN}`
    ],
    [
      'a modelled retryable error',
      awsError('LimitExceeded', 'slow down', { $fault: 'client', $retryable: { throttling: true } }),
      `AWS kept failing: LimitExceeded: slow down${AGAIN}`
    ],
    [
      'refused for good (a missing permission): as it is, no advice to retry',
      awsError('AccessDeniedException', 'not authorized to perform ecs:UpdateService', {
        $fault: 'client',
        $metadata: { attempts: 1, httpStatusCode: 400 }
      }),
      'AccessDeniedException: not authorized to perform ecs:UpdateService'
    ],
    [
      'not an AWS error',
      new Error('the route did not keep the weights'),
      'the route did not keep the weights'
    ]
  ])('%s', (_case, error, message) => {
    expect(failureMessage(error)).toBe(message)
  })
})
