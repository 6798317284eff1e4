import React from 'react'
import type { Step } from '../api.ts'
import type { PreflightDetails as Preflight } from '../../server/setup/preflight.ts'

function Check({ ok, children }: { ok: boolean; children: React.ReactNode }) {
    return (
        <li className={ok ? 'check-ok' : 'check-failed'}>
            <span aria-hidden="true">{ok ? '✓ ' : '✕ '}</span>
            <span className="visually-hidden">{ok ? 'Passed: ' : 'Failed: '}</span>
            {children}
        </li>
    )
}

export function PreflightDetails({ step, onRecheck, busy }: { step: Step<Preflight, 'preflight'>; onRecheck: () => void; busy: boolean }) {
    const policy = step.details.oauthEntityPolicy
    const privileges = step.details.privileges
    return (
        <>
            <ul className="checks">
                <Check ok={policy.found}>Table oauth_entity (Application Registries) exists</Check>
                <Check ok={policy.accessibleFromAllScopes}>Accessible from: All application scopes</Check>
                <Check ok={policy.canRead}>Can read</Check>
                <Check ok={policy.canCreate}>Can create</Check>
                <Check ok={privileges.missing.length === 0}>
                    The app's {privileges.required} cross-scope privileges are allowed
                    {privileges.missing.length ? ' (missing: ' + privileges.missing.join(', ') + ')' : ''}
                </Check>
            </ul>
            <div className="actions">
                <button type="button" onClick={onRecheck} disabled={busy}>
                    Check again
                </button>
            </div>
        </>
    )
}
