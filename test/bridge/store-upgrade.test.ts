// A store written by the release before tenancy (test/bridge/fixtures/store-release-19.sql, made by that release's
// code: store-release-19.md) opened by today's store: migrated to the current schema version at open, every row
// kept and given the one tenant it served, its secrets sealed on disk, and nothing of another tenant visible.
import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SCHEMA_VERSION } from '../../bridge/store/migrations.ts'
import { openStore } from '../../bridge/store/store.ts'
import { testSecretBox } from '../support/bridge-harness.ts'

const CONTOSO = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const PLAINTEXT_SECRETS = ['release19-client-secret-Zq7', 'release19-access-token-Xy1', 'release19-refresh-token-Wv2', 'release19-pending-secret-Pp3']

let dir: string
let file: string
beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bridge-upgrade-'))
    file = join(dir, 'bridge.sqlite')
    const db = new Database(file)
    db.exec(readFileSync(join(__dirname, 'fixtures', 'store-release-19.sql'), 'utf8'))
    db.close()
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

test('every row of the previous release survives, under its tenant, with its secrets sealed', () => {
    const box = testSecretBox()
    const store = openStore(file, { box })
    try {
        expect(store.foundVersion).toBe(0)
        expect(store.tenants.list()).toEqual([{ tenantId: CONTOSO, name: 'Contoso', joinedAt: expect.any(String), joinedBy: null }])
        const contoso = store.forTenant(CONTOSO)

        expect(contoso.getConnection()).toEqual({
            instanceUrl: 'https://dev12345.service-now.com',
            clientId: 'c0ffee00c0ffee00c0ffee00c0ffee00',
            clientSecret: 'release19-client-secret-Zq7',
            tenantId: CONTOSO,
            tenantName: 'Contoso',
            token: { access_token: 'release19-access-token-Xy1', refresh_token: 'release19-refresh-token-Wv2', token_type: 'Bearer', expires_at: '2026-12-06T06:00:00.000Z' },
            status: 'connected',
            lastError: null,
            connectedAt: '2026-12-01T09:00:00.000Z',
        })
        expect(contoso.takePendingConsent('release19-pending-state', Number.MAX_SAFE_INTEGER)).toMatchObject({ clientSecret: 'release19-pending-secret-Pp3', tenantId: CONTOSO })
        expect(contoso.listShares().map((s) => [s.id, s.status, s.ticketNumber, s.error])).toEqual([
            ['share-2', 'failed', null, 'The instance did not answer.'],
            ['share-1', 'sent', 'INC0010001', null],
        ])
        expect(contoso.shareByTaskId('task-AdminMFAV2-1')?.payload).toEqual({ title: 'Require MFA for admins', requestedBy: 'secadmin@contoso.onmicrosoft.com' })
        expect(contoso.listTickets().map((t) => [t.number, t.state.customLabel])).toEqual([['INC0010001', 'Triage']])
        expect(contoso.getTicket('INC0010001')?.sysId).toBe('s1')
        expect(contoso.get('watermark')).toBe('2026-12-01T09:05:00.000Z')
        expect(contoso.get('last_sync_at')).toBe('2026-12-01T09:06:00.000Z')
        expect(contoso.getStates()?.incident).toEqual([
            { value: '1', label: 'New', customLabel: 'Triage' },
            { value: '6', label: 'Resolved', customLabel: null },
        ])
        expect(contoso.customStateNamesAt('2030-01-01T00:00:00Z')).toEqual({ change: {}, incident: { '1': 'Triage' } })
        expect(contoso.getComment('comment-1')).toMatchObject({ ticketNumber: 'INC0010001', status: 'sent', text: 'Please start with the break-glass accounts.' })
        expect(contoso.secureScore.profiles().map((p) => p.id)).toEqual(['AdminMFAV2'])
        expect(contoso.secureScore.latestScore()?.currentScore).toBe(42)
        expect(contoso.secureScore.status()).toMatchObject({ lastFullAt: '2026-12-01T09:00:00.000Z', lastError: null })
        expect(contoso.outbox.list()).toEqual([expect.objectContaining({ controlId: 'AdminMFAV2', ticketNumber: 'INC0010001', state: 'ThirdParty', status: 'queued' })])
        expect(contoso.outbox.settings()).toEqual({ enabled: true, unresolvedSendsDefault: true })

        // Another tenant sees none of it.
        const other = store.forTenant('b1b2c3d4-0000-4000-8000-00000000beef')
        expect([other.getConnection(), other.listShares(), other.listTickets(), other.get('watermark'), other.outbox.list(), other.secureScore.profiles()]).toEqual([null, [], [], null, [], []])
    } finally {
        store.close()
    }

    // On disk, no secret of the previous release is left in the clear.
    const raw = [file, file + '-wal'].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1')).join('')
    for (const secret of PLAINTEXT_SECRETS) expect(raw).not.toContain(secret)
    const db = new Database(file, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()

    // Opened again with the same key: already current, nothing migrated twice.
    const again = openStore(file, { box })
    expect(again.foundVersion).toBe(SCHEMA_VERSION)
    expect(again.forTenant(CONTOSO).getConnection()?.clientSecret).toBe('release19-client-secret-Zq7')
    expect(again.forTenant(CONTOSO).listShares()).toHaveLength(2)
    again.close()
})

test('a store newer than this bridge is refused, and left as it was', () => {
    const db = new Database(file)
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    expect(() => openStore(file, { box: testSecretBox() })).toThrow(/written by a newer bridge \(schema \d+; this one knows up to \d+\)/)
    const after = new Database(file, { readonly: true })
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1)
    expect(after.prepare('SELECT client_secret FROM connection').get()).toEqual({ client_secret: 'release19-client-secret-Zq7' })
    after.close()
})
