/**
 * One way to create a local instance: `npm start`, the test harnesses, the benchmarks and the ATF script all
 * start here, so every caller gets the same parts wired the same way:
 * - the runtime: the SQLite store with the platform baseline and the built app, the session the Glide API runs in
 *   (runtime.ts), made the active runtime of '@servicenow/glide';
 * - its security: record and field ACLs (security/acl.ts) and the cross-scope table policy (security/cross-scope.ts);
 * - the script host: modules, script includes, business rules and scheduled jobs of the app (scripts/sandbox.ts);
 * - on demand, its HTTP server (server.ts).
 *
 *   createInstance({ dbPath = ':memory:', appDir = '<repo>/dist/app', strict }) → Instance
 *   instance.listen({ port = 0, host, logger, staticDir, sessionIdleSeconds, timeouts, inboundLimits }) → Promise<InstanceServer>
 *   instance.close()      the server when it listens, then the store
 */
import { createRuntime, type Runtime, type RuntimeOptions } from './runtime.ts'
import { ScriptHost } from './scripts/sandbox.ts'
import { createAclHook } from './security/acl.ts'
import { createTableAccessPolicy } from './security/cross-scope.ts'
import { createInstanceServer, type InstanceServer, type InstanceServerOptions } from './server.ts'

export type ListenOptions = Omit<InstanceServerOptions, 'instance'>

export interface Instance {
    readonly runtime: Runtime
    readonly scripts: ScriptHost
    /** The HTTP server once listen() has resolved, else null. */
    readonly server: InstanceServer | null
    listen(options?: ListenOptions): Promise<InstanceServer>
    close(): Promise<void>
}

export function createInstance(options: RuntimeOptions = {}): Instance {
    const runtime = createRuntime(options).activate()
    runtime.setAcl(createAclHook(runtime.store))
    runtime.setTableAccessPolicy(createTableAccessPolicy(runtime.store))
    const scripts = new ScriptHost(runtime)
    let server: InstanceServer | null = null
    const instance: Instance = {
        runtime,
        scripts,
        get server() {
            return server
        },
        async listen(listenOptions: ListenOptions = {}) {
            if (server) throw new Error('The local instance is already listening at ' + server.url)
            server = await createInstanceServer({ ...listenOptions, instance: { runtime, scripts } })
            return server
        },
        async close() {
            if (server) await server.close()
            runtime.close()
        },
    }
    return instance
}
