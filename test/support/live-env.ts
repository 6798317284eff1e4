// Live mode (jest.live.config.js): the suites' target is the instance at INSTANCE_URL (test/support/target.ts).
process.env.TEST_TARGET = 'live'
