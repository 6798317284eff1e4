// The jest run Stryker uses (npm run test:mutation): only the tests that load src/server in-process can kill a
// mutant; test/api and test/e2e run the built dist/ and would only cost time. The domain tests read the built
// app's schema from dist/: test/mutation-global-setup.ts builds it from the unmutated checkout.
const base = require('./jest.config.js')

// MUTATION_TESTS=<file>,<file> narrows a scoped run to those test files (test/MUTATION.md). Not Stryker's --testFiles:
// with it, static mutants (module-level values) are reported Survived without being run (stryker-js #6144, #6209).
const onlyTests = process.env.MUTATION_TESTS ? process.env.MUTATION_TESTS.split(',').map((path) => '<rootDir>/' + path.trim()) : null

/** @type {import('jest').Config} */
module.exports = {
    ...base,
    roots: ['<rootDir>/test/domain'],
    ...(onlyTests ? { testMatch: onlyTests } : {}),
    globalSetup: '<rootDir>/test/mutation-global-setup.ts',
}
