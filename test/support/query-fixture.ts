// Shared data for the query-*.test.ts conformance files: five incidents with known categories, priorities and
// descriptions (e has no category), read back by short_description.
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'

export function insert(table: string, values: Record<string, string>): string {
    const gr = new GlideRecord(table)
    gr.initialize()
    for (const [k, v] of Object.entries(values)) gr.setValue(k, v)
    const id = gr.insert()
    if (!id) throw new Error(gr.getLastErrorMessage())
    return id
}

/** short_description of every row the configured query returns, in order. */
export function descriptions(table: string, configure: (gr: GlideRecord) => void): string[] {
    const gr = new GlideRecord(table)
    configure(gr)
    gr.query()
    const out: string[] = []
    while (gr.next()) out.push(gr.getValue('short_description')!)
    return out
}

/** The incidents an encoded query matches, sorted by short_description. */
export const incidents = (encoded: string): string[] =>
    descriptions('incident', (gr) => {
        gr.addEncodedQuery(encoded)
        gr.orderBy('short_description')
    })

/** A runtime with the five incidents; impact/urgency give priority 1 (a), 3 (b), 5 (c), 3 (d), 5 (e). */
export function incidentFixture(options: { strict?: boolean } = {}): Runtime {
    const runtime = createRuntime(options).activate()
    insert('incident', { short_description: 'a alpha', category: 'network', impact: '1', urgency: '1' })
    insert('incident', { short_description: 'b beta', category: 'software', impact: '2', urgency: '2' })
    insert('incident', { short_description: 'c gamma', category: 'hardware', impact: '3', urgency: '3' })
    insert('incident', { short_description: 'd delta^x=y', category: 'network', impact: '1', urgency: '3' })
    insert('incident', { short_description: 'e 10%_off', category: '' })
    return runtime
}
