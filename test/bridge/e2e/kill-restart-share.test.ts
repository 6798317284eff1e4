/**
 * A kill -9 while a share's POST /tasks is in flight, in a real process over a real store file against the local
 * instance, then a new process on the same file: the share the killed process left `pending` is sent again by the
 * next sync (what every page load runs) with its stored task id. Whether the kill landed before the request
 * reached the instance or after the instance made the ticket, the share ends sent and the instance holds exactly
 * one ticket for it (nothing lost, nothing repeated). A proxy in front of the instance holds the request at the
 * chosen point, so the kill never depends on timing. Then the share's result page, served by the bridge itself: a
 * share being sent is said to be on its way, and opening the page of one a killed process left sends it.
 */
import { join } from 'node:path'
import { newTaskId } from '../../../bridge/ports/servicenow/link.ts'
import { createSecretBox } from '../../../bridge/security/secret-box.ts'
import { SecretRegistry } from '../../../bridge/security/secret-registry.ts'
import { openStore, type Share } from '../../../bridge/store/store.ts'
import { BridgeBrowser, hiddenFields, SHARE_FIELDS, signIn, startBridge, startGraph, TENANT, textById } from '../../support/bridge-harness.ts'
import { connectStoreFile, instanceBehindProxy, onDisk, postToChild, sharePayloadFor, startLinkProcess, type HoldStage } from '../ops/shutdown-process.ts'

const setting = instanceBehindProxy()
const { key } = setting

/** A share stored as the share form stores it before sending: pending, with its task id. */
function storeShare(file: string, controlId: string): Share {
    const store = openStore(file, { box: createSecretBox(key, new SecretRegistry()) })
    const share = store.forTenant(TENANT).createShare({ id: 'share-' + controlId, taskId: newTaskId(controlId), controlId, payload: sharePayloadFor(controlId) })
    store.close()
    return share
}

const shareOnDisk = (file: string, id: string) => onDisk<{ status: string; ticket_number: string | null; replayed: number }>(file, 'SELECT status, ticket_number, replayed FROM share WHERE id = ?', id)[0]
const ticketsOnDisk = (file: string, taskId: string) => onDisk<{ number: string }>(file, `SELECT number FROM ticket WHERE json_extract(json, '$.taskId') = ?`, taskId)
const ticketsOnInstance = (taskId: string) => setting.instance.rows('task', 'm365_task_id = ?', [taskId])

/**
 * A share sent by a child process killed with its POST held at `stage`; `triedAgain`: the share had failed before and
 * this send is its Try again. Either way it is left pending (a Try again is pending until its answer).
 */
async function killDuringShare(stage: HoldStage, controlId: string, triedAgain = false): Promise<{ file: string; share: Share }> {
    const file = join(setting.dir, `${stage}${triedAgain ? '-retry' : ''}.sqlite`)
    await connectStoreFile(file, key, TENANT, setting.proxy.url)
    const share = storeShare(file, controlId)
    if (triedAgain) {
        const store = openStore(file, { box: createSecretBox(key, new SecretRegistry()) })
        store.forTenant(TENANT).markShareFailed(share.id, 'ServiceNow did not answer. Check that the instance is up and that this bridge can reach it, then try again.')
        store.close()
    }
    const held = setting.proxy.hold((method, path) => method === 'POST' && path.endsWith('/connector/tasks'), stage)
    const killed = await startLinkProcess(setting, file, 100)
    void postToChild(killed, `/shares/${share.id}/send`)
    await held
    killed.process.kill('SIGKILL')
    await killed.exited
    setting.proxy.stopHolding()
    expect(shareOnDisk(file, share.id).status).toBe('pending')
    return { file, share }
}

/** The restart: a new process on the same file, and a sync, as the first page load after it runs. */
async function restartAndSync(file: string): Promise<void> {
    const restarted = await startLinkProcess(setting, file, 100)
    expect(await postToChild(restarted, '/sync')).toMatchObject({ pages: 1 })
    restarted.process.kill('SIGKILL')
    await restarted.exited
}

it('killed before the POST reached the instance: the restart sends the share, and the instance makes its one ticket', async () => {
    const { file, share } = await killDuringShare('request', 'AdminMFAV2')
    expect(ticketsOnInstance(share.taskId)).toHaveLength(0)

    await restartAndSync(file)
    const [ticket, ...more] = ticketsOnInstance(share.taskId)
    expect(more).toHaveLength(0)
    expect(shareOnDisk(file, share.id)).toEqual({ status: 'sent', ticket_number: ticket.number, replayed: 0 })
    expect(ticketsOnDisk(file, share.taskId)).toEqual([{ number: ticket.number }])
})

