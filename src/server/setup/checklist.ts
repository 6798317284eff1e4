// The installation checklist: the five steps in order, each derived from the instance's live
// state on every call (nothing is remembered between calls).
import { requireAdmin, type Step, type StepState } from './common.ts'
import { connectionsStep } from './connections.ts'
import { integrationUserStep } from './integration-user.ts'
import { oauthStep } from './oauth-client.ts'
import { preflightStep } from './preflight.ts'
import { settingsStep } from './settings.ts'

export interface ChecklistStatus {
    steps: Step<unknown>[]
    /** The first step that is not complete, or null when all are. */
    nextStep: string | null
    complete: boolean
}

export function checklistStatus(): ChecklistStatus {
    requireAdmin()
    const preflight = preflightStep()
    const oauth = oauthStep(preflight.state === 'complete')
    const user = integrationUserStep()
    const ready: StepState[] = ['complete', 'attention']
    const connect = connectionsStep(ready.indexOf(oauth.state) >= 0 && ready.indexOf(user.state) >= 0)
    const settings = settingsStep()
    const steps: Step<unknown>[] = [preflight, oauth, user, connect, settings]
    const open = steps.filter((step) => step.state !== 'complete')
    return { steps, nextStep: open.length ? open[0].id : null, complete: open.length === 0 }
}
