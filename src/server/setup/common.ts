// Shared pieces of the setup domain (the installation checklist): the admin guard and the step shape
// every checklist step reports.
import { gs } from '@servicenow/glide'
import { ADMIN_ROLE } from '../platform/roles.ts'
import { forbidden } from '../platform/api-error.ts'

export const APP_SCOPE = 'x_mioms_m365ticket'
/** The app's sys_app sys_id (now.config.json scopeId): the source scope of its cross-scope privileges. */
export const APP_SCOPE_ID = 'd0f637d0b71d4391a60fafcb774d7f1b'

/**
 * complete: nothing to do. todo: not done yet, the step's action does it. attention: done, but
 * something needs repair. failed: a check failed and must be fixed outside the app. blocked: an
 * earlier step must be fixed first. waiting: waiting for Microsoft 365.
 */
export type StepState = 'complete' | 'todo' | 'attention' | 'failed' | 'blocked' | 'waiting'

export interface Problem {
    code: string
    message: string
    fix: string
}

/** The checklist's steps, in their order. */
export type StepId = 'preflight' | 'oauth' | 'integration_user' | 'connect' | 'settings'

export interface Step<D, Id extends StepId = StepId> {
    id: Id
    title: string
    state: StepState
    summary: string
    problems: Problem[]
    details: D
}

/**
 * Every setup call is for the app's admins only. Checked once, by the setup API's handlers (adminRoute in
 * rest/setup-routes.ts), on top of the REST ACL; the setup domain's functions assume it.
 */
export function requireAdmin(): void {
    if (!gs.hasRole(ADMIN_ROLE)) {
        throw forbidden('Not allowed', 'The installation checklist needs the role ' + ADMIN_ROLE + '.')
    }
}

