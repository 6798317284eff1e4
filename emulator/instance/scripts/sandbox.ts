/**
 * Script execution of the local instance: the app's server code runs from the records the build
 * produced (sys_module, sys_ws_operation, sys_script, sysauto_script, sys_script_include), not
 * from the TypeScript sources, inside a node:vm context shaped like the instance's engine.
 *
 *   new ScriptHost(runtime)
 *   host.require(spec)                          a module by platform path ('<scope>/<pkg>/<ver>/src/...ts')
 *   host.runScript(script, variables, name)     a server script (operation, business rule, job, background) with
 *                                               `require` and the given variables (request, response, current, ...)
 *   host.scriptInclude(name)                    the class a sys_script_include defines (Class.create pattern)
 *   host.runScheduledJob(nameOrSysId)           a sysauto_script, as its run_as user (or the system)
 *
 * Creating a host installs the app's business rules (sys_script) on the runtime: before and after
 * insert, update and delete, for the record's table and the tables it extends, in `order` (a write asks for the
 * before rules below 1000 and those from 1000 apart, to run the before engines between them), with `current`
 * and `previous`; a rule runs when its Role Conditions, Filter Conditions and Condition all hold; Add message
 * adds its message, Abort action (before rules) aborts the write without running the script, and a before
 * rule's current.setAbortAction(true) stops the write. Rules the instance does not run (async, display, query,
 * Set field values, outbound REST) are refused when the host is created, naming the rule.
 *
 * Two contexts, as on the instance (SDK module guide, "Avoidance"):
 * - scripts (script includes, operation scripts, business rules, scheduled jobs) have the script globals:
 *   GlideRecord, GlideAggregate, GlideRecordSecure, GlideDateTime, GlideSecureRandomUtil, gs, sn_ws_err, sn_scoped_cache,
 *   `Class`, and the app's script includes under their scope (`new x_<scope>.<ScriptInclude>()`);
 * - modules (sys_module) have none of them: Glide APIs are imported from '@servicenow/glide[/namespace]',
 *   and a module naming `gs` or its `x_<scope>` without importing it fails with a ReferenceError
 *   ("x_myapp is not defined", as the guide quotes the instance).
 * Neither has Node's globals (process, require, Buffer, timers); both refuse what the instance refuses:
 * `eval` / `new Function` (code generation from strings is off), `Reflect`, `WeakRef`, `FinalizationRegistry`,
 * `SharedArrayBuffer`, `Atomics` (absent), private instance members, async class methods, async generators,
 * for await...of and subclassed built-ins (checked when a module loads). Modules resolve as on the
 * instance: '@servicenow/glide[/namespace]', absolute platform paths, and relative paths that must carry
 * their extension; a Node built-in or an unresolvable import fails naming the module.
 */
import { builtinModules } from 'node:module'
import { posix } from 'node:path'
import vm from 'node:vm'
import ts from 'typescript'
import * as glide from '../glide/index.ts'
import * as snScopedCache from '../glide/namespaces/sn_scoped_cache.ts'
import * as snWsErr from '../glide/namespaces/sn_ws_err.ts'
import * as snWsInt from '../glide/namespaces/sn_ws_int.ts'
import { notEmulated, SCRIPT_MESSAGES } from '../messages.ts'
import { filterMatches, type FilterRecord } from './business-rule-filter.ts'
import type { Runtime } from '../runtime.ts'
import type { RuleOrders } from '../glide/session.ts'
import { isTrue } from '../util/booleans.ts'

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, 'node:' + name]))
// SDK javascript-compatibility-guide, "Caveats": these built-ins "cannot be subclassed" (Error with its native kinds).
const BUILTIN_CLASSES = new Set(['Array', 'RegExp', 'Function', 'Promise', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'Map', 'Set'])
/** Globals the guide lists as disallowed: removed from both contexts. */
const DISALLOWED_GLOBALS = ['Reflect', 'WeakRef', 'FinalizationRegistry', 'SharedArrayBuffer', 'Atomics']

