// npm run test:mutation: StrykerJS over the connector and platform modules, killed by the in-process domain tests
// (jest.mutation.config.js). Not part of npm test; scripts/mutation-report.ts summarises reports/mutation/mutation.json.
// MUTATION_RUN names a scoped run's reports (test/MUTATION.md), so that each keeps its own incremental file.
const run = process.env.MUTATION_RUN ?? 'mutation'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    mutate: ['src/server/connector/**/*.ts', 'src/server/platform/**/*.ts'],
    testRunner: 'jest',
    jest: { configFile: 'jest.mutation.config.js', enableFindRelatedTests: false },
    coverageAnalysis: 'perTest',
    // the machine's two cores are shared; STRYKER_CONCURRENCY=1 while other work runs
    concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
    // a domain test file starts a fresh SQLite runtime per test: allow for a loaded machine before calling a mutant a timeout
    timeoutMS: 20000,
    timeoutFactor: 2,
    incremental: true,
    incrementalFile: `reports/mutation/${run}-incremental.json`,
    reporters: ['json', 'html', 'clear-text', 'progress'],
    jsonReporter: { fileName: `reports/mutation/${run}.json` },
    htmlReporter: { fileName: `reports/mutation/${run}.html` },
    clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
    tempDirName: '.stryker-tmp',
    // dist/ comes into the sandbox from the checkout's build (test/mutation-global-setup.ts); the rest is not needed there
    ignorePatterns: ['/dist', '/test-artifacts', '/bench/results', '/reports', '/.data', '/test/fixtures/refused-app/dist'],
    cleanTempDir: 'always',
}
