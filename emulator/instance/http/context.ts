/**
 * What every HTTP handler of the local instance works with, and how it runs code as a user.
 *
 *   InstanceContext { runtime, scripts, sessions, oauth }
 *   RequestUser { sysId, userName, via: 'basic' | 'bearer' | 'session' | 'guest' }
 *   asUser(ctx, user, fn)      activates the runtime (several may live in one process) and runs fn as the user
 *   isTrue(value)              a boolean field as stored ('1' / 'true')
 */
import type { OAuthProvider } from '../security/oauth.ts'
import type { SessionStore } from './sessions.ts'
import type { Runtime } from '../runtime.ts'
import type { ScriptHost } from '../scripts/sandbox.ts'

export interface InstanceContext {
    runtime: Runtime
    scripts: ScriptHost
    sessions: SessionStore
    oauth: OAuthProvider
}

export interface RequestUser {
    sysId: string
    userName: string
    via: 'basic' | 'bearer' | 'session' | 'guest'
}

declare module 'fastify' {
    interface FastifyRequest {
        instanceUser: RequestUser | null
    }
}

export function asUser<T>(ctx: InstanceContext, user: { sysId: string }, fn: () => T): T {
    ctx.runtime.activate()
    return ctx.runtime.runAs(user.sysId, fn)
}

export { isTrue } from '../util/booleans.ts'
