import React, { useState } from 'react'
import { setupApi, type ApiFailure, type Step } from '../api.ts'
import type { ConnectionsDetails, removeTenantConnection, TenantConnectionView } from '../../server/setup/connect-step.ts'

import type { RevokedToken, StrayToken } from '../../server/setup/stray-tokens.ts'
import { Failure, LOGOUT_URL, Time } from './common.tsx'

type RemovedConnection = ReturnType<typeof removeTenantConnection>

/** What Microsoft 365's connect form asks for: a service-now.com instance by its name, any other host by its URL. */
function instanceToEnter(): { what: string; value: string } {
    const host = window.location.hostname
    const suffix = '.service-now.com'
    return host.endsWith(suffix) ? { what: 'the instance name', value: host.substring(0, host.length - suffix.length) } : { what: 'the instance URL', value: window.location.origin }
}

const TOKEN_TYPE_LABEL: { [type: string]: string } = { refresh_token: 'Refresh token', access_token: 'Access token' }
const CONNECTION_STATUS_LABEL: { [status: string]: string } = { pending: 'Pending', connected: 'Connected', error: 'Error', disconnected: 'Disconnected' }

/** System OAuth > Manage Tokens (the oauth_credential list) with an encoded query. */
function manageTokensUrl(query: string): string {
    return '/oauth_credential_list.do?sysparm_query=' + encodeURIComponent(query)
}

/** An action's outcome, on a row of its own right under the row it was taken on. */
function RowOutcome({ columns, children }: { columns: number; children: React.ReactNode }) {
    return (
        <tr className="row-outcome">
            <td colSpan={columns}>{children}</td>
        </tr>
    )
}

/** A revoke's outcome, shown on the token's own row. */
type RevokeOutcome = { revoked: true } | { revoked: false; failure: ApiFailure }

/** In the server's order (user name, then type), so a row revoked here keeps its place after the list reloads. */
function byUserThenType(a: StrayToken, b: StrayToken): number {
    const left = a.user.userName + '\u0000' + a.type
    const right = b.user.userName + '\u0000' + b.type
    return left < right ? -1 : left > right ? 1 : 0
}

function StrayTokens({ tokens, onChanged }: { tokens: StrayToken[]; onChanged: () => void }) {
    // Revoked rows stay on screen, marked, until the page is reloaded: the reloaded list no longer has them.
    const [revoked, setRevoked] = useState<StrayToken[]>([])
    const [outcomes, setOutcomes] = useState<{ [sysId: string]: RevokeOutcome }>({})
    const [revoking, setRevoking] = useState<string | null>(null)
    const rows = [...tokens, ...revoked.filter((gone) => !tokens.some((t) => t.sysId === gone.sysId))].sort(byUserThenType)
    if (!rows.length) return null

    const revoke = async (token: StrayToken) => {
        setRevoking(token.sysId)
        try {
            await setupApi<RevokedToken>('DELETE', '/tokens/' + encodeURIComponent(token.sysId))
            setRevoked((list) => [...list, token])
            setOutcomes((all) => ({ ...all, [token.sysId]: { revoked: true } }))
            onChanged()
        } catch (e) {
            setOutcomes((all) => ({ ...all, [token.sysId]: { revoked: false, failure: e as ApiFailure } }))
        } finally {
            setRevoking(null)
        }
    }

    return (
        <>
            <h3 className="subheading" id="stray-tokens-title">Tokens issued to someone who is not an integration user</h3>
            <p className="help">
                This instance refuses every connector call made with these tokens of the app's OAuth client. Revoke them, so that they stop
                being valid before they expire.
            </p>
            <div className="table-scroll">
                <table className="data" aria-labelledby="stray-tokens-title" id="stray-tokens">
                    <thead>
                        <tr>
                            <th scope="col">User</th>
                            <th scope="col">OAuth client</th>
                            <th scope="col">Token</th>
                            <th scope="col">Issued</th>
                            <th scope="col">Expires</th>
                            <th scope="col"><span className="visually-hidden">Actions</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.map((t) => {
                            const outcome = outcomes[t.sysId]
                            const what = (TOKEN_TYPE_LABEL[t.type] || t.type) + ' of ' + (t.user.userName || t.user.sysId)
                            return (
                                <React.Fragment key={t.sysId}>
                                    <tr className={outcome && outcome.revoked ? 'row-done' : undefined}>
                                        <td className="long">
                                            {t.user.name || t.user.userName}
                                            {t.user.name ? <> <small>({t.user.userName})</small></> : null}
                                        </td>
                                        <td className="long">{t.client.name || '-'}</td>
                                        <td>{TOKEN_TYPE_LABEL[t.type] || t.type}</td>
                                        <td><Time iso={t.issuedAt} /></td>
                                        <td><Time iso={t.expires} /></td>
                                        <td>
                                            {outcome && outcome.revoked ? (
                                                <span className="row-outcome-ok" role="status">
                                                    <span aria-hidden="true">✓ </span>Revoked<span className="visually-hidden">: {what}</span>
                                                </span>
                                            ) : (
                                                <button type="button" className="danger" disabled={revoking !== null} onClick={() => revoke(t)}>
                                                    {revoking === t.sysId ? 'Revoking…' : 'Revoke'}
                                                    <span className="visually-hidden"> {what}</span>
                                                </button>
                                            )}
                                        </td>
                                    </tr>
                                    {outcome && !outcome.revoked ? (
                                        <RowOutcome columns={6}>
                                            <Failure failure={outcome.failure} />
                                            {outcome.failure.status === 409 ? (
                                                <p className="row-outcome-link">
                                                    <a href={manageTokensUrl('user=' + t.user.sysId + '^peer=' + t.client.sysId)} target="_top">
                                                        Open the tokens of {t.user.userName || t.user.sysId} for this client in Manage Tokens
                                                    </a>
                                                </p>
                                            ) : null}
                                        </RowOutcome>
                                    ) : null}
                                </React.Fragment>
                            )
                        })}
                    </tbody>
                </table>
            </div>
        </>
    )
}