/** A script or module the instance would refuse, named so the developer finds it. */
export class ScriptRefused extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'ScriptRefused'
    }
}

interface LoadedModule {
    exports: unknown
}

interface BusinessRule {
    name: string
    table: string
    when: string
    actions: Set<string>
    order: number
    /** Filter Conditions: an encoded query on the record (business-rule-filter.ts). */
    filterCondition: string
    /** The Advanced tab's Condition: a script expression. */
    condition: string
    /** Role Conditions: role names; the rule runs only for a user with one of them. */
    roleConditions: string[]
    abortAction: boolean
    /** The Add message action's text, or null when the rule adds none. */
    message: string | null
    script: string
}

/** Business rule timings the local instance runs; async and display rules are refused when the app loads. */
const RUN_WHEN = new Set(['before', 'after'])


/** Whether a #name refers to a private *static* member of its class (supported, javascript-compatibility-guide). */
function isStaticPrivate(name: ts.PrivateIdentifier): boolean {
    let node: ts.Node = name
    while (!ts.isClassLike(node)) {
        if (!node.parent) return false
        node = node.parent
    }
    const member = node.members.find((m) => m.name !== undefined && ts.isPrivateIdentifier(m.name) && m.name.text === name.text)
    return member !== undefined && (ts.getCombinedModifierFlags(member as ts.Declaration) & ts.ModifierFlags.Static) !== 0
}

/** What the instance's engine refuses at parse time (SDK javascript-compatibility-guide, "Caveats"), found in the module's syntax tree. */
function unsupportedSyntax(path: string, source: string): string | null {
    const file = ts.createSourceFile(path, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS)
    let problem: string | null = null
    const visit = (node: ts.Node): void => {
        if (problem) return
        if (ts.isPrivateIdentifier(node) && !isStaticPrivate(node)) problem = '#private instance member ' + node.text
        else if (ts.isForOfStatement(node) && node.awaitModifier) problem = 'for await...of'
        else if (ts.isFunctionLike(node) && 'asteriskToken' in node && node.asteriskToken && ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Async) {
            problem = 'an async generator'
        } else if (ts.isMethodDeclaration(node) && ts.isClassLike(node.parent) && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
            problem = 'async class method ' + node.name.getText(file)
        } else if (ts.isHeritageClause(node) && node.token === ts.SyntaxKind.ExtendsKeyword) {
            const base = node.types[0]?.expression
            if (base && ts.isIdentifier(base) && BUILTIN_CLASSES.has(base.text)) problem = 'a class extending the built-in ' + base.text
        } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
            // The guides do not say whether the engine has dynamic import(): refused, not guessed.
            notEmulated(`dynamic import() in the module '${path}'`)
        }
        ts.forEachChild(node, visit)
    }
    visit(file)
    return problem
}

function transpile(path: string, source: string): string {
    return ts.transpileModule(source, {
        fileName: path,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, esModuleInterop: false, sourceMap: false },
    }).outputText
}

/** Throws the instance's refusal of code built from strings. */
function refuse(message: string): () => never {
    return () => {
        throw new ScriptRefused(message)
    }
}

/**
 * A context shaped like the instance's engine: none of the disallowed globals, and no code generation from
 * strings: eval refuses with the instance's message; new Function() (disallowed too) meets the engine's refusal,
 * as the global Function itself must stay for instanceof and Function.prototype.
 */
function engineContext(name: string): vm.Context {
    const context = vm.createContext({}, { name, codeGeneration: { strings: false, wasm: false } })
    for (const name of DISALLOWED_GLOBALS) vm.runInContext(`delete globalThis.${name}`, context)
    Object.assign(context, { eval: refuse(SCRIPT_MESSAGES.evalNotAllowed.text) })
    return context
}

