// The register's opening claim, over the Glide API surface: every method the local instance gives scripts is listed
// in FIDELITY.md's "Glide API surface" section (emulated, or an internal member of the implementation) or refuses the
// call as not emulated, and every method the platform lists for an emulated API that the instance does not emulate
// is refused, never undefined. Walked both ways: a listed method the instance lacks fails as well.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as glide from '../../emulator/instance/glide/index.ts'
import * as snScopedCache from '../../emulator/instance/glide/namespaces/sn_scoped_cache.ts'
import * as snWsErr from '../../emulator/instance/glide/namespaces/sn_ws_err.ts'
import * as snWsInt from '../../emulator/instance/glide/namespaces/sn_ws_int.ts'
import { isRefusal, platformMethods, platformTypeMethods } from '../../emulator/instance/glide/platform-apis.ts'
import { createRestRequest, createRestResponse } from '../../emulator/instance/glide/rest.ts'
import { NotEmulated } from '../../emulator/instance/messages.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { repoRoot } from '../../scripts/ensure-built.ts'

interface SurfaceRow {
    apis: string[]
    platformLists: string[]
    emulated: string[]
    internal: string[]
}

const backticked = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1])

function surfaceRows(): SurfaceRow[] {
    const register = readFileSync(join(repoRoot, 'emulator', 'instance', 'FIDELITY.md'), 'utf8')
    const section = register.split(/^## /m).find((part) => part.startsWith('Glide API surface\n'))
    if (!section) throw new Error('FIDELITY.md has no "## Glide API surface" section')
    return section
        .split('\n')
        .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line) && !/^\|\s*API\s*\|/.test(line))
        .map((line) => {
            const [apis, platformLists, emulated, internal] = line.split('|').slice(1, -1).map((cell) => cell.trim())
            return { apis: backticked(apis), platformLists: backticked(platformLists), emulated: backticked(emulated), internal: backticked(internal ?? '') }
        })
}

/** The platform's methods for a row: the SDK's GlideAPIs.json entries (`namespace.Api`) and type definitions (`….d.ts`). */
function platformList(row: SurfaceRow): Set<string> {
    const names = new Set<string>()
    for (const list of row.platformLists) {
        if (list === 'GlideAPIs.json') continue
        const methods = list.endsWith('.d.ts') ? platformTypeMethods(list) : platformMethods(list.slice(0, list.lastIndexOf('.')), list.slice(list.lastIndexOf('.') + 1))
        expect({ list, methods: methods.length > 0 }).toEqual({ list, methods: true })
        for (const method of methods) names.add(method)
    }
    return names
}

// How to reach each API as a script does: an instance of a class, the class itself for static APIs, or the object.
const STATIC_APIS = new Set(['gs', 'GlideSecureRandomUtil', 'ScopedCacheManager'])
const EXAMPLE_TABLE = 'incident'

function reach(api: string, exported: unknown): Record<string, unknown> {
    if (api === 'GlideElement') return new glide.GlideRecord(EXAMPLE_TABLE).short_description
    if (api === 'GlideQueryCondition') return new glide.GlideRecord(EXAMPLE_TABLE).addQuery('active', true) as unknown as Record<string, unknown>
    if (api === 'GlideUser') return glide.gs.getUser() as unknown as Record<string, unknown>
    if (api === 'RESTAPIRequest') return createRestRequest({}) as unknown as Record<string, unknown>
    if (api === 'RESTAPIRequestBody') return createRestRequest({ body: '{}' }).body as unknown as Record<string, unknown>
    if (api === 'RESTAPIResponse') return createRestResponse() as unknown as Record<string, unknown>
    if (STATIC_APIS.has(api)) return exported as Record<string, unknown>
    if (typeof exported !== 'function') throw new Error(`the test does not know how to reach ${api}`)
    const construct = exported as new (table: string) => Record<string, unknown>
    return new construct(EXAMPLE_TABLE)
}

/** Function-valued members a script can call: own and inherited, and for an instance of a class its statics too. */
function callableMembers(target: object, statics: object | null): Map<string, unknown> {
    const members = new Map<string, unknown>()
    for (const start of statics ? [target, statics] : [target]) {
        for (let proto: object | null = start; proto && proto !== Object.prototype && proto !== Function.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
            for (const name of Object.getOwnPropertyNames(proto)) {
                if (name === 'constructor' || members.has(name)) continue
                const descriptor = Object.getOwnPropertyDescriptor(proto, name)
                if (descriptor && 'value' in descriptor && typeof descriptor.value === 'function') members.set(name, descriptor.value)
            }
        }
    }
    return members
}

const exportsByName = new Map<string, unknown>(Object.entries({ ...glide, ...snScopedCache, ...snWsErr, ...snWsInt }))
// Reached through another API rather than exported: gs.getUser(), a Scripted REST request's body.
const REACHED_APIS = new Set(['GlideUser'])

// Nothing here writes: one runtime serves every test.
let runtime: Runtime
beforeAll(() => {
    runtime = createRuntime().activate()
})
afterAll(() => runtime.close())

it('has a surface row for every class and object the Glide runtime and its namespaces export, and nothing else', () => {
    const namespaceFiles = readdirSync(join(repoRoot, 'emulator', 'instance', 'glide', 'namespaces')).sort()
    expect(namespaceFiles).toEqual(['sn_scoped_cache.ts', 'sn_ws_err.ts', 'sn_ws_int.ts'])
    const listed = surfaceRows().flatMap((row) => row.apis)
    expect(listed.length).toBeGreaterThanOrEqual(15)
    expect([...exportsByName.keys()].filter((name) => !listed.includes(name))).toEqual([])
    expect(listed.filter((api) => !exportsByName.has(api) && !REACHED_APIS.has(api))).toEqual([])
    expect(new Set(listed).size).toBe(listed.length)
})

describe.each(surfaceRows().flatMap((row) => row.apis.map((api) => [api, row] as const)))('%s', (api, row) => {
    const surface = () => {
        const target = reach(api, exportsByName.get(api))
        const exported = exportsByName.get(api)
        return { target, members: callableMembers(target, !STATIC_APIS.has(api) && typeof exported === 'function' ? exported : null) }
    }

    it('lists as emulated only methods the platform has and the instance implements', () => {
        const platform = platformList(row)
        const { members } = surface()
        expect(row.emulated.filter((method) => !platform.has(method))).toEqual([])
        expect(row.emulated.filter((method) => !members.has(method) || isRefusal(members.get(method)))).toEqual([])
    })

    it('lists as internal only members the instance has that are not platform methods', () => {
        const platform = platformList(row)
        const { members } = surface()
        expect(row.internal.filter((method) => platform.has(method) || !members.has(method) || isRefusal(members.get(method)))).toEqual([])
    })

    it('has no callable member that is neither listed nor a refusal', () => {
        const { members } = surface()
        const unlisted = [...members].filter(([method, value]) => !row.emulated.includes(method) && !row.internal.includes(method) && !isRefusal(value))
        expect(unlisted.map(([method]) => method)).toEqual([])
    })

    it('refuses every platform method it does not emulate as not emulated, on access or call', () => {
        const { target } = surface()
        const notRefused: string[] = []
        for (const method of [...platformList(row)].filter((name) => !row.emulated.includes(name))) {
            try {
                const member = target[method] as (this: unknown) => unknown
                member.call(target)
                notRefused.push(`${method}: returned`)
            } catch (e) {
                if (!(e instanceof NotEmulated && e.message.endsWith(`.${method}()`))) notRefused.push(`${method}: ${e instanceof Error ? e.message : String(e)}`)
            }
        }
        expect(notRefused).toEqual([])
    })
})
