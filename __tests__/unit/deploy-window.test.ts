// Deploy windows and freezes: the pure decision (src/plan/deploy-window.ts) over parsed inputs
// (src/config/deploy-window-inputs.ts), pinned with instants on DST edges, overnight and several windows, and
// how a deploy refuses or waits (src/commands/deploy-window-check.ts) on a fake clock.

import { describe, expect, it } from '@jest/globals'
import { parseDeployWindows, parseFreezes } from '../../src/config/deploy-window-inputs.js'
import { awaitDeployWindow } from '../../src/commands/deploy-window-check.js'
import { readConfig } from '../../src/config/inputs.js'
import { describeOpening, nextOpening, windowVerdict } from '../../src/plan/deploy-window.js'
import { FakeClock } from '../helpers/fake-world.js'

const at = (iso: string) => Date.parse(iso)
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString())
const config = (windows: string, freeze = '') => ({
  windows: parseDeployWindows(windows),
  freezes: parseFreezes(freeze)
})

describe('windowVerdict and nextOpening', () => {
  // [case, windows, freeze, now (UTC), open?, next opening (UTC) when closed]
  const table: [string, string, string, string, boolean, string | undefined][] = [
    // Berlin is UTC+1 in December: 09:00-16:00 local is 08:00-15:00Z.
    ['inside, winter', 'Mon-Thu 09:00-16:00 Europe/Berlin', '', '2026-12-03T08:30:00Z', true, undefined],
    ['at the start minute', 'Mon-Thu 09:00-16:00 Europe/Berlin', '', '2026-12-03T08:00:00Z', true, undefined],
    [
      'at the end minute: closed, opens Monday',
      'Mon-Thu 09:00-16:00 Europe/Berlin',
      '',
      '2026-12-03T15:00:00Z',
      false,
      '2026-12-07T08:00:00.000Z'
    ],
    // Summer (UTC+2): the same local window is 07:00-14:00Z.
    ['summer offset', 'Mon-Thu 09:00-16:00 Europe/Berlin', '', '2026-07-02T13:30:00Z', true, undefined],
    [
      'summer, after',
      'Mon-Thu 09:00-16:00 Europe/Berlin',
      '',
      '2026-07-02T14:30:00Z',
      false,
      '2026-07-06T07:00:00.000Z'
    ],
    // DST starts Sunday 2026-03-29 in Berlin (02:00 → 03:00): Friday's closed window opens Monday 09:00 CEST.
    [
      'across spring-forward',
      'Mon-Fri 09:00-16:00 Europe/Berlin',
      '',
      '2026-03-27T16:00:00Z',
      false,
      '2026-03-30T07:00:00.000Z'
    ],
    // A window starting in the gap (02:30 does not exist that Sunday) opens when the gap ends, 03:00 CEST.
    [
      'start inside the DST gap',
      'Sun 02:30-05:00 Europe/Berlin',
      '',
      '2026-03-29T00:00:00Z',
      false,
      '2026-03-29T01:30:00.000Z'
    ],
    // DST ends Sunday 2026-10-25 (03:00 → 02:00): 01:30Z is 02:30 CET, the second 02:30 that night.
    [
      'inside on fall-back night',
      'Sun 02:00-04:00 Europe/Berlin',
      '',
      '2026-10-25T01:30:00Z',
      true,
      undefined
    ],
    // New York: 22:00-02:00 overnight, Friday night into Saturday morning.
    [
      'overnight, before midnight',
      'Fri 22:00-02:00 America/New_York',
      '',
      '2026-12-05T03:30:00Z',
      true,
      undefined
    ],
    [
      'overnight, after midnight',
      'Fri 22:00-02:00 America/New_York',
      '',
      '2026-12-05T06:30:00Z',
      true,
      undefined
    ],
    [
      'overnight, after its end',
      'Fri 22:00-02:00 America/New_York',
      '',
      '2026-12-05T07:30:00Z',
      false,
      '2026-12-12T03:00:00.000Z'
    ],
    [
      'overnight, not the morning after Thursday',
      'Fri 22:00-02:00 America/New_York',
      '',
      '2026-12-04T06:30:00Z',
      false,
      '2026-12-05T03:00:00.000Z'
    ],
    // Several windows: any one open is enough, and the earliest opening wins.
    [
      'several, second open',
      'Mon-Thu 09:00-16:00 Europe/Berlin; Sat 10:00-12:00 UTC',
      '',
      '2026-12-05T11:00:00Z',
      true,
      undefined
    ],
    [
      'several, earliest next',
      'Mon-Thu 09:00-16:00 Europe/Berlin\nSat 10:00-12:00 UTC',
      '',
      '2026-12-04T12:00:00Z',
      false,
      '2026-12-05T10:00:00.000Z'
    ],
    ['range wrapping Sunday', 'Fri-Mon 00:00-24:00', '', '2026-12-07T23:59:00Z', true, undefined],
    // Freezes: closed whatever the windows say; the opening is the first window time after the freeze.
    [
      'frozen, no windows',
      '',
      '2026-12-20..2027-01-04 Europe/Berlin',
      '2026-12-24T12:00:00Z',
      false,
      '2027-01-04T23:00:00.000Z'
    ],
    [
      'frozen inside a window',
      'Mon-Thu 09:00-16:00 Europe/Berlin',
      '2026-12-07..2026-12-08 Europe/Berlin',
      '2026-12-07T09:00:00Z',
      false,
      '2026-12-09T08:00:00.000Z'
    ],
    // A freeze that ends during a window opens at the freeze's end.
    [
      'freeze ends mid-window',
      'Mon-Thu 09:00-16:00 UTC',
      '2026-12-07T00:00..2026-12-07T12:30 UTC',
      '2026-12-07T10:00:00Z',
      false,
      '2026-12-07T12:30:00.000Z'
    ],
    ['after a freeze', '', '2026-12-20..2027-01-04', '2027-01-05T00:00:00Z', true, undefined]
  ]
  it.each(table)('%s', (_, windows, freeze, now, open, next) => {
    const verdict = windowVerdict(config(windows, freeze), at(now))
    expect(verdict.open).toBe(open)
    if (!verdict.open) expect(iso(verdict.opensAt)).toBe(next)
  })

  it('names the freeze, or every window, it is refused by', () => {
    expect(
      windowVerdict(config('Mon 09:00-10:00 UTC; Tue 09:00-10:00 UTC'), at('2026-12-03T08:00:00Z'))
    ).toEqual({
      open: false,
      why: 'outside the deploy windows Mon 09:00-10:00 UTC; Tue 09:00-10:00 UTC',
      opensAt: at('2026-12-07T09:00:00Z')
    })
    const frozen = windowVerdict(
      config('', '2026-12-20..2027-01-04 Europe/Berlin'),
      at('2026-12-24T00:00:00Z')
    )
    expect(frozen).toMatchObject({ open: false, why: 'in the freeze 2026-12-20..2027-01-04 Europe/Berlin' })
  })

  it('says nothing opens when every window is frozen for longer than a year', () => {
    expect(
      nextOpening(config('Mon 09:00-10:00 UTC', '2026-01-01..2028-01-01'), at('2026-06-01T00:00:00Z'))
    ).toBe(undefined)
  })

  it('tells an opening in the window’s zone and in UTC', () => {
    expect(describeOpening(at('2026-12-07T08:00:00Z'), 'Europe/Berlin')).toBe(
      'Mon 2026-12-07 09:00 Europe/Berlin (2026-12-07 08:00 UTC)'
    )
    expect(describeOpening(at('2026-12-07T08:00:00Z'), 'UTC')).toBe('Mon 2026-12-07 08:00 UTC')
  })
})