export class ScriptHost {
    /** Where scripts run: with the script globals. */
    private readonly scriptContext: vm.Context
    /** Where modules run: without them. */
    private readonly moduleContext: vm.Context
    private readonly sources = new Map<string, string>()
    private readonly modules = new Map<string, LoadedModule>()
    private readonly includes = new Map<string, { script: string; name: string }>()
    private readonly includeClasses = new Map<string, unknown>()
    private readonly businessRules: BusinessRule[] = []

    constructor(private readonly runtime: Runtime) {
        this.scriptContext = engineContext('instance scripts')
        this.moduleContext = engineContext('instance modules')
        this.loadRecords()
        this.installGlobals()
        runtime.runBusinessRules = (when, action, current, previous, orders) => this.runBusinessRules(when, action, current, previous, orders)
    }

    /** Reads the app's modules and script includes from the instance's tables. */
    private loadRecords(): void {
        const store = this.runtime.store
        for (const row of store.select('sys_module', { blocks: [], orderBy: [] })) {
            if (row.path && row.content !== null) this.sources.set(row.path, row.content)
        }
        for (const row of store.select('sys_script_include', { blocks: [], orderBy: [] })) {
            if (row.active === 'false' || !row.name || !row.script) continue
            const apiName = row.api_name || this.runtime.scope + '.' + row.name
            this.includes.set(apiName, { script: row.script, name: row.name })
        }
        for (const row of store.select('sys_script', { blocks: [], orderBy: [] })) {
            if (!isTrue(row.active) || !row.collection) continue
            this.businessRules.push(this.businessRule(row))
        }
        this.businessRules.sort((a, b) => a.order - b.order)
    }

    /**
     * A sys_script row as the runner uses it. What the local instance does not run is refused here, when the app
     * loads, naming the rule, rather than skipped in silence: async and display rules, query rules, Set field
     * values (template), outbound REST rules, and Abort action outside a before rule.
     */
    private businessRule(row: Record<string, string | null>): BusinessRule {
        const name = row.name ?? row.sys_id!
        const when = row.when ?? 'before'
        const what = `business rule '${name}' on ${row.collection}`
        if (!RUN_WHEN.has(when)) notEmulated(`${what}: when=${when} (the local instance runs before and after rules)`)
        if (isTrue(row.action_query)) notEmulated(`${what}: a query business rule (action_query)`)
        if ((row.template ?? '') !== '') notEmulated(`${what}: the Set field values action (template)`)
        if (isTrue(row.is_rest)) notEmulated(`${what}: an outbound REST business rule (is_rest)`)
        const abortAction = isTrue(row.abort_action)
        if (abortAction && when !== 'before') notEmulated(`${what}: Abort action on an ${when} rule`)
        return {
            name,
            table: row.collection!,
            when,
            actions: new Set(['insert', 'update', 'delete'].filter((action) => isTrue(row['action_' + action]))),
            order: parseInt(row.order ?? '100', 10) || 0,
            filterCondition: row.filter_condition ?? '',
            condition: row.condition ?? '',
            roleConditions: this.roleNames(row.role_conditions ?? ''),
            abortAction,
            message: isTrue(row.add_message) ? (row.message ?? '') : null,
            script: row.script ?? '',
        }
    }

    /** Role Conditions as role names: a stored sys_id of sys_user_role is read as the role it names. */
    private roleNames(roleConditions: string): string[] {
        return roleConditions
            .split(',')
            .map((role) => role.trim())
            .filter((role) => role !== '')
            .map((role) => (/^[0-9a-f]{32}$/.test(role) ? (this.runtime.store.getRow('sys_user_role', role)?.name ?? role) : role))
    }

