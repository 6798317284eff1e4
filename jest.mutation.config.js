// The jest run Stryker uses (npm run test:mutation): only the tests that load src/server in-process can kill a
// mutant; test/api and test/e2e run the built dist/ and would only cost time. The domain tests read the built
// app's schema from dist/: test/mutation-global-setup.ts builds it from the unmutated checkout.
const base = require('./jest.config.js')

/** @type {import('jest').Config} */
module.exports = {
    ...base,
    roots: ['<rootDir>/test/domain'],
    globalSetup: '<rootDir>/test/mutation-global-setup.ts',
}
