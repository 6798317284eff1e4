// The built app in this process: the connector's operation scripts (sys_ws_operation records from
// dist/app) run in the instance's sandbox as a user, with the ACL hook and the cross-scope policy the
// HTTP server installs, and a per-call count (and log) of the SQL statements the runtime issues.
import { createRestRequest, createRestResponse } from '../../emulator/instance/glide/rest.ts'
import type { Instance } from '../../emulator/instance/instance.ts'
import type { Runtime } from '../../emulator/instance/runtime.ts'
import type { ScriptHost } from '../../emulator/instance/scripts/sandbox.ts'
import { BENCH_ROLES, BENCH_USER, TENANT } from './instance.ts'

export interface Statement {
    kind: 'run' | 'all' | 'get'
    sql: string
    params: unknown[]
}

/** Records every SQL statement the store issues while `recording` is on (wraps the store's own counters). */
export class StatementLog {
    recording = false
    readonly statements: Statement[] = []

    constructor(readonly runtime: Runtime) {
        const store = runtime.store as unknown as Record<string, (sql: string, params?: unknown[]) => unknown>
        for (const kind of ['run', 'all', 'get'] as const) {
            const original = store[kind].bind(store)
            store[kind] = (sql: string, params: unknown[] = []) => {
                if (this.recording) this.statements.push({ kind, sql, params })
                return original(sql, params)
            }
        }
    }

    /** Runs fn with the store's statement counter reset and the log recording; returns both. */
    measure<T>(fn: () => T): { value: T; count: number; statements: Statement[] } {
        this.statements.length = 0
        this.runtime.store.resetStatementCount()
        this.recording = true
        try {
            const value = fn()
            return { value, count: this.runtime.store.statementCount, statements: [...this.statements] }
        } finally {
            this.recording = false
        }
    }
}

/** What a statement is for: the app's own reads and writes, or the emulator's per-access policy lookups. */
export function classify(sql: string): string {
    if (/FROM "sys_db_object"|FROM "sys_app"|FROM "sys_scope_privilege"/.test(sql)) return 'cross-scope policy lookup'
    if (/FROM "sys_user" WHERE user_name|FROM "sys_user" WHERE sys_id = \? OR user_name/.test(sql)) return 'authentication / session user'
    if (/sys_security_acl|sys_user_role|sys_user_has_role/.test(sql)) return 'ACL / roles'
    if (/FROM "sys_properties"/.test(sql)) return 'property'
    if (/FROM "sys_ws_/.test(sql)) return 'REST routing'
    return 'data'
}

export function summarizeStatements(statements: Statement[]): Record<string, number> {
    const byKind: Record<string, number> = {}
    for (const s of statements) byKind[classify(s.sql)] = (byKind[classify(s.sql)] ?? 0) + 1
    return byKind
}

/** One line per statement, shortened, for the report. */
export function describeStatement(s: Statement): string {
    const sql = s.sql.replace(/\s+/g, ' ')
    const short = sql.startsWith('INSERT') ? sql.replace(/\(([^)]*)\) VALUES \(([^)]*)\)/, (_m, cols: string) => `(${cols.split(',').length} columns) VALUES (…)`) : sql
    return `${classify(s.sql).padEnd(30)} ${short.length > 150 ? short.slice(0, 147) + '...' : short}`
}

export interface OperationCall {
    status: number
    json: { result?: Record<string, unknown> & { number?: string; tickets?: unknown[]; nextCursor?: string | null } } | null
}

export class App {
    readonly scripts: ScriptHost
    readonly userSysId: string
    private readonly operations = new Map<string, string>()

    readonly runtime: Runtime

    constructor(instance: Instance) {
        this.runtime = instance.runtime
        this.scripts = instance.scripts
        const runtime = this.runtime
        const existing = runtime.store.get<{ sys_id: string }>(`SELECT sys_id FROM ${runtime.store.sqlTable('sys_user')} WHERE user_name = ?`, [BENCH_USER.user])
        this.userSysId = existing?.sys_id ?? runtime.createUser({ user_name: BENCH_USER.user, roles: BENCH_ROLES, password: BENCH_USER.password })
        for (const op of runtime.store.select('sys_ws_operation', { blocks: [], orderBy: [] })) {
            if (op.http_method && op.relative_path && op.operation_script) this.operations.set(`${op.http_method} ${op.relative_path}`, op.operation_script)
        }
    }

    /**
     * Runs the built operation script of `METHOD /relative/path` as the benchmark user in the app scope, as the
     * server does after authentication and routing. `inside` wraps only the script run (to count its statements).
     */
    call(
        route: string,
        input: { body?: unknown; query?: Record<string, string>; pathParams?: Record<string, string> } = {},
        inside: <T>(fn: () => T) => T = (fn) => fn(),
    ): OperationCall {
        const script = this.operations.get(route)
        if (!script) throw new Error(`No operation ${route} in the built app`)
        const [method, path] = route.split(' ')
        const queryParams: Record<string, string[]> = {}
        for (const [k, v] of Object.entries(input.query ?? {})) queryParams[k] = [v]
        const request = createRestRequest({
            method,
            path,
            pathParams: input.pathParams ?? {},
            queryParams,
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: input.body === undefined ? '' : JSON.stringify(input.body),
        })
        const response = createRestResponse()
        this.runtime.runAs(this.userSysId, () =>
            this.runtime.runInScope('x_mioms_m365ticket', () => inside(() => this.scripts.runScript(script, { request, response }, `sys_ws_operation ${route}`))),
        )
        const http = response.toHttp()
        return { status: http.status, json: http.body ? JSON.parse(http.body) : null }
    }

    connect(): void {
        const result = this.call('PUT /connection', { body: { tenantId: TENANT, tenantName: 'Contoso (benchmark)', connectedBy: 'secadmin@contoso.onmicrosoft.com' } })
        if (result.status !== 201 && result.status !== 200) throw new Error(`PUT /connection: ${result.status} ${JSON.stringify(result.json)}`)
    }
}
