// ESLint: the whole tree is TypeScript; src/server additionally gets the rules of ServiceNow's
// server engine (ES2021 mode, see src/README.md and `now-sdk explain javascript-compatibility-guide`).
const sdkAppPlugin = require('@servicenow/eslint-plugin-sdk-app-plugin')

const unsupportedOnInstance = [
    { selector: 'PrivateIdentifier', message: '#private members are not supported on the instance; use a TypeScript `private` member.' },
    { selector: 'MethodDefinition[value.async=true]', message: 'Async class methods are not supported on the instance.' },
    {
        selector: ':matches(ClassDeclaration, ClassExpression)[superClass.name=/^(Error|TypeError|RangeError|SyntaxError|Array|Map|Set|WeakMap|Promise|RegExp|Date|Function)$/]',
        message: 'Subclassing built-ins is not supported on the instance; return or throw a plain object instead.',
    },
    { selector: 'NewExpression[callee.name="Function"], CallExpression[callee.name="Function"]', message: '`Function` constructors are refused on the instance.' },
    { selector: 'CallExpression[callee.name="eval"]', message: 'eval is refused on the instance.' },
    { selector: 'ImportDeclaration[source.value=/^node:/]', message: 'Node built-ins do not exist on the instance.' },
]

module.exports = {
    root: true,
    parser: '@typescript-eslint/parser',
    parserOptions: { ecmaVersion: 2022, sourceType: 'module' },
    plugins: ['@typescript-eslint'],
    extends: ['eslint:recommended'],
    env: { es2022: true },
    ignorePatterns: ['dist/', 'node_modules/', 'fluent/generated/', 'test/fixtures/**/dist/', '*.js', '!.eslintrc.js'],
    rules: {
        'no-unused-vars': 'off',
        'no-undef': 'off', // TypeScript checks names
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
    overrides: [
        {
            files: ['src/server/**/*.ts'],
            extends: ['plugin:@servicenow/sdk-app-plugin/recommended'],
            rules: {
                'no-restricted-syntax': ['error', ...unsupportedOnInstance],
                // The plugin's browser and Node globals, plus what the instance's engine refuses.
                'no-restricted-globals': [
                    'error',
                    ...sdkAppPlugin.configs.recommended.rules['no-restricted-globals'].slice(1),
                    'Reflect',
                    'globalThis',
                ],
            },
        },
        {
            files: ['bridge/**/*.ts', 'emulator/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
            env: { node: true, jest: true },
        },
        {
            // The bridge is the product: it runs against real Microsoft Graph and a real instance, so it may not
            // lean on the stand-ins or the tests.
            files: ['bridge/**/*.ts'],
            rules: {
                'no-restricted-imports': [
                    'error',
                    {
                        patterns: [
                            { group: ['**/emulator/**', '**/emulator'], message: 'The bridge may not import the local stand-ins (emulator/).' },
                            { group: ['**/test/**', '**/test'], message: 'The bridge may not import tests (test/).' },
                        ],
                    },
                ],
            },
        },
        {
            files: ['.eslintrc.js'],
            env: { node: true },
            parserOptions: { sourceType: 'script' },
        },
    ],
}
