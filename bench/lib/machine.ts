// The machine a run measured on: cores, node, load.

import { cpus, loadavg, platform, release, totalmem } from 'node:os'

export interface Machine {
  cores: number
  cpuModel: string
  memoryGb: number
  platform: string
  node: string
  loadAverage: number[]
  loadAverageAtEnd?: number[]
}

export function machine(): Machine {
  const cpu = cpus()
  return {
    cores: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: `${platform()} ${release()}`,
    node: process.version,
    loadAverage: loadavg()
  }
}
