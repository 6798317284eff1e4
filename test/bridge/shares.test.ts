// The share form's proposal from a real-shaped control profile, its server-side rules, the one-open-ticket rule, and
// what the result page says of a share not sent yet.
import { improvementActions, type ImprovementAction } from '../../bridge/domain/actions.ts'
import { htmlToText } from '../../bridge/domain/remediation-text.ts'
import { controlsWithOpenTicket, controlTickets, MAX_DESCRIPTION, prefillShare, proposedDescription, proposedPriority, sharePayload, validateShare, type ShareFormValues } from '../../bridge/domain/shares.ts'
import { shareResultPage } from '../../bridge/pages/share/views.ts'
import type { Share, StoredTicket } from '../../bridge/store/store.ts'
import { storedTicket } from '../support/bridge-harness.ts'
import { demoControlProfiles } from '../../emulator/graph/fixtures/control-profiles.ts'
import { dailyScores } from '../../emulator/graph/fixtures/scores.ts'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const ADMIN = 'secadmin@contoso.onmicrosoft.com'
const profiles = demoControlProfiles(TENANT)
const actions = improvementActions(profiles, dailyScores(TENANT, profiles, 90, new Date('2026-04-01T12:00:00Z'))[0])
const byId = (id: string): ImprovementAction => actions.find((a) => a.id === id) as ImprovementAction
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10)

describe('prefill', () => {
    it('from AdminMFAV2: name, description (remediation as text, impact, action URL), category, source, requester', () => {
        const action = byId('AdminMFAV2')
        const values = prefillShare(action, ADMIN)
        expect(values).toEqual({
            ticketType: 'change',
            priority: proposedPriority(action),
            name: 'Ensure multifactor authentication is enabled for all users in administrative roles',
            description: expect.any(String),
            dueDate: day(30),
            category: 'identity',
            source: 'microsoft',
            requestedBy: ADMIN,
        })
        expect(values.description).toBe(
            [
                'Require multifactor authentication (MFA) for every account that holds a Microsoft Entra administrative role, with a Conditional Access policy targeting directory roles.',
                '',
                '1. Go to Protection > Conditional Access > Policies and select New policy.',
                '2. Under Users, include Directory roles & select every administrative role.',
                '3. Under Grant, select Require multifactor authentication, set Enable policy to On & save.',
                '',
                'Learn more (https://learn.microsoft.com/entra/identity/conditional-access/policy-old-require-mfa-admin)',
                '',
                'User impact: ' + action.remediationImpact,
                '',
                'Take the action: ' + action.actionUrl,
            ].join('\n'),
        )
        expect(values.description).not.toMatch(/<|&amp;|&gt;/)
        expect(validateShare(values)).toEqual({})
    })

    it('the category follows the mapping (Device → devices, Account → identity); an action URL of its own is used', () => {
        expect(prefillShare(byId('scid_2000'), ADMIN).category).toBe('devices')
        expect(prefillShare(byId('AdminMFA'), ADMIN).category).toBe('identity')
        const intune = prefillShare(byId('intune_compliance_policies'), ADMIN)
        expect(intune.description.endsWith('Take the action: https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/DevicesMenu/~/compliance')).toBe(true)
    })

    it('a remediation without HTML, and no impact or URL', () => {
        expect(proposedDescription({ remediation: 'Plain text.', remediationImpact: '', actionUrl: '' })).toBe('Plain text.')
        expect(proposedDescription({ remediation: '', remediationImpact: ' Some. ', actionUrl: 'https://x' })).toBe('User impact: Some.\n\nTake the action: https://x')
    })

    it('a long remediation is cut with "…" so that impact and URL still fit in the field', () => {
        const text = proposedDescription({ remediation: '<p>' + 'word '.repeat(2000) + '</p>', remediationImpact: 'Impact.', actionUrl: 'https://example.test/a' })
        expect(text.length).toBeLessThanOrEqual(MAX_DESCRIPTION)
        expect(text).toMatch(/^word word .*…\n\nUser impact: Impact\.\n\nTake the action: https:\/\/example\.test\/a$/)
    })

    it('a title longer than the field is cut to 160', () => {
        const long = { ...byId('OneAdmin'), title: 'T'.repeat(300) }
        expect(prefillShare(long, ADMIN).name).toBe('T'.repeat(160))
    })

    it('remediation text is the same converter the action page uses', () => {
        expect(prefillShare(byId('OneAdmin'), ADMIN).description.startsWith(htmlToText(byId('OneAdmin').remediation))).toBe(true)
    })
})

