// The IAM policies of docs/iam.md, read back from the document itself so the document and the test of least
// privilege cannot drift apart: each policy follows a `<!-- policy: NAME -->` marker as a ```json block.

import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

export const IAM_DOC = resolve(import.meta.dirname, '../../docs/iam.md')

interface Statement {
  Effect: string
  Action: string | string[]
  Resource: string | string[]
  Condition?: unknown
}

export interface Policy {
  Version: string
  Statement: Statement[]
}

export function readPolicies(text = readFileSync(IAM_DOC, 'utf8')): Record<string, Policy> {
  const policies: Record<string, Policy> = {}
  for (const m of text.matchAll(/<!-- policy: ([a-z-]+) -->\s*```json\n([\s\S]*?)\n```/g))
    policies[m[1]] = JSON.parse(m[2]) as Policy
  return policies
}

/** The policy's allowed actions that the sandbox knows (ECS, ELBv2, CloudWatch): iam:PassRole it cannot check. */
export function sandboxActions(policy: Policy): string[] {
  return policy.Statement.filter(s => s.Effect === 'Allow')
    .flatMap(s => (Array.isArray(s.Action) ? s.Action : [s.Action]))
    .filter(a => /^(ecs|elasticloadbalancing|cloudwatch):/.test(a))
}
