// npm test runs the local instance strict (emulator/instance/fidelity.ts): an invalid query field throws, so a
// typo fails its test. In-process runtimes and the instances tests start as processes both inherit this.
process.env.LOCAL_INSTANCE_STRICT ??= '1'
