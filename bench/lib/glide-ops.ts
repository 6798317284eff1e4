// The app's cost in GlideRecord operations, the unit that carries over to a real instance (each is one database
// round trip there): query, get, insert, update, delete (deleteRecord, deleteMultiple, updateMultiple count as
// delete / update) and numbering (a record number drawn from sys_number). Counted from the bench side by wrapping
// the local instance's GlideRecord prototype and its numbering, so the runtime's files stay untouched.
// An operation made inside another on the same record (get() runs its own query) counts once; operations of
// business rules that run inside an insert are counted, as they are work the platform does for the call.
import { GlideRecord } from '../../emulator/instance/glide/GlideRecord.ts'
import { Numbering } from '../../emulator/instance/store/numbering.ts'

export const GLIDE_OPERATIONS = ['query', 'get', 'insert', 'update', 'delete', 'numbering'] as const
export type GlideOperation = (typeof GLIDE_OPERATIONS)[number]
export type GlideOperationCounts = Record<GlideOperation, number> & { total: number }

const METHODS: Record<string, GlideOperation> = {
    query: 'query',
    get: 'get',
    insert: 'insert',
    update: 'update',
    updateMultiple: 'update',
    deleteRecord: 'delete',
    deleteMultiple: 'delete',
}

let installed = false

export class GlideOperationCounter {
    private recording = false
    private counts = GlideOperationCounter.zero()
    /** Records inside an operation: a nested call on the same record is part of that operation. */
    private readonly busy = new WeakSet<object>()

    static zero(): GlideOperationCounts {
        return { query: 0, get: 0, insert: 0, update: 0, delete: 0, numbering: 0, total: 0 }
    }

    /** Wraps the prototypes once per process; a second counter would count twice. */
    constructor() {
        if (installed) throw new Error('A GlideOperationCounter is already installed in this process')
        installed = true
        const prototype = GlideRecord.prototype as unknown as Record<string, (...args: unknown[]) => unknown>
        for (const [method, operation] of Object.entries(METHODS)) {
            const original = prototype[method]
            const counter = this
            prototype[method] = function (this: object, ...args: unknown[]) {
                if (counter.busy.has(this)) return original.apply(this, args)
                counter.count(operation)
                counter.busy.add(this)
                try {
                    return original.apply(this, args)
                } finally {
                    counter.busy.delete(this)
                }
            }
        }
        const numbering = Numbering.prototype as unknown as { next: (table: string) => string | null }
        const next = numbering.next
        const counter = this
        numbering.next = function (this: Numbering, table: string) {
            const number = next.call(this, table)
            if (number !== null) counter.count('numbering')
            return number
        }
    }

    private count(operation: GlideOperation): void {
        if (!this.recording) return
        this.counts[operation]++
        this.counts.total++
    }

    /** Runs fn counting the operations it makes. */
    measure<T>(fn: () => T): { value: T; operations: GlideOperationCounts } {
        this.counts = GlideOperationCounter.zero()
        this.recording = true
        try {
            const value = fn()
            return { value, operations: { ...this.counts } }
        } finally {
            this.recording = false
        }
    }
}
/** "2 query, 1 insert, 1 numbering" */
export function describeOperations(counts: GlideOperationCounts): string {
    return (
        GLIDE_OPERATIONS.filter((op) => counts[op] > 0)
            .map((op) => `${counts[op]} ${op}`)
            .join(', ') || 'none'
    )
}
