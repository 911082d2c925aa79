/**
 * Metric math for GetMetricData and alarms: query ids, numbers, + - * /, unary minus and parentheses.
 * Series combine on matching timestamps; a result with no value (e.g. division by zero) is dropped.
 */
export type SeriesPoints = Map<number, number>
type Value = SeriesPoints | number

export function evaluateExpression(
  text: string,
  lookup: (id: string) => SeriesPoints | undefined
): SeriesPoints {
  const tokens = text.match(/\s*([A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|[-+*/()])/g)?.map(t => t.trim()) ?? []
  if (tokens.join('').length !== text.replace(/\s+/g, '').length)
    throw new Error(`unsupported expression: ${text}`)
  let pos = 0
  const atom = (): Value => {
    const token = tokens[pos++]
    if (token === undefined) throw new Error('unexpected end of expression')
    if (token === '(') {
      const value = sum()
      if (tokens[pos++] !== ')') throw new Error('missing )')
      return value
    }
    if (token === '-') return apply(0, atom(), (a, b) => a - b)
    if (/^\d/.test(token)) return Number(token)
    const series = lookup(token)
    if (!series) throw new Error(`unknown id or function in expression: ${token}`)
    return series
  }
  const product = (): Value => {
    let value = atom()
    while (tokens[pos] === '*' || tokens[pos] === '/') {
      const op = tokens[pos++]
      value = apply(value, atom(), op === '*' ? (a, b) => a * b : (a, b) => a / b)
    }
    return value
  }
  const sum = (): Value => {
    let value = product()
    while (tokens[pos] === '+' || tokens[pos] === '-') {
      const op = tokens[pos++]
      value = apply(value, product(), op === '+' ? (a, b) => a + b : (a, b) => a - b)
    }
    return value
  }
  const result = sum()
  if (pos !== tokens.length) throw new Error(`unexpected ${tokens[pos]} in expression`)
  if (typeof result === 'number') throw new Error('an expression must refer to at least one metric')
  return result
}

function apply(a: Value, b: Value, op: (x: number, y: number) => number): Value {
  if (typeof a === 'number' && typeof b === 'number') return op(a, b)
  const out: SeriesPoints = new Map()
  const keys = typeof a === 'number' ? (b as SeriesPoints).keys() : a.keys()
  for (const t of keys) {
    const x = typeof a === 'number' ? a : a.get(t)
    const y = typeof b === 'number' ? b : b.get(t)
    if (x === undefined || y === undefined) continue
    const value = op(x, y)
    if (Number.isFinite(value)) out.set(t, value)
  }
  return out
}
