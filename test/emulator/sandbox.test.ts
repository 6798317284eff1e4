// Script execution from the built records: the connector's operation scripts, script includes and
// scheduled job run from dist/app (not the TypeScript sources), in a context without Node; modules run
// without the script globals (SDK module guide, "Avoidance"), and modules the instance would refuse are
// refused here too, with an error naming them.
import { GlideRecord } from '@servicenow/glide'
import { join } from 'node:path'
import { createRestRequest, createRestResponse } from '../../emulator/instance/glide/rest.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { ScriptHost } from '../../emulator/instance/scripts/sandbox.ts'
import { REFUSED_FIXTURE_APP } from '../global-setup.ts'
import { taskBody, TENANT } from '../support/connector-harness.ts'
import { everyRow } from '../support/api-paths.ts'

const MODULE_ROOT = 'x_mioms_m365ticket/m365-ticketing-connector/1.0.0/src/server'

let runtime: Runtime
let scripts: ScriptHost
let integrationUser: string

function operation(method: string, relativePath: string): { operation_script: string; sys_id: string } {
    const row = runtime.store.select('sys_ws_operation', everyRow()).find((op) => op.http_method === method && op.relative_path === relativePath)
    if (!row) throw new Error('no operation ' + method + ' ' + relativePath)
    return { operation_script: row.operation_script!, sys_id: row.sys_id! }
}

