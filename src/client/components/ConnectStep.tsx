import React, { useState } from 'react'
import { formatTime, setupApi, type Step } from '../api.ts'
import type { ConnectionsDetails, removeTenantConnection } from '../../server/setup/connect-step.ts'

import type { RevokedToken } from '../../server/setup/stray-tokens.ts'
import { Failure, useSetupAction } from './common.tsx'

type RemovedConnection = ReturnType<typeof removeTenantConnection>

function instanceName(): string {
    const host = window.location.hostname
    return host.endsWith('.service-now.com') ? host.substring(0, host.length - '.service-now.com'.length) : host
}

export function ConnectDetails({ step, clientId, userName, onChanged }: { step: Step<ConnectionsDetails, 'connect'>; clientId: string; userName: string; onChanged: () => void }) {
    const { connections, strayTokens, provisioningUrl, warningDays } = step.details
    const [confirming, setConfirming] = useState<string | null>(null)
    const [tokensLeft, setTokensLeft] = useState<string | null>(null)
    const { busy, failure, run } = useSetupAction()

    const remove = (tenantId: string) =>
        run(async () => {
            const removed = await setupApi<RemovedConnection>('DELETE', '/connections/' + encodeURIComponent(tenantId))
            setTokensLeft(removed.tokenRevocation === 'refused' ? tenantId : null)
            setConfirming(null)
            onChanged()
        })

    const revoke = (tokenSysId: string) =>
        run(async () => {
            await setupApi<RevokedToken>('DELETE', '/tokens/' + encodeURIComponent(tokenSysId))
            onChanged()
        })

    return (
        <>
            {strayTokens.length ? (
                <>
                    <h3 className="subheading" id="stray-tokens-title">Tokens issued to the wrong user</h3>
                    <p className="help">
                        These tokens of the OAuth client were issued to users who are not integration users: someone allowed access on the consent
                        page with their own account. Revoke them, then connect again from Microsoft 365 as the integration user.
                    </p>
                    <table className="data" aria-labelledby="stray-tokens-title" id="stray-tokens">
                        <thead>
                            <tr>
                                <th scope="col">User</th>
                                <th scope="col">Token</th>
                                <th scope="col">Expires</th>
                                <th scope="col"><span className="visually-hidden">Actions</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {strayTokens.map((t) => (
                                <tr key={t.sysId}>
                                    <td>
                                        {t.user.name || t.user.userName}
                                        {t.user.name ? <> <small>({t.user.userName})</small></> : null}
                                    </td>
                                    <td>{t.type === 'refresh_token' ? 'Refresh token' : t.type === 'access_token' ? 'Access token' : t.type}</td>
                                    <td>{formatTime(t.expires ? t.expires.replace(' ', 'T') + 'Z' : null)}</td>
                                    <td>
                                        <button type="button" className="danger" disabled={busy} onClick={() => revoke(t.sysId)}>
                                            Revoke<span className="visually-hidden"> {t.type} of {t.user.userName}</span>
                                        </button>
                                    </td>
                                </tr>
                            ))}
                        </tbody>
                    </table>
                </>
            ) : null}
            <h3 className="subheading">In the Microsoft 365 security center</h3>
            <ol className="instructions">
                <li>
                    Open the provisioning page,{' '}
                    <a href={provisioningUrl} target="_blank" rel="noopener noreferrer">
                        {provisioningUrl}<span className="visually-hidden"> (opens in a new tab)</span>
                    </a>
                    , signed in as a Microsoft 365 security admin, and choose to connect ServiceNow.
                </li>
                <li>
                    Enter the instance name <code>{instanceName()}</code>, the client ID{clientId ? <> <code>{clientId}</code></> : ' from step 2'} and the
                    client secret you copied in step 2.
                </li>
                <li>
                    ServiceNow then shows its consent page, signed in as <em>you</em>. Choose <strong>"Not you?"</strong>, sign in as the integration
                    user{userName ? <> <code>{userName}</code></> : ''} with the password from step 3, and allow access. Do not authorize with your
                    own account: Microsoft 365 would act with your roles.
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
                            <tr key={c.tenantId}>
                                <td>
                                    {c.tenantName || '-'}
                                    <br />
                                    <small><code>{c.tenantId}</code></small>
                                </td>
                                <td>{c.status}</td>
                                <td>{c.connectedBy || '-'}</td>
                                <td>{formatTime(c.connectedAt)}</td>
                                <td>{formatTime(c.lastContact)}</td>
                                <td className={c.refreshTokenWarning ? 'warn' : undefined}>
                                    {formatTime(c.refreshTokenExpiresAt)}
                                    {c.refreshTokenWarning ? <strong> ({c.refreshTokenDaysLeft !== null && c.refreshTokenDaysLeft < 0 ? 'expired' : 'expires soon'})</strong> : null}
                                </td>
                                <td>
                                    {c.status === 'disconnected' ? null : confirming === c.tenantId ? (
                                        <span className="confirm">
                                            <button type="button" className="danger" disabled={busy} onClick={() => remove(c.tenantId)}>
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
                        ))}
                    </tbody>
                </table>
            ) : (
                <p className="help">No Microsoft 365 tenant has connected yet. This page shows it as soon as one does (use Refresh).</p>
            )}
            {tokensLeft ? (
                <div className="failure" role="alert">
                    <p className="problem-message">The connection of {tokensLeft} was removed, but this instance refused to revoke its OAuth tokens.</p>
                    <p className="problem-fix">Revoke the integration user's tokens in System OAuth &gt; Manage Tokens (see the preflight step).</p>
                </div>
            ) : null}
            <Failure failure={failure} />
        </>
    )
}