describe('proposed priority: rank and points to gain', () => {
    it('critical: top 5 with at least 8 points to gain', () => {
        expect(proposedPriority({ rank: 1, toGain: 8 })).toBe('critical')
        expect(proposedPriority({ rank: 5, toGain: 10 })).toBe('critical')
        expect(proposedPriority({ rank: 6, toGain: 10 })).toBe('high')
        expect(proposedPriority({ rank: 1, toGain: 7.99 })).toBe('high')
    })

    it('high: at least 5 points, or top 10 with any', () => {
        expect(proposedPriority({ rank: null, toGain: 5 })).toBe('high')
        expect(proposedPriority({ rank: 10, toGain: 0.01 })).toBe('high')
        expect(proposedPriority({ rank: 11, toGain: 4.99 })).toBe('moderate')
    })

    it('moderate: at least 2 points; low otherwise (nothing to gain, even top ranked)', () => {
        expect(proposedPriority({ rank: 40, toGain: 2 })).toBe('moderate')
        expect(proposedPriority({ rank: 40, toGain: 1.99 })).toBe('low')
        expect(proposedPriority({ rank: 1, toGain: 0 })).toBe('low')
        expect(proposedPriority({ rank: null, toGain: 0 })).toBe('low')
    })

    it('on the fixture', () => {
        expect(byId('MFARegistrationV2')).toMatchObject({ rank: 2 })
        expect(prefillShare(byId('MFARegistrationV2'), ADMIN).priority).toBe('critical') // rank 2, 8.72 to gain
        expect(prefillShare(byId('AdminMFAV2'), ADMIN).priority).toBe('high') // rank 1, 4.24 to gain
        expect(prefillShare(byId('SelfServicePasswordReset'), ADMIN).priority).toBe('low') // rank 4, completed: nothing to gain
        expect(prefillShare(byId('scid_2096'), ADMIN).priority).toBe('high') // rank 58, 7.90 to gain
        expect(prefillShare(byId('exo_mailboxaudit'), ADMIN).priority).toBe('moderate') // rank 46, 2.10
        expect(prefillShare(byId('exo_mailtipsenabled'), ADMIN).priority).toBe('low') // rank 50, 0.43
        expect(prefillShare(byId('AdminMFA'), ADMIN).priority).toBe('high') // deprecated, unscored: all 50 to gain
    })
})

describe('validateShare refuses', () => {
    const good: ShareFormValues = { ticketType: 'incident', priority: 'moderate', name: 'N', description: 'D', dueDate: day(0), category: 'apps', source: 'user', requestedBy: 'someone@contoso.com' }
    const errorsFor = (change: Partial<ShareFormValues>) => validateShare({ ...good, ...change })

    it('accepts a good form, due today', () => {
        expect(validateShare(good)).toEqual({})
    })

    it.each<[string, Partial<ShareFormValues>, string]>([
        ['ticketType', { ticketType: 'problem' }, 'Choose change request or incident.'],
        ['ticketType', { ticketType: '' }, 'Choose change request or incident.'],
        ['priority', { priority: 'urgent' }, 'Choose a priority.'],
        ['name', { name: '   ' }, 'Enter a name.'],
        ['name', { name: 'x'.repeat(161) }, 'Use at most 160 characters.'],
        ['name', { name: 'two\nlines' }, 'Use one line without control characters.'],
        ['name', { name: 'tab\there' }, 'Use one line without control characters.'],
        ['description', { description: ' \n ' }, 'Enter a description.'],
        ['description', { description: 'x'.repeat(MAX_DESCRIPTION + 1) }, `Use at most ${MAX_DESCRIPTION} characters.`],
        ['category', { category: 'Identity' }, 'Choose a category.'],
        ['category', { category: '' }, 'Choose a category.'],
        ['category', { category: 'toString' }, 'Choose a category.'],
        ['source', { source: 'partner' }, 'Choose a source.'],
        ['source', { source: 'constructor' }, 'Choose a source.'],
        ['requestedBy', { requestedBy: '' }, 'Enter who requests the change.'],
        ['requestedBy', { requestedBy: 'a'.repeat(255) }, 'Use one line of at most 254 characters.'],
        ['requestedBy', { requestedBy: 'a\u0000b' }, 'Use one line of at most 254 characters.'],
        ['dueDate', { dueDate: '' }, 'Enter a due date.'],
        ['dueDate', { dueDate: '2026-02-30' }, 'Enter a date as YYYY-MM-DD.'],
        ['dueDate', { dueDate: '01/02/2030' }, 'Enter a date as YYYY-MM-DD.'],
        ['dueDate', { dueDate: day(-1) }, 'The due date cannot be in the past.'],
    ])('%s: refusal %#', (field, change, message) => {
        expect(errorsFor(change)).toEqual({ [field]: message })
    })

    it('the limits themselves are accepted; multi-line descriptions are fine', () => {
        expect(errorsFor({ name: 'x'.repeat(160), description: 'a\n\nb'.padEnd(MAX_DESCRIPTION, 'c'), requestedBy: 'a'.repeat(254) })).toEqual({})
    })

    it('every field at once', () => {
        const all = validateShare({ ticketType: '', priority: '', name: '', description: '', dueDate: '', category: '', source: '', requestedBy: '' })
        expect(Object.keys(all).sort()).toEqual(['category', 'description', 'dueDate', 'name', 'priority', 'requestedBy', 'source', 'ticketType'])
    })
})