/** A removed connection whose integration user's tokens the instance did not let the app revoke. */
function TokensLeft({ connection }: { connection: TenantConnectionView }) {
    const user = connection.integrationUser
    return (
        <div className="failure" role="alert">
            <p className="problem-message">
                The connection of {connection.tenantName || connection.tenantId} was removed, but this instance does not let the app revoke its
                integration user's OAuth tokens.
            </p>
            <p className="problem-fix">
                Revoke them by hand: open System OAuth &gt; Manage Tokens, filter on User = {user ? user.userName : 'the integration user'}, open
                each of its tokens for this app's OAuth client and choose Revoke Access.
            </p>
            {user ? (
                <p className="problem-fix">
                    <a href={manageTokensUrl('user=' + user.sysId)} target="_top">Open the tokens of {user.userName} in Manage Tokens</a>
                </p>
            ) : null}
        </div>
    )
}

export function ConnectDetails({ step, clientId, userName, onChanged }: { step: Step<ConnectionsDetails, 'connect'>; clientId: string; userName: string; onChanged: () => void }) {
    const { connections, strayTokens, provisioningUrl, warningDays } = step.details
    const [confirming, setConfirming] = useState<string | null>(null)
    // The last removal's outcome worth telling, shown under its tenant's row: a failure, or tokens the instance kept.
    const [removal, setRemoval] = useState<{ tenantId: string; failure: ApiFailure | null } | null>(null)
    const [removing, setRemoving] = useState(false)
    const instance = instanceToEnter()

    const remove = async (tenantId: string) => {
        setRemoving(true)
        setRemoval(null)
        try {
            const removed = await setupApi<RemovedConnection>('DELETE', '/connections/' + encodeURIComponent(tenantId))
            setRemoval(removed.tokenRevocation === 'refused' ? { tenantId, failure: null } : null)
            setConfirming(null)
            onChanged()
        } catch (e) {
            setRemoval({ tenantId, failure: e as ApiFailure })
        } finally {
            setRemoving(false)
        }
    }

    return (
        <>
            <StrayTokens tokens={strayTokens} onChanged={onChanged} />
            <h3 className="subheading">On the Microsoft 365 side</h3>
            <ol className="instructions">
                <li>
                    Open the provisioning page,{' '}
                    <a href={provisioningUrl} target="_blank" rel="noopener noreferrer">
                        {provisioningUrl}<span className="visually-hidden"> (opens in a new tab)</span>
                    </a>
                    , signed in as a Microsoft 365 security admin, and choose to connect ServiceNow.
                </li>
                <li>
                    Enter {instance.what} <code>{instance.value}</code>, the client ID{clientId ? <> <code>{clientId}</code></> : ' from step 2'} and the
                    client secret you copied in step 2.
                </li>
                <li>
                    ServiceNow then shows its consent page, signed in as <em>you</em>. Choose <strong>"Not you?"</strong>, sign in as the integration
                    user{userName ? <> <code>{userName}</code></> : ''} with the password from step 3, and allow access. Do not authorize with your
                    own account: Microsoft 365 would act with your roles.
                </li>
                <li>
                    After "Not you?", this browser stays signed in to the instance as the integration user, not as you. When Microsoft 365 shows
                    the connection,{' '}
                    <a href={LOGOUT_URL} target="_top">sign out of the instance</a>, sign in again with your own account and come back to this
                    page.
                </li>
                <li>
                    With single sign-on (SSO), the consent page may sign you in automatically. Use "Not you?" to reach the local login form, or
                    make sure the integration user can sign in through your identity provider (a matching directory user).
                </li>
                <li>
                    If this instance restricts access by IP address (IP address access control), the allow-list must admit Microsoft 365's calls,
                    or the connection fails after consent.
                </li>
                <li>
                    If the change and incident cards are missing after setup, authorize again from the provisioning page. The refresh token
                    expires after its lifespan; this page warns {warningDays} days ahead.
                </li>
            </ol>
            <h3 className="subheading">Connections</h3>
            {connections.length ? (
                <div className="table-scroll">
                    <table className="data">
                        <thead>
                            <tr>
                                <th scope="col">Tenant</th>
                                <th scope="col">Status</th>
                                <th scope="col">Connected by</th>
                                <th scope="col">Connected at</th>
                                <th scope="col">Last contact</th>
                                <th scope="col">Refresh token expires</th>
                                <th scope="col"><span className="visually-hidden">Actions</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {connections.map((c) => (
                                <React.Fragment key={c.tenantId}>
                                    <tr>
                                        <td className="long">
                                            {c.tenantName || '-'}
                                            <br />
                                            <small><code>{c.tenantId}</code></small>
                                        </td>
                                        <td>{CONNECTION_STATUS_LABEL[c.status] || c.status}</td>
                                        <td className="long">{c.connectedBy || '-'}</td>
                                        <td><Time iso={c.connectedAt} /></td>
                                        <td><Time iso={c.lastContact} /></td>
                                        <td className={c.refreshTokenWarning ? 'warn' : undefined}>
                                            <Time iso={c.refreshTokenExpiresAt} />
                                            {c.refreshTokenWarning ? <strong> ({c.refreshTokenDaysLeft !== null && c.refreshTokenDaysLeft < 0 ? 'expired' : 'expires soon'})</strong> : null}
                                        </td>
                                        <td>
                                            {c.status === 'disconnected' ? null : confirming === c.tenantId ? (
                                                <span className="confirm">
                                                    <button type="button" className="danger" disabled={removing} onClick={() => remove(c.tenantId)}>
                                                        Yes, remove<span className="visually-hidden"> {c.tenantName || c.tenantId}</span>
                                                    </button>{' '}
                                                    <button type="button" className="secondary" onClick={() => setConfirming(null)}>Cancel</button>
                                                </span>
                                            ) : (
                                                <button type="button" className="secondary" onClick={() => setConfirming(c.tenantId)}>
                                                    Remove<span className="visually-hidden"> connection of {c.tenantName || c.tenantId}</span>
                                                </button>
                                            )}
                                        </td>
                                    </tr>
                                    {removal && removal.tenantId === c.tenantId ? (
                                        <RowOutcome columns={7}>{removal.failure ? <Failure failure={removal.failure} /> : <TokensLeft connection={c} />}</RowOutcome>
                                    ) : null}
                                </React.Fragment>
                            ))}
                        </tbody>
                    </table>
                </div>
            ) : (
                <p className="help">No Microsoft 365 tenant has connected yet. This page shows it as soon as one does (use Refresh).</p>
            )}
        </>
    )
}
