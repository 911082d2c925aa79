import { callFunction } from './mathFunctions.js'
import { ARITHMETIC, COMPARISON, LOGICAL, MathError, type MathNode } from './mathSyntax.js'
import {
  finite,
  kindName,
  mapPoints,
  scalar,
  series,
  unionTimes,
  type MathContext,
  type MathValue,
  type SeriesPoints,
  type TimeSeries
} from './mathValues.js'

/**
 * Evaluate metric math as CloudWatch does (Using math expressions with CloudWatch metrics):
 * - series are aligned on period timestamps; between two series an operator runs over every timestamp either
 *   has, a missing value counting as 0 ("Missing values in a time series are treated as 0"), and so do the
 *   comparison operators ("treats the missing value in the other time series as 0");
 * - a datapoint whose computation divides by zero (or is otherwise not finite) is dropped;
 * - comparisons and AND/OR yield 1 or 0; IF follows the reference's table of cases.
 */
export function evaluateMath(node: MathNode, ctx: MathContext): MathValue {
  switch (node.kind) {
    case 'number':
      return scalar(node.value)
    case 'string':
      return { kind: 'string', value: node.value }
    case 'word':
      return { kind: 'word', name: node.name }
    case 'id': {
      const value = ctx.lookup(node.name)
      if (!value) throw new MathError(`unknown id ${node.name}`)
      return value
    }
    case 'array': {
      const list: TimeSeries[] = []
      for (const item of node.items.map(i => evaluateMath(i, ctx))) {
        if (item.kind === 'TS') list.push(item.series)
        else if (item.kind === 'TS[]') list.push(...item.list)
        else throw new MathError(`an array holds time series, not ${kindName(item.kind)}`)
      }
      return { kind: 'TS[]', list }
    }
    case 'negate':
      return binary('*', scalar(-1), evaluateMath(node.node, ctx))
    case 'binary':
      return binary(node.op, evaluateMath(node.left, ctx), evaluateMath(node.right, ctx))
    case 'call': {
      const args = node.args.map(a => evaluateMath(a, ctx))
      return node.fn === 'IF' ? ifFunction(args) : callFunction(node.fn, args, ctx)
    }
  }
}

const truth = (v: number) => v !== 0

function operator(op: string): (a: number, b: number) => number {
  switch (op) {
    case '+':
      return (a, b) => a + b
    case '-':
      return (a, b) => a - b
    case '*':
      return (a, b) => a * b
    case '/':
      return (a, b) => a / b
    case '^':
      return (a, b) => a ** b
    case '==':
      return (a, b) => Number(a === b)
    case '!=':
      return (a, b) => Number(a !== b)
    case '<=':
      return (a, b) => Number(a <= b)
    case '>=':
      return (a, b) => Number(a >= b)
    case '<':
      return (a, b) => Number(a < b)
    case '>':
      return (a, b) => Number(a > b)
    case 'AND':
    case '&&':
      return (a, b) => Number(truth(a) && truth(b))
    case 'OR':
    case '||':
      return (a, b) => Number(truth(a) || truth(b))
  }
  throw new MathError(`unknown operator ${op}`)
}

function binary(op: string, left: MathValue, right: MathValue): MathValue {
  if (!ARITHMETIC.has(op) && !COMPARISON.has(op) && !LOGICAL.has(op))
    throw new MathError(`unknown operator ${op}`)
  const f = operator(op)
  const refuse = () =>
    new MathError(`the operator ${op} cannot combine ${kindName(left.kind)} and ${kindName(right.kind)}`)
  if (left.kind === 'S' && right.kind === 'S') return scalar(f(left.value, right.value))
  if (left.kind === 'TS' && right.kind === 'S')
    return series(mapPoints(left.series.points, v => f(v, right.value)))
  if (left.kind === 'S' && right.kind === 'TS')
    return series(mapPoints(right.series.points, v => f(left.value, v)))
  if (left.kind === 'TS' && right.kind === 'TS') return series(combine(left.series, right.series, f))
  // Arithmetic (not comparison) maps over an array: METRICS()/100, 100/[m1, m2], [m1, m2]/m3.
  if (!ARITHMETIC.has(op)) throw refuse()
  if (left.kind === 'TS[]' && (right.kind === 'S' || right.kind === 'TS')) {
    return {
      kind: 'TS[]',
      list: left.list.map(s => ({ label: s.label, points: pointsOf(binary(op, asSeries(s), right)) }))
    }
  }
  if (right.kind === 'TS[]' && (left.kind === 'S' || left.kind === 'TS')) {
    return {
      kind: 'TS[]',
      list: right.list.map(s => ({ label: s.label, points: pointsOf(binary(op, left, asSeries(s))) }))
    }
  }
  throw refuse()
}

const asSeries = (s: TimeSeries): MathValue => ({ kind: 'TS', series: s })
const pointsOf = (value: MathValue): SeriesPoints => (value.kind === 'TS' ? value.series.points : new Map())

function combine(a: TimeSeries, b: TimeSeries, f: (x: number, y: number) => number): SeriesPoints {
  const out: SeriesPoints = new Map()
  for (const t of unionTimes([a.points, b.points])) out.set(t, f(a.points.get(t) ?? 0, b.points.get(t) ?? 0))
  return finite(out)
}

/** IF(condition, trueValue[, falseValue]) with the reference's rules for missing datapoints on each side. */
function ifFunction(args: MathValue[]): MathValue {
  if (args.length < 2 || args.length > 3) throw new MathError(`IF takes 2 or 3 arguments, not ${args.length}`)
  const [condition, whenTrue, whenFalse] = args
  for (const branch of [whenTrue, whenFalse]) {
    if (branch && branch.kind !== 'S' && branch.kind !== 'TS')
      throw new MathError(`IF's values are scalars or time series, not ${kindName(branch.kind)}`)
  }
  if (condition.kind === 'S') return truth(condition.value) ? whenTrue : (whenFalse ?? series(new Map()))
  if (condition.kind !== 'TS')
    throw new MathError(`IF's condition is a scalar or a time series, not ${kindName(condition.kind)}`)
  const valueOf = (branch: MathValue, t: number, missing: number | undefined) =>
    branch.kind === 'S'
      ? branch.value
      : branch.kind === 'TS'
        ? (branch.series.points.get(t) ?? missing)
        : missing
  const out: SeriesPoints = new Map()
  for (const [t, c] of condition.series.points) {
    // A true condition with no value on the true side gives 0; a false one with none on the false side, nothing.
    const value = truth(c) ? valueOf(whenTrue, t, 0) : whenFalse && valueOf(whenFalse, t, undefined)
    if (value !== undefined) out.set(t, value)
  }
  return series(finite(out))
}
