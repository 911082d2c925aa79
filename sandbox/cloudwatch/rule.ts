import type { RuleNode, StateValue } from './model.js'

const STATES = new Set(['ALARM', 'OK', 'INSUFFICIENT_DATA'])

function tokenize(text: string): string[] {
  const tokens: string[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (/\s/.test(c)) i++
    else if (c === '(' || c === ')') tokens.push(text[i++])
    else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1)
      if (end < 0) throw new Error('unterminated quoted alarm name')
      tokens.push(text.slice(i, end + 1))
      i = end + 1
    } else {
      let j = i
      while (j < text.length && !/[\s()]/.test(text[j])) j++
      tokens.push(text.slice(i, j))
      i = j
    }
  }
  return tokens
}

export function parseRule(text: string): RuleNode {
  const tokens = tokenize(text)
  let pos = 0
  const peek = () => tokens[pos]
  const expect = (token: string) => {
    if (tokens[pos] !== token) throw new Error(`expected ${token} at token ${pos + 1}`)
    pos++
  }
  const primary = (): RuleNode => {
    const token = tokens[pos++]
    if (token === undefined) throw new Error('unexpected end of rule')
    if (token === 'NOT') return { kind: 'not', node: primary() }
    if (token === '(') {
      const node = or()
      expect(')')
      return node
    }
    if (token === 'TRUE' || token === 'FALSE') return { kind: 'const', value: token === 'TRUE' }
    if (STATES.has(token)) {
      expect('(')
      const name = tokens[pos++]
      if (name === undefined || name === ')') throw new Error(`${token}() needs an alarm name`)
      expect(')')
      return { kind: 'state', state: token as StateValue, alarm: name.replace(/^["']|["']$/g, '') }
    }
    throw new Error(`unexpected token ${token}`)
  }
  const and = (): RuleNode => {
    let node = primary()
    while (peek() === 'AND') {
      pos++
      node = { kind: 'and', left: node, right: primary() }
    }
    return node
  }
  const or = (): RuleNode => {
    let node = and()
    while (peek() === 'OR') {
      pos++
      node = { kind: 'or', left: node, right: and() }
    }
    return node
  }
  const node = or()
  if (pos !== tokens.length) throw new Error(`unexpected token ${tokens[pos]}`)
  return node
}

export function evalRule(node: RuleNode, stateOf: (alarm: string) => StateValue | undefined): boolean {
  switch (node.kind) {
    case 'const':
      return node.value
    case 'state':
      return stateOf(node.alarm) === node.state
    case 'not':
      return !evalRule(node.node, stateOf)
    case 'and':
      return evalRule(node.left, stateOf) && evalRule(node.right, stateOf)
    case 'or':
      return evalRule(node.left, stateOf) || evalRule(node.right, stateOf)
  }
}

export function ruleAlarms(node: RuleNode): string[] {
  switch (node.kind) {
    case 'const':
      return []
    case 'state':
      return [node.alarm]
    case 'not':
      return ruleAlarms(node.node)
    default:
      return [...ruleAlarms(node.left), ...ruleAlarms(node.right)]
  }
}
