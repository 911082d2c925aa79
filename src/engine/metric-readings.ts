// One poll's metric readings, as the engine emits them for the log and the job summary.
export type MetricVerdict = 'pass' | 'fail' | 'inconclusive' | 'nodata'
export type Judgement = 'threshold' | 'ratio' | 'mann-whitney'
export interface MetricReading {
  /** The metric's name as the user (or the built-in check) calls it, e.g. "5xx-rate". */
  name: string
  /** The new revision's value over the window, and the stable revision's where it is judged against it. */
  new?: number
  stable?: number
  /** `new` is both revisions' value together: they share one target group (traffic by replicas). */
  shared?: boolean
  unit?: string
  verdict: MetricVerdict
  judgement: Judgement
  /** One line saying why, e.g. "2.1 % vs stable 0.3 %: more than 1 point above". */
  detail: string
  /** A CloudWatch console link to the metric. */
  consoleUrl?: string
}
export interface MetricsEvent {
  type: 'metrics'
  at: number
  step: number
  /** Production traffic on the new revision, percent. */
  trafficPercent: number
  /** Requests the new (and stable) revision served in the window. */
  requests: { new: number; stable?: number }
  readings: MetricReading[]
}