    /**
     * The rules of the record's class and of every table it extends, as the platform runs them; with `orders`, only
     * those ordered below 1000 or from 1000 (the write runs the before engines between them, glide/record/write-order.ts).
     */
    private runBusinessRules(when: string, action: string, current: unknown, previous: unknown, orders?: RuleOrders): void {
        const table = (current as { getRecordClassName(): string }).getRecordClassName()
        const tables = new Set([table, ...this.runtime.store.ancestors(table)])
        for (const rule of this.businessRules) {
            if (rule.when !== when || !rule.actions.has(action) || !tables.has(rule.table)) continue
            if (orders !== undefined && (rule.order < 1000) !== (orders === 'below 1000')) continue
            if (rule.roleConditions.length > 0 && !rule.roleConditions.some((role) => glide.gs.hasRole(role))) continue
            // Filter Conditions and Condition "are evaluated at the same time": the rule runs when both hold.
            if (rule.filterCondition && !filterMatches(rule.filterCondition, rule.name, action, current as FilterRecord, previous as FilterRecord | null)) continue
            if (rule.condition && !this.runScript(`return (${rule.condition});`, { current, previous }, 'sys_script condition: ' + rule.name)) continue
            if (rule.message !== null) glide.gs.addInfoMessage(rule.message)
            if (rule.abortAction) {
                // "you cannot perform additional actions on the record, such as setting field values and running scripts"
                const aborted = current as { setAbortAction(abort: boolean): void }
                aborted.setAbortAction(true)
                continue
            }
            if (rule.script) this.runScript(rule.script, { current, previous }, 'sys_script: ' + rule.name)
        }
    }

    /** Runs a scheduled job's script now, as its run_as user or the system. */
    runScheduledJob(nameOrSysId: string): unknown {
        const job = this.runtime.store.select('sysauto_script', { blocks: [], orderBy: [] }).find((row) => row.sys_id === nameOrSysId || row.name === nameOrSysId)
        if (!job || !job.script) throw new ScriptRefused('No scheduled job ' + nameOrSysId)
        const run = () => this.runScript(job.script!, {}, 'sysauto_script: ' + (job.name ?? job.sys_id))
        return job.run_as ? this.runtime.runAs(job.run_as, run) : run()
    }

    private installGlobals(): void {
        const globals = this.scriptContext as Record<string, unknown>
        Object.assign(globals, {
            GlideRecord: glide.GlideRecord,
            GlideAggregate: glide.GlideAggregate,
            GlideRecordSecure: glide.GlideRecordSecure,
            GlideDateTime: glide.GlideDateTime,
            GlideSecureRandomUtil: glide.GlideSecureRandomUtil,
            gs: glide.gs,
            sn_ws_err: snWsErr,
            sn_scoped_cache: snScopedCache,
            Class: vm.runInContext('({ create: function () { return function () { this.initialize.apply(this, arguments) } } })', this.scriptContext),
        })
        const scopes = new Map<string, Record<string, unknown>>()
        for (const [apiName, include] of this.includes) {
            const [scope] = apiName.split('.')
            if (!scopes.has(scope)) scopes.set(scope, {})
            Object.defineProperty(scopes.get(scope)!, include.name, { enumerable: true, get: () => this.scriptInclude(apiName) })
            // Within its own scope a script include is also reachable by its bare name.
            if (scope === this.runtime.scope) Object.defineProperty(globals, include.name, { configurable: true, get: () => this.scriptInclude(apiName) })
        }
        for (const [scope, namespace] of scopes) globals[scope] = namespace
    }

    /** The class a script include defines, evaluated once per host. */
    scriptInclude(nameOrApiName: string): unknown {
        const apiName = nameOrApiName.includes('.') ? nameOrApiName : this.runtime.scope + '.' + nameOrApiName
        const include = this.includes.get(apiName)
        if (!include) throw new ScriptRefused('No script include ' + apiName)
        if (!this.includeClasses.has(apiName)) {
            const value = this.evaluate(this.scriptContext, `${include.script}\n;return ${include.name};`, { require: this.requireFrom(null) }, 'sys_script_include:' + apiName)
            this.includeClasses.set(apiName, value)
        }
        return this.includeClasses.get(apiName)
    }

