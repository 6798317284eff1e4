// The installation checklist: the five steps in order, each derived from the instance's live
// state on every call (nothing is remembered between calls).
import { INTEGRATION_ROLE } from '../platform/roles.ts'
import type { Step, StepId, StepState } from './common.ts'
import { connectionsStep, EXPIRY_WARNING_DAYS, provisioningUrl, type ConnectionsDetails } from './connect-step.ts'
import { integrationUserStep, type IntegrationUserDetails } from './integration-user.ts'
import { oauthStep, type OAuthStepDetails } from './oauth-client.ts'
import { preflightStep, type PreflightDetails } from './preflight.ts'
import { settingsStep, type SettingsView } from './ticket-settings.ts'

/** One step with its own details: `id` tells which (the checklist page switches on it). */
export type ChecklistStep =
    | Step<PreflightDetails, 'preflight'>
    | Step<OAuthStepDetails, 'oauth'>
    | Step<IntegrationUserDetails, 'integration_user'>
    | Step<ConnectionsDetails, 'connect'>
    | Step<SettingsView, 'settings'>

export interface ChecklistStatus {
    steps: ChecklistStep[]
    /** The first step that is not complete, or null when all are. */
    nextStep: StepId | null
    complete: boolean
}

/**
 * After a failed preflight a step may read a table the preflight found refused, and the platform throws its
 * cross-scope message there. Such a step waits for the preflight instead of failing the whole checklist.
 */
function unlessRefused<S extends ChecklistStep>(preflightFailed: boolean, compute: () => S, blocked: Pick<S, 'id' | 'title' | 'details'>): S {
    if (!preflightFailed) return compute()
    try {
        return compute()
    } catch (e) {
        return { ...blocked, state: 'blocked', summary: 'Fix the table access preflight first: this step reads a table the preflight found refused.', problems: [] } as unknown as S
    }
}

export function checklistStatus(): ChecklistStatus {
    const preflight = preflightStep()
    const preflightFailed = preflight.state === 'failed'
    const oauth = oauthStep(preflight.state === 'complete')
    const user = unlessRefused(preflightFailed, integrationUserStep, { id: 'integration_user', title: 'Integration user', details: { users: [], role: INTEGRATION_ROLE } })
    const ready: StepState[] = ['complete', 'attention']
    const connectReady = ready.indexOf(oauth.state) >= 0 && ready.indexOf(user.state) >= 0
    const connect = unlessRefused(preflightFailed, () => connectionsStep(connectReady), {
        id: 'connect',
        title: 'Connect Microsoft 365',
        details: { connections: [], strayTokens: [], provisioningUrl: provisioningUrl(), warningDays: EXPIRY_WARNING_DAYS },
    })
    const settings = settingsStep()
    const steps: ChecklistStep[] = [preflight, oauth, user, connect, settings]
    const open = steps.filter((step) => step.state !== 'complete')
    return { steps, nextStep: open.length ? open[0].id : null, complete: open.length === 0 }
}
