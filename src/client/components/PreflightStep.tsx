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
                    const labels = (keep: (entry: (typeof entries)[number]) => boolean) => entries.filter(keep).map((entry) => OPERATION_LABEL[entry.operation]).join(', ')
                    const allowed = labels((entry) => entry.allowed)
                    const refused = labels((entry) => !entry.allowed && entry.required)
                    // An operation the app copes without (deleting oauth_credential rows), which the table refuses out of the box.
                    const withheld = labels((entry) => !entry.allowed && !entry.required)
                    const parts = [allowed ? 'may ' + allowed : '', refused ? 'may not ' + refused + ' (refused by the table)' : '', withheld ? 'may not ' + withheld + ' (out of the box)' : '']
                    return (
                        <Check key={table} ok={!refused}>
                            <code>{table}</code>: the app {parts.filter(Boolean).join('; ')}
                            {withheld ? <span className="check-note">. Where the app would revoke tokens, this page tells you how to revoke them in System OAuth &gt; Manage Tokens.</span> : null}
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
