import { describe, expect, it } from '@jest/globals'
import { computedCount, scalePercent } from '../../../src/aws/scale.js'

describe('scalePercent', () => {
  it('gives ECS exactly the target count for every desired count 1..200 and every target', () => {
    const wrong: string[] = []
    for (let desired = 1; desired <= 200; desired++)
      for (let target = 0; target <= desired; target++) {
        const percent = scalePercent(target, desired)
        // ECS's formula, and the other order of operations a server might use
        const counts = [computedCount(desired, percent), Math.ceil(desired * (percent / 100))]
        if (counts.some(c => c !== target) || percent < 0 || percent > 100)
          wrong.push(`${target}/${desired} → ${percent} → ${counts}`)
      }
    expect(wrong).toEqual([])
  })

  it('keeps the share proportional and readable', () => {
    expect(scalePercent(3, 10)).toBe(30)
    expect(scalePercent(1, 8)).toBe(12.5)
    expect(scalePercent(3, 7)).toBe(42.8571)
    expect(scalePercent(7, 25)).toBe(27.9999) // 25 × (28 / 100) is 7.000000000000001 in floating point
    expect(scalePercent(0, 10)).toBe(0)
    expect(scalePercent(10, 10)).toBe(100)
  })

  it('handles a desired count of 0 and refuses impossible counts', () => {
    expect(scalePercent(0, 0)).toBe(0)
    expect(() => scalePercent(1, 0)).toThrow(
      'cannot size a task set at 1 tasks of a service whose desired count is 0'
    )
    expect(() => scalePercent(11, 10)).toThrow('desired count is 10')
    expect(() => scalePercent(1.5, 10)).toThrow('1.5 tasks')
  })
})