describe('parsing deploy-window and freeze', () => {
  it('reads days, ranges, lists and zones', () => {
    expect(
      parseDeployWindows('Mon-Thu 09:00-16:00 Europe/Berlin\nsat,Sun 7:30-24:00; daily 22:00-02:00 UTC')
    ).toEqual([
      {
        text: 'Mon-Thu 09:00-16:00 Europe/Berlin',
        days: [1, 2, 3, 4],
        startMin: 540,
        endMin: 960,
        zone: 'Europe/Berlin'
      },
      { text: 'sat,Sun 7:30-24:00', days: [6, 7], startMin: 450, endMin: 1440, zone: 'UTC' },
      { text: 'daily 22:00-02:00 UTC', days: [1, 2, 3, 4, 5, 6, 7], startMin: 1320, endMin: 120, zone: 'UTC' }
    ])
  })

  const bad: [string, () => unknown, string][] = [
    [
      'no hours',
      () => parseDeployWindows('Mon-Thu'),
      'deploy-window: "Mon-Thu" is not a window: write DAYS HH:MM-HH:MM'
    ],
    ['unknown day', () => parseDeployWindows('Mon-Fry 09:00-16:00'), '"Mon-Fry" is not a day'],
    [
      'bad zone',
      () => parseDeployWindows('Mon 09:00-16:00 Europe/Bonn'),
      '"Europe/Bonn" is not an IANA time zone'
    ],
    ['bad time', () => parseDeployWindows('Mon 09:00-25:00'), '25:00 is not a time of day'],
    ['empty window', () => parseDeployWindows('Mon 09:00-09:00'), 'starts and ends at the same time'],
    ['freeze form', () => parseFreezes('Christmas'), 'freeze: "Christmas" is not a date range'],
    ['freeze date', () => parseFreezes('2026-02-30..2026-03-02'), '"2026-02-30" is not a real date'],
    ['freeze backwards', () => parseFreezes('2026-03-02..2026-03-01'), 'ends before it starts']
  ]
  it.each(bad)('refuses %s', (_, parse, message) => {
    expect(parse).toThrow(message)
  })
})

describe('awaitDeployWindow (fake clock)', () => {
  const base = readConfig(
    n =>
      ({
        service: 'web',
        'task-definition': 'web:7',
        'deploy-window': 'Mon-Thu 09:00-16:00 Europe/Berlin',
        timeout: '96h'
      })[n] ?? ''
  )
  const friday = at('2026-12-04T10:00:00Z')

  it('refuses outside the window with nothing changed, saying when it opens', async () => {
    await expect(awaitDeployWindow(base, { clock: new FakeClock(friday) })).rejects.toThrow(
      'deploy is outside the deploy window Mon-Thu 09:00-16:00 Europe/Berlin: nothing was changed; it opens next Mon 2026-12-07 09:00 Europe/Berlin (2026-12-07 08:00 UTC). Run it then, or set on-outside-window: wait'
    )
  })

  it('waits for the window with on-outside-window: wait, then lets the change start', async () => {
    const clock = new FakeClock(friday)
    await awaitDeployWindow({ ...base, window: { ...base.window, onOutside: 'wait' } }, { clock })
    expect(iso(clock.now())).toBe('2026-12-07T08:00:00.000Z')
  })

  it('refuses to wait past timeout', async () => {
    const config = { ...base, timeoutMs: 3_600_000, window: { ...base.window, onOutside: 'wait' as const } }
    await expect(awaitDeployWindow(config, { clock: new FakeClock(friday) })).rejects.toThrow(
      'after timeout (1h) would end'
    )
  })

  it('never blocks a rollback', async () => {
    await expect(
      awaitDeployWindow({ ...base, command: 'rollback' }, { clock: new FakeClock(friday) })
    ).resolves.toBeUndefined()
  })
})
