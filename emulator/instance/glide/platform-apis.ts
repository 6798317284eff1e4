/**
 * The platform's own lists of its script APIs, as the SDK ships them. The local instance emulates a few of these
 * methods; every other method the platform has is installed as a refusal, so a script calling it fails with
 * `not emulated by the local instance: <api>.<method>()` instead of meeting `undefined` or an invention.
 *
 *   platformMethods(namespace, api) → method names    from @servicenow/glide/src/util/GlideAPIs.json ('defaults' is
 *                                                     the global namespace: gs, GlideDateTime, …)
 *   platformTypeMethods(path) → method names          declared in an SDK type definition, e.g. 'types/GlideRecord.d.ts'
 *                                                     (GlideAPIs.json lacks GlideRecord and GlideAggregate)
 *   refuseUnemulated(target, methods, label)          installs a refusing function for each method target lacks
 *   isRefusal(value)                                  whether value is such a refusing function
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { notEmulated } from '../messages.ts'

type ApiCatalogue = Record<string, Record<string, string[]>>

const GLIDE_SOURCES = resolve(__dirname, '..', '..', '..', 'node_modules', '@servicenow', 'glide', 'src')

let catalogue: ApiCatalogue | null = null

export function platformMethods(namespace: string, api: string): string[] {
    catalogue ??= JSON.parse(readFileSync(resolve(GLIDE_SOURCES, 'util', 'GlideAPIs.json'), 'utf8')) as ApiCatalogue
    return [...new Set(catalogue[namespace]?.[api] ?? [])]
}

/**
 * The methods a type definition declares: members at the declaration's first indentation followed by their
 * parameter list (optionally after type parameters, which may span lines), constructors left out.
 */
export function platformTypeMethods(path: string): string[] {
    const text = readFileSync(resolve(GLIDE_SOURCES, path), 'utf8')
    const names = [...text.matchAll(/^ {2}(?:static\s+)?([A-Za-z_$][\w$]*)\??\s*(?:<[^();{]*>)?\s*\(/gm)].map((match) => match[1])
    return [...new Set(names.filter((name) => name !== 'new' && name !== 'constructor'))].sort()
}

const refusals = new WeakSet<object>()

/** Adds, for every listed method the target does not implement, a function that refuses the call. */
export function refuseUnemulated(target: object, methods: string[], label: string): void {
    for (const method of methods) {
        if (method in target) continue
        const refusal = (): never => notEmulated(`${label}.${method}()`)
        refusals.add(refusal)
        Object.defineProperty(target, method, { configurable: true, writable: true, value: refusal })
    }
}

export function isRefusal(value: unknown): boolean {
    return typeof value === 'function' && refusals.has(value)
}
