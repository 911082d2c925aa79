import { ApiError } from '../core/errors.js'
import type { WireResponse } from './json.js'

type Node = Record<string, unknown>

/**
 * Decode an awsQuery form into the nested shape the SDK input types describe:
 * `A.member.2.B=x` becomes `{A: [, {B: 'x'}]}` (lists are compacted), `A.entry.1.key/value` maps become objects.
 * Scalars stay strings; handlers convert the numeric and boolean members they read.
 */
export function decodeQuery(body: string): { action: string; version: string; input: Node } {
  const form = new URLSearchParams(body)
  const root: Node = {}
  for (const [key, value] of form) {
    if (key === 'Action' || key === 'Version') continue
    setPath(root, key.split('.'), value)
  }
  return { action: form.get('Action') ?? '', version: form.get('Version') ?? '', input: finish(root) as Node }
}

const LIST_MARKER = Symbol('list')

function setPath(node: Node, path: string[], value: string): void {
  let current: Node = node
  for (let i = 0; i < path.length; i++) {
    let key = path[i]
    const last = i === path.length - 1
    if ((key === 'member' || key === 'entry') && i + 1 < path.length && /^\d+$/.test(path[i + 1])) {
      ;(current as Record<symbol, string>)[LIST_MARKER] = key
      key = path[++i]
      if (i === path.length - 1) {
        current[key] = value
        return
      }
    } else if (last) {
      // An empty list is sent as `Name=` with no members.
      if (!(key in current)) current[key] = value
      return
    }
    const next = current[key]
    if (!next || typeof next !== 'object') current[key] = {}
    current = current[key] as Node
  }
}

function finish(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value
  const node = value as Node & Record<symbol, string>
  const kind = node[LIST_MARKER]
  if (kind === 'member') {
    return Object.keys(node)
      .sort((a, b) => Number(a) - Number(b))
      .map(k => finish(node[k]))
  }
  if (kind === 'entry') {
    const map: Node = {}
    for (const entry of Object.values(node) as Node[]) map[String(entry.key)] = finish(entry.value)
    return map
  }
  const out: Node = {}
  for (const [k, v] of Object.entries(node)) out[k] = finish(v)
  return out
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** awsQuery XML: lists as `<member>` children, timestamps ISO 8601, booleans `true`/`false`. */
export function toXml(name: string, value: unknown): string {
  if (value === undefined || value === null) return ''
  if (Array.isArray(value)) return `<${name}>${value.map(v => toXml('member', v)).join('')}</${name}>`
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`
  if (typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([k, v]) => toXml(k, v))
      .join('')
    return `<${name}>${inner}</${name}>`
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`
}

export function xmlResponse(
  namespace: string,
  action: string,
  requestId: string,
  output: unknown
): WireResponse {
  const result =
    output && Object.keys(output).length > 0 ? toXml(`${action}Result`, output) : `<${action}Result/>`
  const body =
    `<${action}Response xmlns="${namespace}">${result}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body }
}

export function xmlError(requestId: string, error: ApiError): WireResponse {
  const body =
    `<ErrorResponse><Error><Type>${error.sender}</Type><Code>${escapeXml(error.queryCode ?? error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  return {
    status: error.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body
  }
}
