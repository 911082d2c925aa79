// The bundled action run as the runner runs it, for command: plan (no AWS needed with desired-count).

import { describe, expect, it } from '@jest/globals'
import { runBundled } from '../helpers/action.js'

describe('dist/index.js command: plan', () => {
  it('prints a 10-step linear plan, writes the summary and sets status=planned', async () => {
    const result = await runBundled({
      command: 'plan',
      'desired-count': '10',
      strategy: 'linear',
      'step-percent': '10'
    })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('planned')
    const rows = result.summary.match(/<tr><td>\d+<\/td>/g) ?? []
    expect(rows).toHaveLength(10)
    expect(result.summary).toContain('<td>10%</td>')
    expect(result.summary).toContain('Nothing was changed')
    expect(result.stdout).toMatch(/10\s+100%\s+10\s+0\s+100% \(by tasks\)/)
  })

  it('fails with a message naming the input on an invalid value, changing nothing', async () => {
    const result = await runBundled({
      command: 'plan',
      'desired-count': '10',
      strategy: 'linear',
      'step-percent': '110'
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('::error::step-percent: "110" is not a percentage between 1 and 100')
    expect(result.outputs.status).toBe('failed')
    expect(result.outputs.reason).toBe('step-percent: "110" is not a percentage between 1 and 100')
    expect(result.summary).toContain('Invalid input: nothing was changed')
  })

  it('escapes hostile values in the summary', async () => {
    const result = await runBundled({
      command: 'plan',
      'desired-count': '4',
      strategy: '<img src=x onerror=alert(1)>'
    })
    expect(result.code).toBe(1)
    expect(result.summary).not.toContain('<img')
    expect(result.summary).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})