function callOperation(method: string, relativePath: string, body: unknown) {
    const request = createRestRequest({ method, path: relativePath, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
    const response = createRestResponse()
    runtime.runAs(integrationUser, () => scripts.runScript(operation(method, relativePath).operation_script, { request, response }, 'sys_ws_operation'))
    const http = response.toHttp()
    return { status: http.status, json: JSON.parse(http.body) }
}

beforeEach(() => {
    runtime = createRuntime({ dbPath: ':memory:' }).activate()
    scripts = new ScriptHost(runtime)
    integrationUser = runtime.createUser({ user_name: 'm365.integration', roles: ['x_mioms_m365ticket.integration'] })
})

afterEach(() => runtime.close())

describe('the built app runs in the sandbox', () => {
    it('serves PUT /connection and POST /tasks from their sys_ws_operation scripts and the sys_module code', () => {
        expect(callOperation('PUT', '/connection', { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' }).status).toBe(201)
        const created = callOperation('POST', '/tasks', taskBody())
        expect(created.status).toBe(201)
        expect(created.json.result.number).toMatch(/^CHG\d{7}$/)
        expect(callOperation('POST', '/tasks', taskBody()).status).toBe(200)
        expect(callOperation('POST', '/tasks', taskBody({ name: 'changed' })).status).toBe(409)
    })

    it('runs script includes by name in the app scope, as new x_mioms_m365ticket.M365TicketService()', () => {
        runtime.runAs(integrationUser, () =>
            scripts.runScript(`require('${MODULE_ROOT}/connector/connections.ts').registerConnection({ tenantId: '${TENANT}', tenantName: 'Contoso', connectedBy: 'a@contoso.com' })`, {}, 'setup'),
        )
        const result = runtime.runAs('admin', () =>
            scripts.runScript(
                `var tickets = new x_mioms_m365ticket.M365TicketService();
                 var created = tickets.createTicketFromTask(task);
                 var status = new x_mioms_m365ticket.M365ConnectionService().getStatus(task.tenantId);
                 return { number: created.ticket.number, created: created.created, again: tickets.createTicketFromTask(task).created, status: status.status,
                          read: tickets.getTicket(task.tenantId, created.ticket.number).taskId };`,
                { task: taskBody({ taskId: 'from-a-flow' }) },
                'background script',
            ),
        ) as { number: string; created: boolean; again: boolean; status: string; read: string }
        expect(result).toEqual({ number: expect.stringMatching(/^CHG/), created: true, again: false, status: 'connected', read: 'from-a-flow' })
    })

    it('runs the API log purge job from its sysauto_script record', () => {
        const old = runtime.runAs('admin', () => {
            const row = new GlideRecord('x_mioms_m365ticket_api_log')
            row.initialize()
            row.setValue('route', 'GET /tickets')
            return row.insert()
        })
        runtime.store.run(`UPDATE ${runtime.store.sqlTable('x_mioms_m365ticket_api_log')} SET sys_created_on = '2020-01-01 00:00:00' WHERE sys_id = ?`, [old])
        scripts.runScheduledJob('Microsoft 365 connector: purge API log')
        expect(runtime.store.getRow('x_mioms_m365ticket_api_log', old!)).toBeUndefined()
        expect(runtime.store.select('syslog', everyRow()).map((row) => row.message)).toContain(
            'Microsoft 365 connector: purged 1 API log rows older than 30 days',
        )
    })

    it("runs the app's business rule on update: the Microsoft 365 task id of a ticket cannot change", () => {
        callOperation('PUT', '/connection', { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' })
        const ticket = callOperation('POST', '/tasks', taskBody()).json.result
        const update = (field: string, value: string) =>
            runtime.runAs('admin', () => {
                const record = new GlideRecord('x_mioms_m365ticket_change_request')
                record.get(ticket.sysId)
                record.setValue(field, value)
                return record.update()
            })
        expect(update('m365_task_id', 'another-task')).toBeNull()
        expect(runtime.session.errorMessages).toContain('These Microsoft 365 fields cannot be changed: m365_task_id')
        expect(runtime.store.getRow('x_mioms_m365ticket_change_request', ticket.sysId)!.m365_task_id).toBe('AdminMFAV2-0001')
        expect(update('short_description', 'Renamed by the change manager')).toBe(ticket.sysId)
        expect(runtime.store.getRow('x_mioms_m365ticket_change_request', ticket.sysId)!.short_description).toBe('Renamed by the change manager')
    })
})

describe('the sandbox is shaped like the instance', () => {
    it.each([
        ['process', 'typeof process'],
        ['require of the host', 'typeof module'],
        ['Buffer', 'typeof Buffer'],
        ['timers', 'typeof setTimeout'],
        ['Reflect', 'typeof Reflect'],
    ])('has no %s', (_name, expression) => {
        expect(scripts.runScript('return ' + expression, {}, 'probe')).toBe('undefined')
    })

    // SDK javascript-compatibility-guide: new Function() is disallowed; eval() in a custom application throws
    // "eval() not allowed in a custom application, use GlideScopedEvaluator instead" (the instance's SecurityException).
    it('refuses code generation from strings (eval, new Function)', () => {
        expect(() => scripts.runScript("return new Function('return 1')()", {}, 'probe')).toThrow(/Code generation from strings disallowed/)
        expect(() => scripts.runScript("return eval('1')", {}, 'probe')).toThrow('eval() not allowed in a custom application, use GlideScopedEvaluator instead')
        expect(() => scripts.runScript("return (0, eval)('1')", {}, 'probe')).toThrow('eval() not allowed in a custom application')
    })

    // SDK docs/guides/module-guide.md, "Avoidance": Glide APIs "ARE globally available" in script include (and other
    // server script) context, so scripts use them without importing.
    it('gives server scripts the script globals: gs, GlideRecord, GlideDateTime, Class and the scope of the script includes', () => {
        expect(scripts.runScript('return [typeof gs, typeof GlideRecord, typeof GlideDateTime, typeof Class, typeof x_mioms_m365ticket].join()', {}, 'probe')).toBe(
            'object,function,function,object,object',
        )
    })

    it('refuses a Node built-in from a server script, naming it', () => {
        expect(() => scripts.runScript("require('child_process')", {}, 'probe')).toThrow("Module 'child_process' imported by a server script is a Node.js built-in")
    })
})

// SDK docs/guides/javascript-compatibility-guide.md, "Caveats / Not Fully Supported": what the instance's engine
// disallows is refused when the module loads; what it supports (private static members, subclassing Date) loads.
describe('module syntax the instance refuses (javascript-compatibility-guide)', () => {
    let path = 0
    /** Loads a module with the given source from a sys_module record, as the build would write it. */
    function load(source: string): () => unknown {
        const modulePath = `x_mioms_m365ticket/probe/1.0.0/src/server/probe-${++path}.js`
        runtime.store.insert('sys_module', { path: modulePath, content: source }, 'system')
        const host = new ScriptHost(runtime)
        return () => host.require(modulePath)
    }

    it.each([
        ['private instance members', 'class A { #secret = 1; read() { return this.#secret } }\nexports.A = A', /#private instance member #secret/],
        ['async methods in classes', 'class A { async load() { return 1 } }\nexports.A = A', /async class method load/],
        ['async generators', 'async function* items() { yield 1 }\nexports.items = items', /an async generator/],
        ['for await...of', 'async function all(xs) { for await (const x of xs) {} }\nexports.all = all', /for await\.\.\.of/],
        ['subclassing Error', 'class Failure extends Error {}\nexports.Failure = Failure', /a class extending the built-in Error/],
        ['subclassing Map', 'class Registry extends Map {}\nexports.Registry = Registry', /a class extending the built-in Map/],
    ])('refuses %s, naming the module', (_feature, source, message) => {
        expect(load(source)).toThrow(message)
    })

    it.each([
        ['private static members', 'class A { static #count = 0; static next() { return ++A.#count } }\nexports.A = A'],
        ['subclassing a built-in the guide does not list (Date)', 'class When extends Date {}\nexports.When = When'],
    ])('loads %s', (_feature, source) => {
        expect(load(source)).not.toThrow()
    })

    it.each(['WeakRef', 'FinalizationRegistry', 'SharedArrayBuffer', 'Atomics'])('has no %s (disallowed)', (name) => {
        expect(scripts.runScript(`return typeof ${name}`, {}, 'probe')).toBe('undefined')
        expect((load(`exports.kind = typeof ${name}`)() as { kind: string }).kind).toBe('undefined')
    })

    it('refuses dynamic import() as not emulated (the guides do not say)', () => {
        expect(load("exports.later = () => import('./other.js')")).toThrow('not emulated by the local instance: dynamic import()')
    })
})

describe('modules the instance refuses (fixture app built by the SDK under test/fixtures/refused-app)', () => {
    let fixture: Runtime
    let fixtureScripts: ScriptHost
    const root = 'x_fixture_refused/refused-app/1.0.0/src/server'

    beforeEach(() => {
        fixture = createRuntime({ dbPath: ':memory:', appDir: join(REFUSED_FIXTURE_APP, 'dist', 'app') }).activate()
        fixtureScripts = new ScriptHost(fixture)
    })

    afterEach(() => fixture.close())

    it('runs a module whose relative import carries its extension', () => {
        const module = fixtureScripts.require(`${root}/well-formed.ts`) as { greetAndLog(): string }
        expect(fixture.runAs('admin', () => module.greetAndLog())).toBe('hello from helper')
    })

    it("refuses a module that reaches Node's fs, naming the module", () => {
        const module = fixtureScripts.require(`${root}/uses-fs.ts`) as { readSecret(): string }
        expect(() => module.readSecret()).toThrow(`Module 'fs' imported by '${root}/uses-fs.ts' is a Node.js built-in; it does not exist on the instance`)
    })

    it('refuses a relative import without its .ts extension, naming the module', () => {
        expect(() => fixtureScripts.require(`${root}/no-extension.ts`)).toThrow(
            `Module './helper' imported by '${root}/no-extension.ts' has no file extension; on the instance relative imports must name it (e.g. './helper.ts')`,
        )
    })

    // SDK docs/guides/module-guide.md, "Avoidance": Glide APIs "are NOT globally available in module context", and
    // `new x_myapp.MyUtils()` in a module "throws a runtime error (`x_myapp is not defined`)".
    it('runs a module without the script globals: gs not imported is not defined', () => {
        const module = fixtureScripts.require(`${root}/uses-script-globals.ts`) as { logWithoutImport(): void; scriptIncludeByScope(): string }
        expect(() => fixture.runAs('admin', () => module.logWithoutImport())).toThrow(new ReferenceError('gs is not defined'))
    })

    it('runs a module without the script globals: a script include by its scope prefix is not defined', () => {
        const module = fixtureScripts.require(`${root}/uses-script-globals.ts`) as { logWithoutImport(): void; scriptIncludeByScope(): string }
        expect(() => module.scriptIncludeByScope()).toThrow(new ReferenceError('x_fixture_refused is not defined'))
    })

    it('keeps the script globals in the job script that calls a module: the module alone lacks them', () => {
        const job = fixture.store.select('sysauto_script', everyRow()).find((row) => row.name === 'uses script globals')!
        expect(() => fixture.runAs('admin', () => fixtureScripts.runScript(job.script!, {}, job.name!))).toThrow('gs is not defined')
        expect(fixtureScripts.runScript("gs.info('from the job script'); return 'logged'", {}, 'job script')).toBe('logged')
    })

    it('runs the fixture scheduled jobs from their records: the refused ones fail, the well-formed one logs', () => {
        const jobs = fixture.store.select('sysauto_script', everyRow())
        const run = (name: string) => () => fixture.runAs('admin', () => fixtureScripts.runScript(jobs.find((job) => job.name === name)!.script!, {}, name))
        expect(run('uses fs')).toThrow(/Node.js built-in/)
        expect(run('no extension')).toThrow(/has no file extension/)
        run('well formed')()
        expect(fixture.store.select('syslog', everyRow()).map((row) => row.message)).toContain('hello from helper')
    })
})
