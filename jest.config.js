// Jest runs the server modules from source against the emulator's Glide runtime:
// '@servicenow/glide' (types only on npm) resolves to emulator/instance/glide.
/** @type {import('jest').Config} */
module.exports = {
    testEnvironment: 'node',
    roots: ['<rootDir>/test'],
    testMatch: ['**/*.test.ts'],
    transform: {
        '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true, module: 'commonjs', target: 'es2022', esModuleInterop: true, allowImportingTsExtensions: true, noEmit: true } }],
    },
    moduleNameMapper: {
        '^@servicenow/glide$': '<rootDir>/emulator/instance/glide/index.ts',
        '^@servicenow/glide/(.*)$': '<rootDir>/emulator/instance/glide/namespaces/$1.ts',
    },
    globalSetup: '<rootDir>/test/global-setup.ts',
    setupFiles: ['<rootDir>/test/strict-env.ts'],
    testTimeout: 30000,
}