describe('sharePayload', () => {
    it('trims the text fields and names the control with its portal link', () => {
        const action = byId('AdminMFAV2')
        const payload = sharePayload(action, { ...prefillShare(action, ADMIN), name: '  Name  ', requestedBy: ` ${ADMIN} ` })
        expect(payload).toMatchObject({
            ticketType: 'change',
            name: 'Name',
            recommendationSource: 'microsoft',
            recommendationCategory: 'identity',
            requestedBy: ADMIN,
            secureScore: { controlId: 'AdminMFAV2', title: action.title, actionUrl: action.portalUrl, maxScore: 10, service: 'AzureAD' },
        })
    })
})

describe('one open ticket per control', () => {
    let n = 0
    const share = (controlId: string, status: Share['status'], ticketNumber: string | null, id = `share-${++n}`): Share => ({
        id,
        taskId: 'task-' + id,
        controlId,
        payload: {},
        status,
        ticketNumber,
        ticketLink: null,
        ticketType: 'change',
        replayed: false,
        error: null,
        createdAt: '2026-03-01T00:00:00Z',
    })
    const ticket = (number: string, outcome: StoredTicket['outcome']): StoredTicket =>
        storedTicket(number, { type: 'change', state: { value: '3', label: 'Closed', customLabel: null }, outcome })

    it('no share: nothing open, nothing closed', () => {
        expect(controlTickets('A', [], [])).toEqual({ open: null, lastClosed: null })
    })

    it('an open ticket blocks; so does a sent share whose ticket is not synced yet', () => {
        const s = share('A', 'sent', 'CHG0000001')
        expect(controlTickets('A', [s], [ticket('CHG0000001', 'open')]).open).toEqual({ share: s, ticket: ticket('CHG0000001', 'open') })
        expect(controlTickets('A', [s], []).open).toEqual({ share: s, ticket: undefined })
        // A ticket without an outcome yet counts as open.
        expect(controlTickets('A', [s], [{ ...ticket('CHG0000001', undefined) }]).open?.share).toBe(s)
    })

    it('closed (resolved, unsuccessful, cancelled) → lastClosed, not open', () => {
        for (const outcome of ['resolved', 'unsuccessful', 'cancelled'] as const) {
            const s = share('A', 'sent', 'CHG0000002')
            expect(controlTickets('A', [s], [ticket('CHG0000002', outcome)])).toEqual({ open: null, lastClosed: { share: s, ticket: ticket('CHG0000002', outcome) } })
        }
    })

    it('shares are newest first: the newest closed one is lastClosed, and any open one still blocks', () => {
        const newer = share('A', 'sent', 'CHG0000004')
        const older = share('A', 'sent', 'CHG0000003')
        const tickets = [ticket('CHG0000003', 'resolved'), ticket('CHG0000004', 'cancelled')]
        expect(controlTickets('A', [newer, older], tickets).lastClosed?.ticket.number).toBe('CHG0000004')
        const reopened = [ticket('CHG0000003', 'open'), ticket('CHG0000004', 'cancelled')]
        expect(controlTickets('A', [newer, older], reopened)).toMatchObject({ open: { share: older }, lastClosed: { share: newer } })
    })

    it('the draft being sent is left out', () => {
        const draft = share('A', 'sent', 'CHG0000005', 'the-draft')
        expect(controlTickets('A', [draft], [ticket('CHG0000005', 'open')], 'the-draft')).toEqual({ open: null, lastClosed: null })
    })

    it('unsent shares (pending, failed, no number) and other controls are ignored', () => {
        const shares = [share('A', 'pending', null), share('A', 'failed', null), share('A', 'pending', 'CHG0000006'), share('B', 'sent', 'CHG0000007')]
        expect(controlTickets('A', shares, [ticket('CHG0000006', 'open'), ticket('CHG0000007', 'open')])).toEqual({ open: null, lastClosed: null })
    })

    it('controlsWithOpenTicket names, in one pass, exactly the controls controlTickets finds open', () => {
        const shares = [
            share('A', 'sent', 'CHG0000010'),
            share('B', 'sent', 'CHG0000011'),
            share('C', 'sent', 'CHG0000012'),
            share('D', 'pending', 'CHG0000013'),
            share('E', 'sent', 'CHG0000014'),
        ]
        const tickets = [ticket('CHG0000010', 'open'), ticket('CHG0000011', 'resolved'), ticket('CHG0000012', 'cancelled'), ticket('CHG0000013', 'open')]
        const open = controlsWithOpenTicket(shares, tickets)
        // E's ticket is not synced yet: open until the connector says otherwise, as controlTickets has it.
        expect([...open].sort()).toEqual(['A', 'E'])
        for (const control of ['A', 'B', 'C', 'D', 'E']) expect(open.has(control)).toBe(controlTickets(control, shares, tickets).open !== null)
    })
})

