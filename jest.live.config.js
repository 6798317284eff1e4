// `npm run test:live`: the HTTP-level suites against the instance at INSTANCE_URL (docs/testing.md, "Live-instance
// test mode"), through public APIs only (test/support/target.ts), one suite at a time because they share
// the instance and its test tenants; then the app's ATF suite through the CI/CD API (test/support/live-atf.ts).
const base = require('./jest.config.js')

/** @type {import('jest').Config} */
module.exports = {
    ...base,
    testMatch: [
        '<rootDir>/test/api/connector.test.ts',
        '<rootDir>/test/api/setup-api.test.ts',
        '<rootDir>/test/api/access-matrix.test.ts',
        '<rootDir>/test/api/oauth-grants.test.ts',
        '<rootDir>/test/api/group-roles.test.ts',
        '<rootDir>/test/bridge/e2e/share-and-sync.test.ts',
    ],
    maxWorkers: 1,
    globalSetup: undefined,
    globalTeardown: '<rootDir>/test/support/live-atf.ts',
    setupFiles: ['<rootDir>/test/support/live-env.ts'],
    testTimeout: 60000,
}