    /** Runs a server script with `require` and the given variables; returns what it returns. */
    runScript(script: string, variables: Record<string, unknown>, name: string): unknown {
        return this.evaluate(this.scriptContext, script, { require: this.requireFrom(null), ...variables }, name)
    }

    require(spec: string): unknown {
        return this.requireFrom(null)(spec)
    }

    private evaluate(context: vm.Context, body: string, variables: Record<string, unknown>, filename: string): unknown {
        const names = Object.keys(variables)
        const fn = vm.runInContext(`(function (${names.join(', ')}) {\n${body}\n})`, context, { filename }) as (...args: unknown[]) => unknown
        // Everything the host runs is the app's code, so the cross-scope table policy applies to it.
        return this.runtime.runInScope(this.runtime.scope, () => fn(...names.map((name) => variables[name])))
    }

    private requireFrom(importer: string | null): (spec: string) => unknown {
        return (spec: string) => this.load(this.resolve(String(spec), importer), importer)
    }

    private resolve(spec: string, importer: string | null): string {
        const from = importer ? `'${importer}'` : 'a server script'
        if (spec === '@servicenow/glide' || spec.startsWith('@servicenow/glide/')) return spec
        if (NODE_BUILTINS.has(spec)) {
            throw new ScriptRefused(`Module '${spec}' imported by ${from} is a Node.js built-in; it does not exist on the instance`)
        }
        let path = spec
        if (spec.startsWith('./') || spec.startsWith('../')) {
            if (!importer) throw new ScriptRefused(`Relative module '${spec}' cannot be resolved from ${from}; use the module's platform path`)
            path = posix.normalize(posix.join(posix.dirname(importer), spec))
        }
        if (this.sources.has(path)) return path
        if (!/\.[a-z]+$/i.test(path) && ['.ts', '.js', '.json'].some((ext) => this.sources.has(path + ext))) {
            throw new ScriptRefused(`Module '${spec}' imported by ${from} has no file extension; on the instance relative imports must name it (e.g. '${spec}.ts')`)
        }
        throw new ScriptRefused(`Cannot find module '${spec}' imported by ${from}`)
    }

    private load(path: string, importer: string | null): unknown {
        if (path === '@servicenow/glide') return glide
        if (path.startsWith('@servicenow/glide/')) return this.glideNamespace(path.substring('@servicenow/glide/'.length), importer)
        const cached = this.modules.get(path)
        if (cached) return cached.exports
        const source = this.sources.get(path)!
        const module: LoadedModule = { exports: {} }
        if (path.endsWith('.json')) {
            module.exports = JSON.parse(source)
            this.modules.set(path, module)
            return module.exports
        }
        const problem = unsupportedSyntax(path, source)
        if (problem) throw new ScriptRefused(`Module '${path}' uses ${problem}, which the instance's JavaScript engine does not support`)
        this.modules.set(path, module)
        try {
            this.evaluate(this.moduleContext, transpile(path, source), { exports: module.exports, require: this.requireFrom(path), module }, path)
        } catch (error) {
            this.modules.delete(path)
            throw error
        }
        return module.exports
    }

    private glideNamespace(namespace: string, importer: string | null): unknown {
        if (namespace === 'sn_ws_err') return snWsErr
        if (namespace === 'sn_ws_int') return snWsInt
        if (namespace === 'sn_scoped_cache') return snScopedCache
        const includes = [...this.includes.keys()].filter((apiName) => apiName.startsWith(namespace + '.'))
        if (includes.length > 0) {
            const exported: Record<string, unknown> = {}
            for (const apiName of includes) Object.defineProperty(exported, apiName.substring(namespace.length + 1), { enumerable: true, get: () => this.scriptInclude(apiName) })
            return exported
        }
        throw new ScriptRefused(`Cannot find module '@servicenow/glide/${namespace}' imported by ${importer ? `'${importer}'` : 'a server script'}`)
    }
}
