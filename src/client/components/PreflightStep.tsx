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

const OPERATION_LABEL = { read: 'read', create: 'create', write: 'update', delete: 'delete' }

export function PreflightDetails({ step, onRecheck, busy }: { step: Step<Preflight, 'preflight'>; onRecheck: () => void; busy: boolean }) {
    const { access, legacyScopeAccess, privileges } = step.details
    const tables = access.reduce<string[]>((names, entry) => (names.indexOf(entry.table) < 0 ? [...names, entry.table] : names), [])
    return (
        <>
            <ul className="checks">
                {tables.map((table) => {
                    const entries = access.filter((entry) => entry.table === table)
                    const refused = entries.filter((entry) => !entry.allowed && entry.required).map((entry) => OPERATION_LABEL[entry.operation])
                    const optional = entries.filter((entry) => !entry.allowed && !entry.required).map((entry) => OPERATION_LABEL[entry.operation])
                    return (
                        <Check key={table} ok={refused.length === 0}>
                            <code>{table}</code>: the app may {entries.map((entry) => OPERATION_LABEL[entry.operation]).join(', ')}
                            {refused.length ? ' (refused: ' + refused.join(', ') + ')' : ''}
                            {optional.length
                                ? ' (' + optional.join(', ') + ' not allowed: when you remove a connection here, revoke its tokens in System OAuth > Manage Tokens)'
                                : ''}
                        </Check>
                    )
                })}
                <Check ok={privileges.missing.length === 0}>
                    The app's {privileges.required} cross-scope privileges are allowed
                    {privileges.missing.length ? ' (missing: ' + privileges.missing.join(', ') + ')' : ''}
                </Check>
            </ul>
            <p className="help">
                Scope fencing: {legacyScopeAccess ? 'legacy (scripts may create and update records of global tables)' : 'enforced (Can create and Can update decide)'}.
            </p>
            <div className="actions">
                <button type="button" onClick={onRecheck} disabled={busy}>
                    Check again
                </button>
            </div>
        </>
    )
}
