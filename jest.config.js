// ESM jest: ts-jest transpiles each file in isolation (fast); `npm run typecheck` does the type checking.
import process from 'node:process'

export default {
  testEnvironment: 'node',
  testMatch: ['**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.tmp/', '/dist/'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.all.json' }]
  },
  clearMocks: true,
  // End-to-end suites mostly wait on simulated time, not CPU: run three files at once even on two cores.
  maxWorkers: 3,
  // With the sandbox's realism on (npm run test:realism: read lag, weight propagation, shared throttling) every
  // run waits for AWS as it would on AWS, and an end-to-end test of several runs takes longer.
  testTimeout: process.env.SANDBOX_REALISM ? 180000 : 60000
}
