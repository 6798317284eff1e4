import React, { useState } from 'react'
import { fieldErrors, setupApi, type Step } from '../api.ts'
import type { IntegrationUserDetails, PasswordResult } from '../../server/setup/integration-user.ts'
import { Failure, OneTimeSecrets, useSetupAction } from './common.tsx'

export function UserDetails({ step, onChanged }: { step: Step<IntegrationUserDetails, 'integration_user'>; onChanged: () => void }) {
    const { users, role } = step.details
    const [userName, setUserName] = useState('m365.integration')
    const { busy, failure, run } = useSetupAction()
    const [secret, setSecret] = useState<PasswordResult | null>(null)
    const errors = fieldErrors(failure)

    const issuePassword = (path: string, body: object) =>
        run(async () => {
            setSecret(await setupApi<PasswordResult>('POST', path, body))
            onChanged()
        })

    return (
        <>
            {users.length ? (
                <div className="table-scroll">
                    <table className="data">
                        <caption className="visually-hidden">Users holding {role}; snc_internal and snc_external (Explicit Roles) are expected, not listed as other roles</caption>
                        <thead>
                            <tr>
                                <th scope="col">User name</th>
                                <th scope="col">Active</th>
                                <th scope="col">Locked out</th>
                                <th scope="col">Other roles</th>
                                <th scope="col"><span className="visually-hidden">Actions</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {users.map((user) => (
                                <tr key={user.sysId}>
                                    <td className="long"><a href={user.link}>{user.userName}</a></td>
                                    <td>{user.active ? 'Yes' : 'No'}</td>
                                    <td>{user.lockedOut ? 'Yes' : 'No'}</td>
                                    <td className="long">{user.otherRoles.length ? user.otherRoles.join(', ') : 'None'}</td>
                                    <td>
                                        <button type="button" className="secondary" disabled={busy} onClick={() => issuePassword('/integration-user/reset-password', { userName: user.userName })}>
                                            Reset password<span className="visually-hidden"> of {user.userName}</span>
                                        </button>
                                    </td>
                                </tr>
                            ))}
                        </tbody>
                    </table>
                </div>
            ) : null}
            {secret ? (
                <OneTimeSecrets
                    id="user-secret"
                    title={'Sign-in for ' + secret.user.userName}
                    items={[{ label: 'User name', value: secret.user.userName }, { label: 'Password', value: secret.password }]}
                    onDone={() => setSecret(null)}
                />
            ) : null}
            {!users.length ? (
                <form
                    className="step-form"
                    onSubmit={(e) => {
                        e.preventDefault()
                        issuePassword('/integration-user', { userName })
                    }}
                >
                    <p className="help">
                        Microsoft 365 acts as this user. It gets only the role {role}, and a generated password that you need once: to sign in on
                        the consent page in step 4.
                    </p>
                    <p className="help">
                        With the Explicit Roles plugin, the instance gives the user snc_internal when it first signs in. To keep it an external
                        user, add snc_external to it before that first sign-in. Either role is expected here.
                    </p>
                    <label htmlFor="user-name">User name</label>
                    <input id="user-name" value={userName} onChange={(e) => setUserName(e.target.value)} maxLength={100} autoComplete="off" aria-describedby={errors.userName ? 'user-name-error' : undefined} />
                    {errors.userName ? <span id="user-name-error" className="field-error">{errors.userName}</span> : null}
                    <div className="actions">
                        <button type="submit" disabled={busy}>Create integration user</button>
                        <span className="note" aria-live="polite">{busy ? 'Working…' : ''}</span>
                    </div>
                </form>
            ) : null}
            <Failure failure={failure && failure.status !== 400 ? failure : null} />
        </>
    )
}
