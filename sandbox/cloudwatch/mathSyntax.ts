import jsep, { type Expression } from 'jsep'

/**
 * The syntax of CloudWatch metric math (Using math expressions with CloudWatch metrics, "Metric math syntax and
 * functions"): query ids, numbers, "strings" (METRICS' filter), [arrays], function calls in capitals, unary minus,
 * + - * / ^, the comparisons == != <= >= < > and the logical AND/&&, OR/||. jsep parses; this file turns its tree
 * into the few node kinds metric math has and refuses everything else (member access, ?:, !, literals like true).
 */
export type MathNode =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'id'; name: string }
  /** A bare capitalised word, as FILL's REPEAT and LINEAR. */
  | { kind: 'word'; name: string }
  | { kind: 'array'; items: MathNode[] }
  | { kind: 'negate'; node: MathNode }
  | { kind: 'binary'; op: string; left: MathNode; right: MathNode }
  | { kind: 'call'; fn: string; args: MathNode[] }

export const ARITHMETIC = new Set(['+', '-', '*', '/', '^'])
export const COMPARISON = new Set(['==', '!=', '<=', '>=', '<', '>'])
export const LOGICAL = new Set(['AND', '&&', 'OR', '||'])

// jsep's operator table is global; the sandbox is its only user in this process. Precedence as in metric math:
// OR < AND < comparison < + - < * / < ^ (right-associative), as in most languages.
for (const op of ['|', '^', '&', '!', '~', '%', '<<', '>>', '>>>', '===', '!==', '??', '**'])
  jsep.removeBinaryOp(op)
jsep.removeUnaryOp('!')
jsep.removeUnaryOp('~')
jsep.removeUnaryOp('+')
jsep.removeAllLiterals()
jsep.removeIdentifierChar('$')
jsep.addBinaryOp('OR', 1)
jsep.addBinaryOp('AND', 2)
jsep.addBinaryOp('^', 11, true)

/** A metric math expression that cannot be parsed or uses what metric math has not. */
export class MathError extends Error {}

export function parseMath(text: string): MathNode {
  let tree: Expression
  try {
    tree = jsep(text)
  } catch (e) {
    throw new MathError(`syntax error: ${(e as Error).message}`)
  }
  return convert(tree)
}

function convert(node: Expression): MathNode {
  switch (node.type) {
    case 'Literal':
      if (typeof node.value === 'number') return { kind: 'number', value: node.value }
      if (typeof node.value === 'string') return { kind: 'string', value: node.value }
      break
    case 'Identifier': {
      const name = node.name as string
      return /^[a-z]/.test(name) ? { kind: 'id', name } : { kind: 'word', name }
    }
    case 'ArrayExpression':
      return { kind: 'array', items: (node.elements as (Expression | null)[]).map(e => convertPresent(e)) }
    case 'UnaryExpression':
      if (node.operator === '-') return { kind: 'negate', node: convert(node.argument as Expression) }
      break
    case 'BinaryExpression':
      return {
        kind: 'binary',
        op: node.operator as string,
        left: convert(node.left as Expression),
        right: convert(node.right as Expression)
      }
    case 'CallExpression': {
      const callee = node.callee as Expression
      if (callee.type !== 'Identifier' || !/^[A-Z][A-Z0-9_]*$/.test(callee.name as string)) {
        throw new MathError('only functions written in capital letters can be called')
      }
      return {
        kind: 'call',
        fn: callee.name as string,
        args: (node.arguments as Expression[]).map(convert)
      }
    }
    case 'Compound':
      throw new MathError('two expressions without an operator between them')
  }
  throw new MathError(`unsupported syntax: ${describe(node)}`)
}

function convertPresent(node: Expression | null): MathNode {
  if (!node) throw new MathError('an empty element in an array')
  return convert(node)
}

function describe(node: Expression): string {
  if (node.type === 'Literal') return String(node.raw)
  if (node.type === 'UnaryExpression') return `unary ${String(node.operator)}`
  if (node.type === 'MemberExpression') return 'member access (.)'
  if (node.type === 'ConditionalExpression') return 'the ?: operator'
  return node.type
}
