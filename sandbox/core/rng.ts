// Seeded PRNG (mulberry32) so identifiers, fault decisions and IPs are reproducible for a given seed and call sequence.
export class Rng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive)
  }

  hex(length: number): string {
    let out = ''
    for (let i = 0; i < length; i++) out += this.int(16).toString(16)
    return out
  }

  digits(length: number): string {
    let out = String(1 + this.int(9))
    for (let i = 1; i < length; i++) out += String(this.int(10))
    return out
  }

  uuid(): string {
    const h = this.hex(32)
    const variant = ((this.int(4) + 8) as number).toString(16)
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
  }
}
