/**
 * A kill -9 in the middle of a delta sync, in a real process over a real store file against the local instance:
 * tickets come two per page, most of them resolved since the last sync (each such outcome change queues one
 * write-back row in the merge's own transaction). The process is killed after two pages are merged and before
 * the watermark moves; a new process on the same file syncs again from the old watermark, merging those pages a
 * second time. Every ticket is stored once, the watermark is the newest update, and every outcome change has
 * exactly one write-back row (nothing lost, nothing repeated). A proxy in front of the instance holds the third
 * page's request, so the kill never depends on timing.
 */
import { join } from 'node:path'
import { writeBackObserver } from '../../../bridge/domain/write-back.ts'
import { newTaskId, ServiceNowLink, type SyncResult } from '../../../bridge/ports/servicenow/link.ts'
import { createSecretBox } from '../../../bridge/security/secret-box.ts'
import { SecretRegistry } from '../../../bridge/security/secret-registry.ts'
import { openStore } from '../../../bridge/store/store.ts'
import { TENANT } from '../../support/bridge-harness.ts'
import { connectStoreFile, instanceBehindProxy, onDisk, postToChild, sharePayloadFor, startLinkProcess } from '../ops/shutdown-process.ts'

const PAGE_SIZE = 2
const TICKETS = 7
const RESOLVED = 5

const setting = instanceBehindProxy()
const { key } = setting
const file = () => join(setting.dir, 'bridge.sqlite')

/**
 * TICKETS change requests shared from as many controls through the bridge's link, in this process, then synced
 * once (the watermark set). Returns the ticket numbers.
 */
async function shareAndSync(): Promise<string[]> {
    const store = openStore(file(), { box: createSecretBox(key, new SecretRegistry()) })
    const tenant = store.forTenant(TENANT)
    tenant.observeOutcomes(writeBackObserver({ store: tenant }))
    const link = new ServiceNowLink({ store: tenant, redirectUri: 'http://127.0.0.1/oauth/callback', syncPageSize: PAGE_SIZE })
    const numbers: string[] = []
    for (let n = 1; n <= TICKETS; n++) {
        const controlId = `KillSyncControl${n}`
        tenant.createShare({ id: 'share-' + controlId, taskId: newTaskId(controlId), controlId, payload: sharePayloadFor(controlId) })
        const share = await link.sendShare('share-' + controlId)
        numbers.push(share.ticketNumber as string)
    }
    await link.sync()
    store.close()
    return numbers
}

const watermarkOnDisk = () => onDisk<{ value: string }>(file(), `SELECT value FROM kv WHERE key = 'watermark'`)[0]?.value
const writeBackRowsOnDisk = () => onDisk<{ ticket_number: string }>(file(), 'SELECT ticket_number FROM write_back ORDER BY ticket_number').map((row) => row.ticket_number)

it('kill -9 after two pages of a sync are merged, then a restart and a sync: every ticket once, the watermark right, one write-back row per outcome change', async () => {
    await connectStoreFile(file(), key, TENANT, setting.proxy.url)
    const numbers = await shareAndSync()
    const before = watermarkOnDisk()
    expect(before).toBeTruthy()
    expect(writeBackRowsOnDisk()).toEqual([])

    // Resolved on the instance since that sync: the next sync brings RESOLVED outcome changes.
    const resolved = numbers.slice(0, RESOLVED)
    for (const number of resolved) {
        const [row] = setting.instance.rows('task', 'number = ?', [number])
        setting.instance.runtime.store.update('x_mioms_m365ticket_change_request', row.sys_id as string, { state: '3', close_code: 'successful', close_notes: 'Done.' }, 'admin')
    }

    // The third page's request is held: two pages (four tickets, at least two of them resolved) are merged.
    let pagesAsked = 0
    const held = setting.proxy.hold((method, path) => method === 'GET' && path.includes('/connector/tickets?') && ++pagesAsked >= 3, 'request')
    const killed = await startLinkProcess(setting, file(), PAGE_SIZE)
    void postToChild(killed, '/sync')
    await held
    const queuedBeforeKill = writeBackRowsOnDisk()
    killed.process.kill('SIGKILL')
    await killed.exited
    setting.proxy.stopHolding()
    expect(queuedBeforeKill.length).toBeGreaterThanOrEqual(2)
    expect(queuedBeforeKill.length).toBeLessThan(RESOLVED)
    expect(watermarkOnDisk()).toBe(before)

    const restarted = await startLinkProcess(setting, file(), PAGE_SIZE)
    const result = await postToChild<SyncResult>(restarted, '/sync')
    restarted.process.kill('SIGKILL')
    await restarted.exited
    // From the old watermark again: the pages merged before the kill are read and merged a second time.
    expect(result).toMatchObject({ since: before })
    expect(result?.pages).toBeGreaterThanOrEqual(3)

    const stored = onDisk<{ number: string; sys_id: string; outcome: string }>(file(), `SELECT number, sys_id, json_extract(json, '$.outcome') AS outcome FROM ticket ORDER BY number`)
    const onInstance = numbers.map((number) => setting.instance.rows('task', 'number = ?', [number])[0])
    expect(stored).toEqual(
        onInstance
            .map((row) => ({ number: row.number, sys_id: row.sys_id, outcome: resolved.includes(row.number as string) ? 'resolved' : 'open' }))
            .sort((a, b) => String(a.number).localeCompare(String(b.number))),
    )
    const newest = Math.max(...onInstance.map((row) => Date.parse(String(row.sys_updated_on).replace(' ', 'T') + 'Z')))
    expect(Date.parse(watermarkOnDisk() as string)).toBe(newest)
    expect(writeBackRowsOnDisk()).toEqual([...resolved].sort())
})
