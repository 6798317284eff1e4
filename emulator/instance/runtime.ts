/**
 * The local instance's runtime: a store with the platform baseline and the built app loaded, and the
 * session the Glide API runs in.
 *
 *   createRuntime({ dbPath = ':memory:', appDir = '<repo>/dist/app', strict = switches().strict }) → Runtime
 *     (callers start an instance with createInstance(), instance.ts, which adds security and the script host)
 *   runtime.scope                      the built app's application scope: where its scripts run
 *   runtime.activate()                 makes it the runtime '@servicenow/glide' uses; returns the runtime
 *   runtime.runAs(user, fn)            runs fn as the user (sys_id or user_name); nests
 *   runtime.createUser({ user_name, roles, password?, ...fields }) → sys_id (missing roles are created)
 *   runtime.createGroup(name, fields?) → sys_id
 *   runtime.verifyPassword(userName, password) → boolean
 *   runtime.setAcl(fn)                 the ACL hook GlideRecord.can* and GlideRecordSecure consult (default: allow)
 *   runtime.runInScope(scope, fn)      runs fn as code of that application scope (app scripts); nests
 *   runtime.callerScope()              the scope of the code running now ('global' outside app scripts)
 *   runtime.setTableAccessPolicy(fn)   the cross-scope table policy every GlideRecord access consults (default: none)
 *   runtime.session                    error / info messages of the session
 *   runtime.store / runtime.close()
 *
 * The user 'admin' (role admin) is seeded. Passwords are stored as scrypt hashes. The store's warnings for
 * dropped invalid query conditions are written to syslog (level 1, source the caller's scope).
 */
import { resolve } from 'node:path'
import { installBaseline } from './schema/baseline.ts'
import { loadApp } from './schema/loader.ts'
import { migrate } from './schema/migrations.ts'
import { roleIdByName, userByIdOrName } from './store/lookups.ts'
import type { Row } from './store/store.ts'
import { Store } from './store/store.ts'
import { hashPassword, matchesPassword } from './util/password.ts'
import { type GlideHost, type SessionState, setActiveHost } from './glide/session.ts'
import type { AclHook, AclOperation, SessionUser, TableAccessPolicy } from './security/subjects.ts'

export { hashPassword } from './util/password.ts'

const DEFAULT_APP_DIR = resolve(__dirname, '..', '..', 'dist', 'app')

export interface RuntimeOptions {
    dbPath?: string
    appDir?: string
    /** Invalid query conditions throw (default: the LOCAL_INSTANCE_STRICT switch, fidelity.ts). */
    strict?: boolean
}

export interface NewUser {
    user_name: string
    roles?: string[]
    password?: string
    [field: string]: string | string[] | undefined
}

export type { AclHook, TableAccessPolicy }

export class Runtime implements GlideHost {
    readonly store: Store
    /** The built app's application scope (sys_app.scope), 'global' for a package without a sys_app record. */
    readonly scope: string
    readonly session: SessionState = { errorMessages: [], infoMessages: [] }
    readonly cache = new Map<string, unknown>()
    /** The URL the instance serves ('http://127.0.0.1:<port>/'), set by the server when it listens: glide.servlet.uri. */
    instanceUrl: string | null = null
    /** Installed by the script host (emulator/instance/scripts) so that writes run the app's business rules. */
    runBusinessRules?: GlideHost['runBusinessRules']
    private readonly users: SessionUser[] = []
    private acl: AclHook = () => true
    private tableAccessPolicy: TableAccessPolicy | null = null
    private readonly scopes: string[] = []

    constructor(options: RuntimeOptions = {}) {
        this.store = new Store(options.dbPath ?? ':memory:', { strict: options.strict })
        // The platform logs a dropped invalid query condition as a warning (syslog level 1).
        this.store.onQueryWarning = (message) => this.store.insert('syslog', { level: '1', message, source: this.callerScope() }, this.currentUser()?.userName ?? 'system')
        this.store.transaction(() => installBaseline(this.store))
        this.scope = loadApp(this.store, options.appDir ?? DEFAULT_APP_DIR).scope ?? 'global'
        migrate(this.store)
        if (!this.findUser('admin')) this.createUser({ user_name: 'admin', first_name: 'System', last_name: 'Administrator', roles: ['admin'] })
    }

    activate(): this {
        setActiveHost(this)
        return this
    }

    close(): void {
        this.store.close()
    }

    currentUser(): SessionUser | null {
        return this.users[this.users.length - 1] ?? null
    }

    canAccess(operation: AclOperation, table: string, record?: { sys_id: string | null }): boolean {
        return this.acl(operation, table, record, this.currentUser())
    }

    setAcl(hook: AclHook): void {
        this.acl = hook
    }

    setTableAccessPolicy(policy: TableAccessPolicy | null): void {
        this.tableAccessPolicy = policy
    }

    checkTableAccess(operation: AclOperation, table: string): void {
        this.tableAccessPolicy?.(operation, table, this.callerScope(), this.currentUser()?.userName ?? 'system')
    }

    callerScope(): string {
        return this.scopes[this.scopes.length - 1] ?? 'global'
    }

    runInScope<T>(scope: string, fn: () => T): T {
        this.scopes.push(scope)
        try {
            return fn()
        } finally {
            this.scopes.pop()
        }
    }

    runAs<T>(user: string, fn: () => T): T {
        const row = this.findUser(user)
        if (!row) throw new Error(`No such user: ${user}`)
        this.users.push({ sysId: row.sys_id!, userName: row.user_name! })
        try {
            return fn()
        } finally {
            this.users.pop()
        }
    }

    private findUser(idOrName: string): Row | undefined {
        return userByIdOrName(this.store, idOrName)
    }

    createUser(user: NewUser): string {
        const { roles = [], password, ...fields } = user
        const values: Row = {}
        for (const [k, v] of Object.entries(fields)) if (typeof v === 'string') values[k] = v
        if (password !== undefined) values.user_password = hashPassword(password)
        return this.store.transaction(() => {
            const result = this.store.insert('sys_user', values, this.currentUser()?.userName ?? 'system')
            if (result.error !== undefined) throw new Error(result.error)
            for (const role of roles) this.grantRole(result.sysId, role)
            return result.sysId
        })
    }

    /** Gives the user a role by name, creating the role when the instance does not have it. */
    grantRole(userSysId: string, roleName: string): void {
        const by = this.currentUser()?.userName ?? 'system'
        let role = roleIdByName(this.store, roleName)
        if (!role) role = this.store.insert('sys_user_role', { name: roleName }, by).sysId
        this.store.insert('sys_user_has_role', { user: userSysId, role: role!, inherited: 'false' }, by)
    }

    createGroup(name: string, fields: Record<string, string> = {}): string {
        const result = this.store.insert('sys_user_group', { ...fields, name }, this.currentUser()?.userName ?? 'system')
        if (result.error !== undefined) throw new Error(result.error)
        return result.sysId
    }

    verifyPassword(userName: string, password: string): boolean {
        return matchesPassword(userByIdOrName(this.store, userName)?.user_password ?? null, password)
    }
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
    return new Runtime(options)
}
