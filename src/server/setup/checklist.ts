// The installation checklist: the five steps in order, each derived from the instance's live
// state on every call (nothing is remembered between calls).
import type { Step, StepId, StepState } from './common.ts'
import { connectionsStep, type ConnectionsDetails } from './connect-step.ts'
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

export function checklistStatus(): ChecklistStatus {
    const preflight = preflightStep()
    const oauth = oauthStep(preflight.state === 'complete')
    const user = integrationUserStep()
    const ready: StepState[] = ['complete', 'attention']
    const connect = connectionsStep(ready.indexOf(oauth.state) >= 0 && ready.indexOf(user.state) >= 0)
    const settings = settingsStep()
    const steps: ChecklistStep[] = [preflight, oauth, user, connect, settings]
    const open = steps.filter((step) => step.state !== 'complete')
    return { steps, nextStep: open.length ? open[0].id : null, complete: open.length === 0 }
}
