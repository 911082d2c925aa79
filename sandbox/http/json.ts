import { ApiError } from '../core/errors.js'

/** Prepare a response for an awsJson protocol: timestamps become epoch seconds, undefined members vanish. */
export function toJsonWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000
  if (Array.isArray(value)) return value.map(toJsonWire)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) out[key] = toJsonWire(member)
    }
    return out
  }
  return value
}

export interface WireResponse {
  status: number
  headers: Record<string, string>
  body: string
  /** Drop the connection instead of answering (the call has taken effect; its answer is lost). */
  reset?: boolean
}

export function jsonResponse(version: '1.0' | '1.1', requestId: string, output: unknown): WireResponse {
  return {
    status: 200,
    headers: { 'content-type': `application/x-amz-json-${version}`, 'x-amzn-requestid': requestId },
    body: JSON.stringify(toJsonWire(output ?? {}))
  }
}

/**
 * awsJson errors: `__type` names the exception. A query-compatible service (CloudWatch) also sends
 * `x-amzn-query-error: Code;Sender`, from which the SDK sets `e.Code` as it would from an XML error.
 */
export function jsonError(
  version: '1.0' | '1.1',
  requestId: string,
  error: ApiError,
  queryCompatible: boolean
): WireResponse {
  const headers: Record<string, string> = {
    'content-type': `application/x-amz-json-${version}`,
    'x-amzn-requestid': requestId
  }
  if (queryCompatible) headers['x-amzn-query-error'] = `${error.queryCode ?? error.code};${error.sender}`
  return {
    status: error.status,
    headers,
    body: JSON.stringify({ __type: error.code, message: error.message })
  }
}