it('killed after the instance made the ticket, before its answer was stored: the restart gets that ticket back, no second one', async () => {
    const { file, share } = await killDuringShare('answer', 'BlockLegacyAuthentication')
    const [made, ...more] = ticketsOnInstance(share.taskId)
    expect(more).toHaveLength(0)

    await restartAndSync(file)
    expect(ticketsOnInstance(share.taskId).map((row) => row.sys_id)).toEqual([made.sys_id])
    expect(shareOnDisk(file, share.id)).toEqual({ status: 'sent', ticket_number: made.number, replayed: 1 })
    expect(ticketsOnDisk(file, share.taskId)).toEqual([{ number: made.number }])
})

it('a Try again killed after the instance made the ticket, on a share that had failed: the next sync gets the ticket back, and the share is sent', async () => {
    const { file, share } = await killDuringShare('answer', 'MFARegistrationV2', true)
    const [made, ...more] = ticketsOnInstance(share.taskId)
    expect(more).toHaveLength(0)

    await restartAndSync(file)
    expect(ticketsOnInstance(share.taskId).map((row) => row.sys_id)).toEqual([made.sys_id])
    expect(shareOnDisk(file, share.id)).toEqual({ status: 'sent', ticket_number: made.number, replayed: 1 })
})

it('a Try again killed before the POST reached the instance, on a share that had failed: pending again, the next sync sends it once', async () => {
    const { file, share } = await killDuringShare('request', 'SigninRiskPolicy', true)
    expect(ticketsOnInstance(share.taskId)).toHaveLength(0)

    await restartAndSync(file)
    const [ticket, ...more] = ticketsOnInstance(share.taskId)
    expect(more).toHaveLength(0)
    expect(shareOnDisk(file, share.id)).toEqual({ status: 'sent', ticket_number: ticket.number, replayed: 0 })
})

describe('the result page of a pending share, served by the bridge', () => {
    let graph: Awaited<ReturnType<typeof startGraph>>
    beforeAll(async () => {
        graph = await startGraph()
    })
    afterAll(() => graph?.close())

    it('while the bridge sends the share, its page says it is being sent, not that it failed', async () => {
        const file = join(setting.dir, 'page-sending.sqlite')
        await connectStoreFile(file, key, TENANT, setting.proxy.url)
        const bridge = await startBridge({ dataFile: file, secretKey: key, graphServer: graph })
        try {
            const browser = new BridgeBrowser()
            await signIn(browser, bridge)
            const draftId = hiddenFields((await browser.request(`${bridge.url}/actions/MFARegistrationV2/share`)).html).draftId
            const held = setting.proxy.hold((method, path) => method === 'POST' && path.endsWith('/connector/tasks'), 'request')
            const shared = browser.request(`${bridge.url}/actions/MFARegistrationV2/share`, {
                form: { ...SHARE_FIELDS, draftId, ticketType: 'change', priority: 'high', name: 'Require MFA registration', description: 'Do it.', dueDate: '2099-12-31' },
            })
            await held
            const page = await browser.request(`${bridge.url}/shares/${draftId}`)
            expect(page.status).toBe(200)
            expect(page.html).toContain('<title>Sharing in progress')
            expect(page.html).toMatch(/<p id="share-pending" data-sending="true">The improvement action <a [^>]+>[^<]+<\/a> is being sent to ServiceNow now\./)
            expect(page.html).not.toContain('could not be shared')
            // A page load's sync meanwhile leaves the share to the request sending it: still one POST.
            const posts = () => setting.proxy.seen.filter((seen) => seen.method === 'POST' && seen.path.endsWith('/connector/tasks')).length
            const postsBefore = posts()
            expect((await browser.request(`${bridge.url}/`)).status).toBe(200)
            expect(posts()).toBe(postsBefore)

            // The held attempt's connection is cut: the bridge retries with the same task id, and the share goes through.
            setting.proxy.stopHolding()
            expect((await shared).location).toBe(`${bridge.url}/shares/${draftId}`)
            const share = bridge.store.forTenant(TENANT).getShare(draftId) as Share
            expect(share.status).toBe('sent')
            expect(ticketsOnInstance(share.taskId).map((row) => row.number)).toEqual([share.ticketNumber])
        } finally {
            await bridge.close()
        }
    })

    it('a share a killed process left pending: opening its page after the restart sends it, and the page shows its one ticket', async () => {
        const { file, share } = await killDuringShare('answer', 'AdminMFAV2')
        const bridge = await startBridge({ dataFile: file, secretKey: key, graphServer: graph })
        try {
            const browser = new BridgeBrowser()
            await signIn(browser, bridge)
            const page = await browser.request(`${bridge.url}/shares/${share.id}`)
            expect(page.status).toBe(200)
            const [ticket, ...more] = ticketsOnInstance(share.taskId)
            expect(more).toHaveLength(0)
            expect(textById(page.html, 'ticket-number')).toBe(ticket.number)
            expect(page.html).toContain('no second ticket was made')
        } finally {
            await bridge.close()
        }
    })
})
