/**
 * Improvement actions as the bridge shows them, read from the tenant's Secure Score snapshot: Graph's control
 * profiles, the points achieved from the newest score's `controlScores`, and the state from the newest
 * `controlStateUpdates` entry, in the portal's words.
 *
 *   improvementActions(profiles, latestScore) → ImprovementAction[]     every profile, by rank
 *   filterActions(actions, filter) / sortActions(actions, sort)
 */
import type { SecureScore, SecureScoreControlProfile, SecureScoreControlStateUpdate } from '@microsoft/microsoft-graph-types'
import { currentState, isDeviceControl } from '../ports/graph/control-state.ts'
import type { TenantStore } from '../store/store.ts'

/** The seed's categories, as the connector API spells them. */
export type ActionCategory = 'identity' | 'data' | 'devices' | 'apps' | 'infrastructure'
export const CATEGORY_LABELS: { [category in ActionCategory]: string } = {
    identity: 'Identity',
    data: 'Data',
    devices: 'Devices',
    apps: 'Apps',
    infrastructure: 'Infrastructure',
}

/** The portal's words for a control's state; "Completed" is computed by Microsoft (all points achieved). */
export type ActionState = 'To address' | 'Resolved through third party' | 'Risk accepted' | 'Reviewed' | 'Completed'
export const ACTION_STATES: readonly ActionState[] = ['To address', 'Resolved through third party', 'Risk accepted', 'Reviewed', 'Completed']

const STATE_LABELS: { [graphState: string]: ActionState } = { ThirdParty: 'Resolved through third party', Ignored: 'Risk accepted', Reviewed: 'Reviewed' }

export interface ImprovementAction {
    id: string
    title: string
    category: ActionCategory | null
    /** Graph's controlCategory as sent. */
    graphCategory: string
    service: string
    maxScore: number
    /** From the newest score's controlScores; null when that score does not list the control. */
    achieved: number | null
    /** maxScore − achieved (all of maxScore when nothing is known to be achieved). */
    toGain: number
    rank: number | null
    implementationCost: string
    userImpact: string
    /** Display strings, whatever spelling Graph used. */
    threats: string[]
    state: ActionState
    /** The newest controlStateUpdates entry (null: never set). */
    stateUpdate: SecureScoreControlStateUpdate | null
    history: SecureScoreControlStateUpdate[]
    deprecated: boolean
    /** A Device control (`scid_…`): its state is managed in Microsoft Defender Vulnerability Management. */
    device: boolean
    /** Graph's actionUrl: where the admin takes the action (an admin center page). */
    actionUrl: string
    /** The action's own page in Secure Score, which the ticket links to. */
    portalUrl: string
    remediation: string
    remediationImpact: string
    tier: string
}

export function secureScorePortalUrl(controlId: string): string {
    return 'https://security.microsoft.com/securescore?viewid=actions&actionId=' + encodeURIComponent(controlId)
}

/** Graph's controlCategory → the seed's category. Older data says "Account" for Identity. */
export function actionCategory(controlCategory: string | null | undefined): ActionCategory | null {
    switch ((controlCategory ?? '').toLowerCase()) {
        case 'identity':
        case 'account':
            return 'identity'
        case 'device':
        case 'devices':
            return 'devices'
        case 'data':
            return 'data'
        case 'apps':
            return 'apps'
        case 'infrastructure':
            return 'infrastructure'
        default:
            return null
    }
}

/** "accountBreach" → "Account Breach"; display strings stay as they are. */
export function threatName(threat: string): string {
    if (/\s/.test(threat) || !/[a-z][A-Z]/.test(threat)) return threat.charAt(0).toUpperCase() + threat.slice(1)
    return threat.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/ (Of|Or|And|To|In|The) /g, (word) => word.toLowerCase()).replace(/^./, (c) => c.toUpperCase())
}

/** A Graph control state in the portal's words ("Default" is "To address"). */
export function portalStateName(graphState: string): string {
    return graphState === 'Default' ? 'To address' : STATE_LABELS[graphState] ?? graphState
}

function actionState(update: SecureScoreControlStateUpdate | null, maxScore: number, achieved: number | null): ActionState {
    const label = update?.state ? STATE_LABELS[update.state] : undefined
    if (label) return label
    return maxScore > 0 && achieved !== null && achieved >= maxScore ? 'Completed' : 'To address'
}

export function improvementAction(profile: SecureScoreControlProfile, achievedById: Map<string, number>): ImprovementAction {
    const id = String(profile.id ?? '')
    const maxScore = Number(profile.maxScore ?? 0)
    const achieved = achievedById.has(id) ? (achievedById.get(id) as number) : null
    const stateUpdate = currentState(profile)
    return {
        id,
        title: profile.title ?? id,
        category: actionCategory(profile.controlCategory),
        graphCategory: profile.controlCategory ?? '',
        service: profile.service ?? '',
        maxScore,
        achieved,
        toGain: Math.max(0, maxScore - (achieved ?? 0)),
        rank: typeof profile.rank === 'number' ? profile.rank : null,
        implementationCost: profile.implementationCost ?? '',
        userImpact: profile.userImpact ?? '',
        threats: (profile.threats ?? []).map(threatName),
        state: actionState(stateUpdate, maxScore, achieved),
        stateUpdate,
        history: [...(profile.controlStateUpdates ?? [])],
        deprecated: profile.deprecated === true,
        device: isDeviceControl(id),
        actionUrl: profile.actionUrl ?? '',
        portalUrl: secureScorePortalUrl(id),
        remediation: profile.remediation ?? '',
        remediationImpact: profile.remediationImpact ?? '',
        tier: profile.tier ?? '',
    }
}

/** Every profile as an action, by rank (unranked last). */
export function improvementActions(profiles: SecureScoreControlProfile[], latestScore: SecureScore | null): ImprovementAction[] {
    const achievedById = new Map<string, number>()
    for (const control of latestScore?.controlScores ?? []) {
        if (control.controlName && typeof control.score === 'number') achievedById.set(control.controlName, control.score)
    }
    return sortActions(
        profiles.map((profile) => improvementAction(profile, achievedById)),
        'rank',
    )
}

export type ActionSort = 'rank' | 'to-gain'

export function sortActions(actions: ImprovementAction[], sort: ActionSort): ImprovementAction[] {
    const byRank = (a: ImprovementAction, b: ImprovementAction) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.id.localeCompare(b.id)
    return [...actions].sort(sort === 'to-gain' ? (a, b) => b.toGain - a.toGain || byRank(a, b) : byRank)
}

export interface ActionFilter {
    category?: ActionCategory | null
    state?: ActionState | null
    /** true: only actions with a ticket; false: only those without. */
    hasTicket?: boolean | null
}

export function filterActions(actions: ImprovementAction[], filter: ActionFilter, withTicket: (id: string) => boolean): ImprovementAction[] {
    return actions.filter(
        (a) =>
            (!filter.category || a.category === filter.category) &&
            (!filter.state || a.state === filter.state) &&
            (filter.hasTicket === null || filter.hasTicket === undefined || withTicket(a.id) === filter.hasTicket),
    )
}

/** The tenant's actions from its stored snapshot, with the newest day's points. */
export function tenantActions(store: TenantStore): ImprovementAction[] {
    return improvementActions(store.secureScore.profiles(), store.secureScore.latestScore())
}

/** One of the tenant's actions, without reading the others; null when the snapshot has no such control. */
export function tenantAction(store: TenantStore, id: string): ImprovementAction | null {
    const profile = store.secureScore.profile(id)
    return profile ? improvementActions([profile], store.secureScore.latestScore())[0] : null
}
