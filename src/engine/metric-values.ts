// A metric's value in words, the same in the reasons, the log and the readings: "20.0 %", "412 ms", "1,204".

export function formatMetric(value: number | undefined, unit?: string): string {
  if (value === undefined || !Number.isFinite(value)) return 'no data'
  switch (unit) {
    case '%':
      return `${value.toFixed(1)} %`
    case 's':
      return value < 1 ? `${Math.round(value * 1000)} ms` : `${value.toFixed(2)} s`
    case 'requests':
      return `${Math.round(value).toLocaleString('en-US')} requests`
    default:
      return `${Number(value.toPrecision(4))}${unit ? ` ${unit}` : ''}`
  }
}
