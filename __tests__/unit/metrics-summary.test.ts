// The job summary's Metrics section: per step, each metric for the new and the stable revision with its verdict,
// how it was judged and the requests served; and the Mermaid charts, which are PARSED here by mermaid's own parser
// (mermaid.parse under jsdom, in a process of its own: __tests__/helpers/mermaid-parse.mjs says why).
// @mermaid-js/parser, the standalone one, has no xychart grammar.

import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { MetricReading, RolloutEvent } from '../../src/engine/events.js'
import { metricCharts, mermaidLabel } from '../../src/report/metric-chart.js'
import { renderSummary } from '../../src/report/summary.js'
import { Story, canary, linear, plan } from '../helpers/rollout-story.js'

type MetricsEvent = Extract<RolloutEvent, { kind: 'metrics' }>
type Parsed = { ok: true; type: string } | { ok: false; error: string }

const PARSER = resolve(import.meta.dirname, '../helpers/mermaid-parse.mjs')

/** Each source parsed by mermaid; one process for the lot, as loading mermaid takes a second or two. */
function parseMermaid(sources: string[]): Parsed[] {
  const out = execFileSync(process.execPath, [PARSER], { input: JSON.stringify(sources), encoding: 'utf8' })
  return JSON.parse(out) as Parsed[]
}

const XYCHART: Parsed = { ok: true, type: 'xychart' }

const CONSOLE = 'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#metricsV2'

function reading(over: Partial<MetricReading> = {}): MetricReading {
  return {
    name: '5xx-rate',
    new: 0.4,
    stable: 0.3,
    unit: '%',
    verdict: 'pass',
    judgement: 'ratio',
    detail: '0.4 % vs stable 0.3 %: within 1 point',
    consoleUrl: CONSOLE,
    ...over
  }
}

/** `n` polls a minute apart in the story's current step, the readings made by `at(i)`. */
function polls(
  story: Story,
  step: number,
  traffic: number,
  n: number,
  at: (i: number) => MetricReading[]
): Story {
  for (let i = 0; i < n; i++)
    story.wait(60_000).emit({
      kind: 'metrics',
      type: 'metrics',
      step,
      trafficPercent: traffic,
      requests: { new: 1200 + i, stable: 10_800 + i },
      readings: at(i)
    })
  return story
}

/** The fenced Mermaid sources in a summary. */
function fences(summary: string): string[] {
  return [...summary.matchAll(/\n```mermaid\n([\s\S]*?)\n```\n/g)].map(m => m[1])
}

/** The cells of the metric table row whose first cell contains `name`. */
function row(summary: string, name: string): string[] {
  const tr = summary.split('\n').find(l => l.startsWith('<tr><td>') && l.split('</td>')[0].includes(name))
  if (!tr) throw new Error(`no row for ${name}`)
  return [...tr.matchAll(/<td>(.*?)<\/td>/g)].map(m => m[1])
}

/**
 * Canary over 10 tasks (10 %, then 100 %). Step 1: three polls; 5xx-rate judged against stable, p99 judged by
 * Mann-Whitney from the third poll on (enough samples by then), the last poll failing on p99.
 */
function canaryWithMetrics(): Story {
  const story = new Story(canary()).beginStep(1)
  return polls(story, 1, 10, 3, i => [
    reading({ new: 0.4 + i / 10 }),
    reading({
      name: 'p99-latency',
      unit: 'ms',
      new: 120 + 40 * i,
      stable: 100,
      verdict: i === 2 ? 'fail' : 'pass',
      judgement: i === 2 ? 'mann-whitney' : 'threshold',
      detail:
        i === 2
          ? 'Mann-Whitney over 60 samples a side: High, shift +38 ms (98 % CI +30 to +46)'
          : `${120 + 40 * i} ms under the 500 ms limit; too few samples for Mann-Whitney (${i + 1} a side, needs 30)`
    })
  ])
}

