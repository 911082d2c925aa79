// Import cycles in src/, type-only imports included: eslint-plugin-import-x's no-cycle (npm run lint) skips
// type-only imports, which still tie two modules' designs together. `npm run lint` runs this too.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycle in src/, not even through type-only imports: pull the shared part into its own file',
      from: { path: '^src/' },
      to: { circular: true }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6']
  }
}
