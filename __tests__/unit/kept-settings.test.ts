// The service's own deploymentConfiguration values as one tag value of the rollout record
// (plan/kept-settings.ts): what comes back is what went in, and what a tag cannot hold is refused, not mangled.

import { describe, expect, it } from '@jest/globals'
import type { OwnedValues } from '../../src/plan/hold-hook.js'
import { decodeSettings, encodeSettings } from '../../src/plan/kept-settings.js'

describe('encodeSettings / decodeSettings', () => {
  it.each<[string, OwnedValues, string]>([
    ['a rolling service', { strategy: 'ROLLING' }, 's=ROLLING'],
    [
      'a canary service with its own bakes',
      {
        strategy: 'CANARY',
        bakeTimeInMinutes: 5,
        canaryConfiguration: { canaryPercent: 2.5, canaryBakeTimeInMinutes: 3 }
      },
      's=CANARY b=5 cp=2.5 cb=3'
    ],
    [
      'every field, linear and canary both set',
      {
        strategy: 'BLUE_GREEN',
        bakeTimeInMinutes: 20160,
        linearConfiguration: { stepPercent: 33.3, stepBakeTimeInMinutes: 1440 },
        canaryConfiguration: { canaryPercent: 0.1, canaryBakeTimeInMinutes: 1440 }
      },
      's=BLUE_GREEN b=20160 lp=33.3 lb=1440 cp=0.1 cb=1440'
    ],
    ['nothing set: a tag still needs a value', {}, '-'],
    [
      'a field ECS may add later keeps its dotted name',
      { linearConfiguration: { stepPercent: 10, newKnob: true } },
      'lp=10 linearConfiguration.newKnob=true'
    ]
  ])('%s', (_, values, text) => {
    expect(encodeSettings(values)).toBe(text)
    expect(decodeSettings(text)).toEqual(values)
  })

  it.each<[string, OwnedValues]>([
    ['a word with a space', { strategy: 'A B' }],
    ['a word a tag cannot hold', { strategy: 'CANARY{}' }],
    ['a word that would come back as a number', { strategy: '42' }],
    ['a list', { linearConfiguration: { steps: [1, 2] } }],
    ['more than 256 characters', { strategy: 'X'.repeat(260) }]
  ])('refused (undefined) rather than mangled: %s', (_, values) => {
    expect(encodeSettings(values)).toBeUndefined()
  })

  it('a record without them (an older version, or no native rollout) has none', () => {
    expect(decodeSettings(undefined)).toBeUndefined()
  })
})