describe('the Metrics section', () => {
  const summary = renderSummary(canaryWithMetrics().events)

  it('is absent when no metric gate ran', () => {
    const plain = renderSummary(new Story(linear()).passStep(1).events)
    expect(plain).not.toContain('<h3>Metrics</h3>')
    expect(plain).not.toContain('```')
  })

  it("shows the step's last poll: traffic and the requests each revision served", () => {
    // Three polls: requests 1200, 1201, 1202 on the new revision; the table shows the last.
    expect(summary).toContain(
      '<h4>Step 1 of 2 (canary 10%): 10% of traffic; 1,202 requests on web:42, 10,802 requests on web:41 in the window read at 12:03:41 UTC</h4>'
    )
  })

  it('one target group for both revisions (replicas): its requests are said to be theirs together', () => {
    const story = new Story(canary()).beginStep(1)
    const shared = renderSummary(
      polls(story, 1, 10, 1, () => [reading({ stable: undefined, shared: true, judgement: 'threshold' })])
        .events
    )
    expect(shared).toContain(
      '; 1,200 requests on web:42 and web:41 together, 10,800 requests on web:41 in the window'
    )
  })

  it('each metric for new and stable, its verdict, how it was judged and why, linked to CloudWatch', () => {
    expect(row(summary, '5xx-rate')).toEqual([
      `<a href="${CONSOLE}">5xx-rate</a>`,
      '0.6 %',
      '0.3 %',
      '✅ pass',
      'against stable',
      '0.4 % vs stable 0.3 %: within 1 point'
    ])
    expect(row(summary, 'p99-latency').slice(1, 6)).toEqual([
      '200 ms',
      '100 ms',
      '❌ fail',
      'Mann-Whitney',
      'Mann-Whitney over 60 samples a side: High, shift +38 ms (98 % CI +30 to +46)'
    ])
  })

  it('links only to the console of the rollout’s region', () => {
    const story = polls(new Story(canary()).beginStep(1), 1, 10, 1, () => [
      reading({ consoleUrl: 'https://evil.example/x' }),
      reading({ name: 'cpu', consoleUrl: 'https://us-east-1.console.aws.amazon.com/cloudwatch/' })
    ])
    const s = renderSummary(story.events)
    expect(row(s, '5xx-rate')[0]).toBe('<code>5xx-rate</code>')
    expect(row(s, 'cpu')[0]).toBe('<code>cpu</code>')
  })

  it('says "no data" and leaves the stable cell empty when nothing was read', () => {
    const story = polls(new Story(canary()).beginStep(1), 1, 10, 1, () => [
      reading({
        new: undefined,
        stable: undefined,
        verdict: 'nodata',
        judgement: 'threshold',
        detail: 'no datapoints'
      })
    ])
    expect(row(renderSummary(story.events), '5xx-rate').slice(1, 4)).toEqual(['no data', '–', '➖ no data'])
  })
})

