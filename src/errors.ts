// Error messages for a person: AWS errors keep their service error name, which is what people search for.

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const name = error.name && !['Error', 'InputError'].includes(error.name) ? `${error.name}: ` : ''
    return `${name}${error.message}`
  }
  return String(error)
}

/** What the SDK puts on an AWS error: whose fault it was, whether a retry may help, how often it tried. */
interface AwsErrorShape {
  name?: string
  $fault?: 'client' | 'server'
  $retryable?: { throttling?: boolean }
  $metadata?: { attempts?: number; httpStatusCode?: number }
}

/** The throttling codes the SDK retries (an API may not model them, so the error carries no $retryable). */
const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'TooManyRequestsException'
])

/** Whether an AWS error may pass by itself: throttled, or AWS's own fault. */
export function mayPass(error: unknown): boolean {
  const aws = error as AwsErrorShape | undefined
  if (!aws) return false
  const status = aws.$metadata?.httpStatusCode ?? 0
  return (
    aws.$fault === 'server' || status >= 500 || aws.$retryable !== undefined || THROTTLING.has(aws.name ?? '')
  )
}

/**
 * The message of an error that ended a run. An AWS error that may pass by itself (throttled, or AWS's own fault)
 * after the SDK's retries says so, and what to do: "AWS kept failing: ThrottlingException: Rate exceeded (3
 * attempts). This usually passes: run the step again …". Any other error is described as it is.
 */
export function failureMessage(error: unknown): string {
  const said = describeError(error)
  if (!mayPass(error)) return said
  const attempts = (error as AwsErrorShape).$metadata?.attempts
  return `AWS kept failing: ${said}${attempts ? ` (${attempts} attempts)` : ''}. This usually passes: run the step again (the log above shows how far this run got)`
}
