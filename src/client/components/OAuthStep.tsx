import React, { useEffect, useState } from 'react'
import { fieldErrors, setupApi, type Step } from '../api.ts'
import type { OAuthClientResult, OAuthStepDetails } from '../../server/setup/oauth-client.ts'
import { Failure, OneTimeSecrets, useSetupAction } from './common.tsx'

/** What the repair changed, in the words of the form (the API names the fields: clientSecret, redirectUrl…). */
const CHANGE_LABELS: { [field: string]: string } = {
    active: 'reactivated',
    name: 'name',
    redirectUrl: 'redirect URL',
    accessTokenLifespan: 'access token lifespan',
    refreshTokenLifespan: 'refresh token lifespan',
    clientSecret: 'new client secret issued',
}

function changesNote(changed: string[]): string {
    if (!changed.length) return 'No changes: the OAuth client already has these settings.'
    const words = changed.map((field) => CHANGE_LABELS[field] || field)
    return 'OAuth client updated: ' + words.join(', ') + '.'
}

export function OAuthDetails({ step, onChanged }: { step: Step<OAuthStepDetails, 'oauth'>; onChanged: () => void }) {
    const { client, expected } = step.details
    const [name, setName] = useState(client ? client.name : 'Microsoft 365 Ticketing Connector')
    const [redirectUrl, setRedirectUrl] = useState(expected.redirectUrl)
    const [access, setAccess] = useState(String(expected.accessTokenLifespan))
    const [refresh, setRefresh] = useState(String(expected.refreshTokenLifespan))
    const [rotate, setRotate] = useState(false)
    const { busy, failure, run } = useSetupAction()
    const [secret, setSecret] = useState<{ clientId: string; clientSecret: string } | null>(null)
    const [note, setNote] = useState('')

    useEffect(() => setRedirectUrl(expected.redirectUrl), [expected.redirectUrl])
    const blocked = step.state === 'blocked'
    const errors = fieldErrors(failure)

    const submit = (event: React.FormEvent) => {
        event.preventDefault()
        setNote('')
        return run(async () => {
            const body = { name, redirectUrl, accessTokenLifespan: access, refreshTokenLifespan: refresh, rotateSecret: rotate }
            const result = await setupApi<OAuthClientResult>('POST', '/oauth-client', body)
            if (result.clientSecret) setSecret({ clientId: result.client.clientId, clientSecret: result.clientSecret })
            setNote(result.created ? 'OAuth client created.' : changesNote(result.repaired))
            setRotate(false)
            onChanged()
        })
    }

    const fieldError = (field: string) => (errors[field] ? <span id={'oauth-' + field + '-error'} className="field-error">{errors[field]}</span> : null)
    const described = (field: string) => (errors[field] ? 'oauth-' + field + '-error' : undefined)

    return (
        <>
            {client ? (
                <dl className="facts">
                    <dt>Client ID</dt>
                    <dd><code>{client.clientId}</code></dd>
                    <dt>Redirect URL</dt>
                    <dd>{client.redirectUrl || '-'}</dd>
                    <dt>Active</dt>
                    <dd>{client.active ? 'Yes' : 'No'}</dd>
                    <dt>Record</dt>
                    <dd><a href={client.link}>Open the Application Registry</a></dd>
                </dl>
            ) : null}
            {secret ? (
                <OneTimeSecrets
                    id="oauth-secret"
                    title="Client ID and secret for Microsoft 365"
                    items={[{ label: 'Client ID', value: secret.clientId }, { label: 'Client secret', value: secret.clientSecret }]}
                    onDone={() => setSecret(null)}
                />
            ) : null}
            <form className="step-form" onSubmit={submit} aria-describedby="oauth-form-help">
                <p id="oauth-form-help" className="help">
                    An Application Registry of type "OAuth API endpoint for external clients". Microsoft 365 signs in through it with the
                    client ID and secret.
                </p>
                <label htmlFor="oauth-name">Name</label>
                <input id="oauth-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} disabled={blocked} aria-describedby={described('name')} />
                {fieldError('name')}
                <label htmlFor="oauth-redirect">Redirect URL (Microsoft 365)</label>
                <input id="oauth-redirect" type="url" value={redirectUrl} onChange={(e) => setRedirectUrl(e.target.value)} disabled={blocked} aria-describedby={described('redirectUrl')} />
                {fieldError('redirectUrl')}
                <label htmlFor="oauth-access">Access token lifespan (seconds)</label>
                <input id="oauth-access" inputMode="numeric" value={access} onChange={(e) => setAccess(e.target.value)} disabled={blocked} aria-describedby={described('accessTokenLifespan')} />
                {fieldError('accessTokenLifespan')}
                <label htmlFor="oauth-refresh">Refresh token lifespan (seconds; 8640000 = 100 days)</label>
                <input id="oauth-refresh" inputMode="numeric" value={refresh} onChange={(e) => setRefresh(e.target.value)} disabled={blocked} aria-describedby={described('refreshTokenLifespan')} />
                {fieldError('refreshTokenLifespan')}
                {client ? (
                    <div className="checkbox">
                        <input id="oauth-rotate" type="checkbox" checked={rotate} onChange={(e) => setRotate(e.target.checked)} disabled={blocked} />
                        <label htmlFor="oauth-rotate">Issue a new client secret (Microsoft 365 must then be reconnected with it)</label>
                    </div>
                ) : null}
                <div className="actions">
                    <button type="submit" disabled={busy || blocked}>
                        {!client ? 'Create OAuth client' : step.state === 'attention' ? 'Repair OAuth client' : 'Save OAuth client'}
                    </button>
                    <span className="note" aria-live="polite">{busy ? 'Working…' : note}</span>
                </div>
                {blocked ? <p className="help">Blocked: fix the table access preflight (step 1) first.</p> : null}
            </form>
            <Failure failure={failure && failure.status !== 400 ? failure : null} />
        </>
    )
}
