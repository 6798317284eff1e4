// The Graph port's pure parts: current state from the history, Device controls, Retry-After, the roles claim
// and the per-tenant semaphore.
import type { SecureScoreControlProfile } from '@microsoft/microsoft-graph-types'
import { Semaphore, PerTenantLimiter } from '../../../bridge/ports/graph/concurrency.ts'
import { currentState, isDeviceControl } from '../../../bridge/ports/graph/control-state.ts'
import { rolesClaim } from '../../../bridge/ports/graph/token-source.ts'

const entry = (state: string, updatedDateTime: string | null) => ({ state, updatedDateTime, assignedTo: null, comment: null, updatedBy: null })

describe('currentState', () => {
    it('is null without history', () => {
        expect(currentState({})).toBeNull()
        expect(currentState({ controlStateUpdates: [] })).toBeNull()
    })

    it('is the newest entry by updatedDateTime, wherever it is in the array', () => {
        const profile: SecureScoreControlProfile = {
            controlStateUpdates: [entry('Ignored', '2024-03-02T10:00:00Z'), entry('ThirdParty', '2024-03-05T08:00:00Z'), entry('Reviewed', '2024-03-01T00:00:00Z')],
        }
        expect(currentState(profile)?.state).toBe('ThirdParty')
    })

    it('on equal times is the later entry in the array; times compare as instants, not strings', () => {
        expect(currentState({ controlStateUpdates: [entry('Ignored', '2024-03-02T10:00:00Z'), entry('Default', '2024-03-02T10:00:00.000Z')] })?.state).toBe('Default')
        expect(currentState({ controlStateUpdates: [entry('Ignored', '2024-03-02T11:00:00+02:00'), entry('Default', '2024-03-02T10:00:00Z')] })?.state).toBe('Default')
    })

    it('counts entries without a readable time as oldest', () => {
        expect(currentState({ controlStateUpdates: [entry('Reviewed', '2024-01-01T00:00:00Z'), entry('Ignored', null), entry('Default', 'yesterday')] })?.state).toBe('Reviewed')
        expect(currentState({ controlStateUpdates: [entry('Ignored', null), entry('Default', null)] })?.state).toBe('Default')
    })
})

describe('isDeviceControl', () => {
    it('is true for scid_ ids only', () => {
        expect(isDeviceControl('scid_2000')).toBe(true)
        expect(isDeviceControl('SCID_91')).toBe(true)
        expect(isDeviceControl('AdminMFAV2')).toBe(false)
        expect(isDeviceControl('myscid_1')).toBe(false)
    })
})

describe('rolesClaim', () => {
    const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`
    it('reads the roles of an app-only token', () => {
        expect(rolesClaim(jwt({ roles: ['SecurityEvents.Read.All', 'SecurityEvents.ReadWrite.All'] }))).toEqual(['SecurityEvents.Read.All', 'SecurityEvents.ReadWrite.All'])
    })
    it('is empty without a roles claim, and null (unknown) for a token that is not a readable JWT', () => {
        expect(rolesClaim(jwt({ scp: 'User.Read' }))).toEqual([])
        expect(rolesClaim('opaque')).toBeNull()
        expect(rolesClaim('a.!!!.c')).toBeNull()
    })
})

describe('Semaphore', () => {
    it('runs at most `limit` tasks at once, in arrival order, and frees the slot when a task fails', async () => {
        const semaphore = new Semaphore(2)
        let running = 0
        let peak = 0
        const started: number[] = []
        const task = (n: number) => async () => {
            started.push(n)
            running++
            peak = Math.max(peak, running)
            await new Promise((resolve) => setTimeout(resolve, 5))
            running--
            if (n === 0) throw new Error('boom')
            return n
        }
        const results = await Promise.allSettled([0, 1, 2, 3, 4].map((n) => semaphore.run(task(n))))
        expect(peak).toBe(2)
        expect(started).toEqual([0, 1, 2, 3, 4])
        expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled'])
    })

    it('keeps tenants apart and refuses a limit below 1', async () => {
        const limiter = new PerTenantLimiter(1)
        let release: () => void = () => undefined
        const blocking = limiter.run('a', () => new Promise<void>((resolve) => (release = resolve)))
        await expect(limiter.run('b', async () => 'b ran')).resolves.toBe('b ran')
        release()
        await blocking
        expect(() => new PerTenantLimiter(0)).toThrow(/positive integer/)
    })
})
