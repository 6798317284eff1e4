/**
 * The platform's own list of its script APIs, as the SDK ships it (@servicenow/glide/src/util/GlideAPIs.json:
 * every class and its methods, by namespace). The local instance emulates a few of these methods; every
 * other method the platform has is installed as a refusal, so a script calling it fails with
 * `not emulated by the local instance: <api>.<method>()` instead of meeting `undefined` or an invention.
 *
 *   platformMethods(namespace, api) → method names    ('defaults' is the global namespace: gs, GlideDateTime, …)
 *   refuseUnemulated(target, methods, label)          installs a refusing function for each method target lacks
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { notEmulated } from '../messages.ts'

type ApiCatalogue = Record<string, Record<string, string[]>>

let catalogue: ApiCatalogue | null = null

export function platformMethods(namespace: string, api: string): string[] {
    catalogue ??= JSON.parse(readFileSync(resolve(__dirname, '..', '..', '..', 'node_modules', '@servicenow', 'glide', 'src', 'util', 'GlideAPIs.json'), 'utf8')) as ApiCatalogue
    return [...new Set(catalogue[namespace]?.[api] ?? [])]
}

/** Adds, for every listed method the target does not implement, a function that refuses the call. */
export function refuseUnemulated(target: object, methods: string[], label: string): void {
    for (const method of methods) {
        if (method in target) continue
        Object.defineProperty(target, method, {
            configurable: true,
            writable: true,
            value: () => notEmulated(`${label}.${method}()`),
        })
    }
}
