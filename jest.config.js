// ESM jest: ts-jest transpiles each file in isolation (fast); `npm run typecheck` does the type checking.
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
  testTimeout: 60000
}