describe('the charts', () => {
  const summary = renderSummary(canaryWithMetrics().events)
  const charts = fences(summary)

  it('traffic, then the key metrics, the failing one first', () => {
    expect(charts.map(c => c.split('\n')[1])).toEqual([
      '  title "Traffic on web:42 (%)"',
      '  title "p99-latency (ms): web:42 bars, web:41 line"',
      '  title "5xx-rate (%): web:42 bars, web:41 line"'
    ])
  })

  it('plots the polls in order: traffic share, and each metric new (bars) against stable (line)', () => {
    expect(charts[0]).toContain('  x-axis "time (UTC)" ["12:01", "12:02", "12:03"]')
    expect(charts[0]).toContain('  y-axis "%" 0 --> 100\n  line [10, 10, 10]')
    expect(charts[1]).toContain('  bar [120, 160, 200]\n  line [100, 100, 100]')
    expect(charts[2]).toContain('  bar [0.4, 0.5, 0.6]\n  line [0.3, 0.3, 0.3]')
  })

  it('every chart parses as a Mermaid xychart, and the parser refuses a broken one (so this can fail)', () => {
    expect(charts).toHaveLength(3)
    const broken = charts[0].replace('"Traffic', '"Traf"fic')
    const results = parseMermaid([...charts, broken])
    expect(results.slice(0, 3)).toEqual([XYCHART, XYCHART, XYCHART])
    expect(results[3]).toMatchObject({ ok: false, error: expect.stringMatching(/Parse error on line 2/) })
  })

  it('sits in fences between blank lines, after the HTML block', () => {
    const blankLines = summary.split(/\n[ \t]*\n/).length - 1
    // The HTML block ends before the first fence; each fence ends with a blank line.
    expect(blankLines).toBe(charts.length + 1)
    expect(summary).toMatch(/<\/p>\n\n```mermaid\n/)
  })

  it('draws bars alone where the stable revision has no value at some poll', () => {
    const story = polls(new Story(canary()).beginStep(1), 1, 10, 3, i => [
      reading({ stable: i === 1 ? undefined : 0.3 })
    ])
    const chart = fences(renderSummary(story.events))[1]
    expect(chart).toContain('title "5xx-rate (%): web:42 bars"')
    expect(chart).not.toMatch(/\n {2}line/)
  })

  it('thins a long rollout to 40 points, the first and the last kept, and still parses', () => {
    const long = polls(new Story(linear()).beginStep(1), 1, 10, 150, i => [
      reading({ new: i / 1e7, stable: -i })
    ])
    const [traffic, metric] = metricCharts(
      long.events.filter((e): e is MetricsEvent => e.kind === 'metrics'),
      { fresh: 'web:42', stable: 'web:41' }
    )
    const bars = metric.match(/bar \[(.*)\]/)![1].split(', ')
    expect(bars).toHaveLength(40)
    // Tiny values come out in decimal notation, not 1e-7: xychart reads no exponent.
    expect([bars[0], bars[1], bars[39]]).toEqual(['0', '0.0000004', '0.0000149'])
    expect(parseMermaid([traffic, metric])).toEqual([XYCHART, XYCHART])
  })
})

describe('hostile names', () => {
  const evil = 'a"b]c[d`e``` %%{init}%%\n\n<script>x</script>; #1 {x}'
  const story = new Story(canary(), {
    to: { arn: 'b', label: `web:42"]\`\`\`` },
    from: { arn: 'a', label: 'web:41\n\n# Heading' }
  }).beginStep(1)
  polls(story, 1, 10, 2, () => [
    reading({ name: evil, unit: evil, detail: evil, consoleUrl: `javascript:${evil}` })
  ])
  const summary = renderSummary(story.events)
  const charts = fences(summary)

  it('are plain text in the HTML', () => {
    expect(summary).not.toMatch(/<script|href="javascript/)
    expect(summary).toContain('&lt;script&gt;x&lt;/script&gt;')
  })

  it('cannot break a chart or its fence, and the charts still parse', () => {
    expect(charts).toHaveLength(2)
    for (const c of charts) {
      expect(c).not.toMatch(/`|%%/)
      // Every line one of the five the chart is made of, each label one quoted string of harmless characters.
      const label = '"[\\p{L}\\p{N} .,:/+\\-()%…]*"'
      const lines = [
        /^xychart-beta$/,
        new RegExp(`^  title ${label}$`, 'u'),
        /^ {2}x-axis "time \(UTC\)" \[("\d\d:\d\d"(, )?)+\]$/,
        new RegExp(`^  y-axis ${label}( 0 --> 100)?$`, 'u'),
        /^ {2}(bar|line) \[[-\d., ]+\]$/
      ]
      for (const line of c.split('\n'))
        expect(lines.some(l => l.test(line)) ? line : `unexpected: ${line}`).toBe(line)
    }
    expect(parseMermaid(charts)).toEqual([XYCHART, XYCHART])
  })

  it('leave no blank line but those around the fences', () => {
    expect(summary.split(/\n[ \t]*\n/).length - 1).toBe(charts.length + 1)
  })

  it.each([
    ['a "quoted" [name]', 'a quoted name'],
    ['p99 %% comment', 'p99 % comment'],
    ['x'.repeat(100), `${'x'.repeat(59)}…`]
  ])('mermaidLabel(%j) is %j', (input, want) => {
    expect(mermaidLabel(input)).toBe(want)
  })
})

describe('size', () => {
  it('keeps the last 10 steps and the page small, however long the rollout', () => {
    const big = plan({ name: 'rolling', batchIntervalMs: 0, batchSize: { kind: 'count', value: 1 } }, 500)
    const story = new Story(big)
    const many = Array.from({ length: 60 }, (_, i) => reading({ name: `m${i}`, detail: 'x'.repeat(5000) }))
    for (let s = 1; s <= 300; s++) polls(story.beginStep(s), s, s / 5, 2, () => many)
    const summary = renderSummary(story.events)
    expect(Buffer.byteLength(summary)).toBeLessThan(400 * 1024)
    expect(summary.match(/<h4>/g)).toHaveLength(10)
    expect(summary).toContain('and 290 more earlier steps')
    expect(summary).toContain('and 35 more metrics')
  })
})
