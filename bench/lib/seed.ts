// Seeding tickets fast, with what the app writes. One change and one incident are created by the built
// intake (POST /tasks operation script); every other ticket is a copy of those rows through the store
// (its numbering, defaults and write rules), with its own task id, number and intake payload, inserted
// in transactions of 2,000. Three tickets in four are changes. Finally the tickets' created, updated
// and opened times are set as bulk intake makes them: bursts of TICKETS_PER_SECOND tickets sharing one second
// (a Microsoft 365 admin sharing many actions at once), one burst a minute, oldest first, so keyset paging meets
// long runs of equal times and must order them by sys_id.
import type { Row } from '../../emulator/instance/store/store.ts'
import type { App } from './app.ts'
import { progress } from './common.ts'
import { taskBody } from './bodies.ts'

export const CHANGE_TABLE = 'x_mioms_m365ticket_change_request'
export const INCIDENT_TABLE = 'x_mioms_m365ticket_incident'
const BATCH = 2000
/** Tickets created in the same second by one bulk intake (BENCH_TIES overrides). */
export const TICKETS_PER_SECOND = Number(process.env.BENCH_TIES ?? 100) || 1
const SYSTEM_FIELDS = ['sys_id', 'number', 'sys_created_on', 'sys_created_by', 'sys_updated_on', 'sys_updated_by', 'sys_mod_count']

function template(app: App, type: 'change' | 'incident', table: string): Row {
    const taskId = `seed-template-${type}`
    const found = app.runtime.store.get(`SELECT * FROM ${app.runtime.store.sqlTable(table)} WHERE sys_class_name = ? AND m365_task_id = ?`, [table, taskId])
    if (found) return found
    const result = app.call('POST /tasks', { body: taskBody(taskId, { ticketType: type }) })
    if (result.status !== 201) throw new Error(`Seeding template ${type}: ${result.status} ${JSON.stringify(result.json)}`)
    return app.runtime.store.getRow(table, String(result.json!.result!.sysId))!
}

export function ticketCount(app: App): number {
    const store = app.runtime.store
    return store.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${store.sqlTable(CHANGE_TABLE)} WHERE sys_class_name IN (?, ?)`, [CHANGE_TABLE, INCIDENT_TABLE])!.n
}

/** Adds tickets to the benchmark tenant until it has `total`; returns the seconds it took. */
export function seedTickets(app: App, total: number): number {
    const started = process.hrtime.bigint()
    const store = app.runtime.store
    const templates = { change: template(app, 'change', CHANGE_TABLE), incident: template(app, 'incident', INCIDENT_TABLE) }
    let have = ticketCount(app)
    const missing = Math.max(0, total - have)
    const bar = progress(`seeding ${total.toLocaleString('en-US')} tickets`, missing)
    const by = 'bench.integration'
    let done = 0
    while (done < missing) {
        const size = Math.min(BATCH, missing - done)
        store.transaction(() => {
            for (let k = 0; k < size; k++) {
                const i = have + k
                const type = i % 4 === 3 ? 'incident' : 'change'
                const base = templates[type]
                const values: Row = {}
                for (const [field, value] of Object.entries(base)) if (!SYSTEM_FIELDS.includes(field)) values[field] = value
                const taskId = `seed-${i}`
                const payload = JSON.parse(base.intake_payload!)
                payload.taskId = taskId
                values.m365_task_id = taskId
                values.intake_payload = JSON.stringify(payload)
                const result = store.insert(type === 'change' ? CHANGE_TABLE : INCIDENT_TABLE, values, by)
                if (result.error !== undefined) throw new Error(result.error)
            }
        })
        done += size
        have += size
        bar.tick(done)
    }
    bar.end()
    spreadTimes(app)
    return Number(process.hrtime.bigint() - started) / 1e9
}

/** Created / updated / opened in bursts of TICKETS_PER_SECOND in one second, a burst a minute, in insertion order. */
function spreadTimes(app: App): void {
    const store = app.runtime.store
    const root = store.sqlTable(CHANGE_TABLE)
    const n = ticketCount(app)
    const bursts = Math.ceil(n / TICKETS_PER_SECOND)
    const oldestSeconds = Math.floor((Date.now() - 60_000 - bursts * 60_000) / 1000)
    // Rank the tickets by rowid (insertion order) once, then one UPDATE sets the three times.
    store.db.exec('DROP TABLE IF EXISTS temp.bench_rank; CREATE TEMP TABLE bench_rank (rid INTEGER PRIMARY KEY, k INTEGER)')
    store.db.prepare(`INSERT INTO temp.bench_rank SELECT rowid, ROW_NUMBER() OVER (ORDER BY rowid) - 1 FROM ${root} WHERE sys_class_name IN (?, ?)`).run(CHANGE_TABLE, INCIDENT_TABLE)
    const at = `strftime('%Y-%m-%d %H:%M:%S', ? + 60 * ((SELECT k FROM temp.bench_rank WHERE rid = ${root}.rowid) / ${TICKETS_PER_SECOND}), 'unixepoch')`
    store.db
        .prepare(`UPDATE ${root} SET sys_created_on = ${at}, sys_updated_on = ${at}, opened_at = ${at} WHERE sys_class_name IN (?, ?)`)
        .run(oldestSeconds, oldestSeconds, oldestSeconds, CHANGE_TABLE, INCIDENT_TABLE)
    store.db.exec('DROP TABLE temp.bench_rank')
}

/** The most tickets of the benchmark tenant that share one sys_updated_on second. */
export function largestTie(app: App): number {
    const store = app.runtime.store
    const row = store.get<{ n: number }>(
        `SELECT COUNT(*) AS n FROM ${store.sqlTable(CHANGE_TABLE)} WHERE sys_class_name IN (?, ?) GROUP BY sys_updated_on ORDER BY n DESC LIMIT 1`,
        [CHANGE_TABLE, INCIDENT_TABLE],
    )
    return row?.n ?? 0
}