describe('the result page of a share not sent yet', () => {
    const action = { id: 'AdminMFAV2', title: 'Require MFA for admins' }
    const unsent = (status: Share['status'], error: string | null = null): Share => ({
        id: 'draft-1',
        taskId: 'AdminMFAV2-mq1x-0a1b2c3d',
        controlId: 'AdminMFAV2',
        payload: {},
        status,
        ticketNumber: null,
        ticketLink: null,
        ticketType: null,
        replayed: false,
        error,
        createdAt: '2026-03-01T00:00:00Z',
    })
    const unreachable = 'ServiceNow did not answer. Check that the instance is up and that this bridge can reach it, then try again.'

    it('pending and being sent here: on its way, with a link to check again and no error', () => {
        const page = shareResultPage(unsent('pending'), action, [], { sending: true, syncError: null })
        expect(page).toContain('<h1 id="result-title">Sharing in progress</h1>')
        expect(page).toContain('is being sent to ServiceNow now. Check again in a moment to see its ticket.')
        expect(page).toContain('<a class="button" href="/shares/draft-1">Check again</a>')
        expect(page).toContain('No need to share it again: it keeps its task id <code class="copy">AdminMFAV2-mq1x-0a1b2c3d</code>')
        expect(page).not.toContain('role="alert"')
        expect(page).not.toContain('/retry')
    })

    it('pending and not being sent (the sync that would send it could not reach ServiceNow): why, that it is sent again by itself, and Send now', () => {
        const page = shareResultPage(unsent('pending'), action, [], { sending: false, syncError: unreachable })
        expect(page).toContain('<h1 id="result-title">Sharing in progress</h1>')
        expect(page).toContain(`is not confirmed by ServiceNow yet. ${unreachable} The bridge sends it again by itself at the next page load that reaches ServiceNow`)
        expect(page).toContain('<form method="post" action="/shares/draft-1/retry" class="actions-row"><button class="primary" type="submit">Send now</button>')
        expect(page).not.toContain('could not be shared')
    })

    it('failed: the error as an alert, and Try again', () => {
        const page = shareResultPage(unsent('failed', unreachable), action)
        expect(page).toContain('<h1 id="result-title">Sharing failed</h1>')
        expect(page).toContain(`role="alert">The improvement action <a href="/actions/AdminMFAV2">Require MFA for admins</a> could not be shared: ${unreachable}</div>`)
        expect(page).toContain('<button class="primary" type="submit">Try again</button>')
    })
})
