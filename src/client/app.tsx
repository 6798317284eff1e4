import React, { useCallback, useEffect, useState } from 'react'
import { setupApi, type ApiFailure, type ChecklistStatus, type ChecklistStep } from './api.ts'
import { ConnectDetails } from './components/ConnectStep.tsx'
import { Failure } from './components/common.tsx'
import { OAuthDetails } from './components/OAuthStep.tsx'
import { PreflightDetails } from './components/PreflightStep.tsx'
import { SessionBar, signedInUser } from './components/SessionBar.tsx'
import { SettingsDetails } from './components/SettingsStep.tsx'
import { StepCard } from './components/StepCard.tsx'
import { UserDetails } from './components/UserStep.tsx'

/** The application menu's lists (fluent/menus/application-menu.now.ts), reachable from this page, which has no navigator. */
const APP_LISTS: ReadonlyArray<{ title: string; href: string }> = [
    { title: 'Change Requests', href: '/x_mioms_m365ticket_change_request_list.do' },
    { title: 'Incidents', href: '/x_mioms_m365ticket_incident_list.do' },
    { title: 'Connections', href: '/x_mioms_m365ticket_connection_list.do' },
    { title: 'API Log', href: '/x_mioms_m365ticket_api_log_list.do?sysparm_query=ORDERBYDESCsys_created_on' },
    { title: 'Properties', href: '/sys_properties_list.do?sysparm_query=nameSTARTSWITHx_mioms_m365ticket.' },
]

/** The step with that id, typed by it. */
function stepById<Id extends ChecklistStep['id']>(status: ChecklistStatus | null, id: Id): Extract<ChecklistStep, { id: Id }> | undefined {
    return status ? status.steps.find((step): step is Extract<ChecklistStep, { id: Id }> => step.id === id) : undefined
}

export function App() {
    const [session] = useState(signedInUser)
    const [status, setStatus] = useState<ChecklistStatus | null>(null)
    const [failure, setFailure] = useState<ApiFailure | null>(null)
    const [loading, setLoading] = useState(false)

    const load = useCallback(async () => {
        setLoading(true)
        try {
            setStatus(await setupApi<ChecklistStatus>('GET', '/status'))
            setFailure(null)
        } catch (e) {
            setFailure(e as ApiFailure)
        } finally {
            setLoading(false)
        }
    }, [])

    useEffect(() => {
        document.title = 'Installation Checklist - Microsoft 365 Ticketing Connector'
        // Only the app's admins reach this page: its ui_page ACL (fluent/acls/checklist-page-acl.now.ts) refuses others.
        load()
    }, [load])

    const oauth = stepById(status, 'oauth')
    const user = stepById(status, 'integration_user')
    const clientId = oauth && oauth.details.client ? oauth.details.client.clientId : ''
    const userName = user && user.details.users.length ? user.details.users[0].userName : ''

    const details = (step: ChecklistStep) => {
        switch (step.id) {
            case 'preflight':
                return <PreflightDetails step={step} onRecheck={load} busy={loading} />
            case 'oauth':
                return <OAuthDetails step={step} onChanged={load} />
            case 'integration_user':
                return <UserDetails step={step} onChanged={load} />
            case 'connect':
                return <ConnectDetails step={step} clientId={clientId} userName={userName} onChanged={load} />
            case 'settings':
                return <SettingsDetails step={step} onChanged={load} />
        }
    }

    return (
        <div className="checklist">
            <nav className="app-nav" aria-label="Microsoft 365 Ticketing Connector">
                <a href="/navpage.do" target="_top" id="back-to-navigator">
                    <span aria-hidden="true">← </span>Back to the navigator
                </a>
                <ul>
                    {APP_LISTS.map((list) => (
                        <li key={list.href}>
                            <a href={list.href}>{list.title}</a>
                        </li>
                    ))}
                </ul>
            </nav>
            <main aria-busy={loading}>
                <header className="page-header">
                    <div>
                        <p className="eyebrow">Microsoft 365 Ticketing Connector</p>
                        <h1>Installation checklist</h1>
                    </div>
                    <div className="header-actions">
                        {session ? <SessionBar user={session} /> : null}
                        <button type="button" className="secondary" onClick={load} disabled={loading}>
                            {loading ? 'Refreshing…' : 'Refresh'}
                        </button>
                    </div>
                </header>
                <p className="intro">
                    Work through the steps in order. Each status is read from this instance every time the page loads or you choose Refresh.
                </p>
                <Failure failure={failure} />
                {status ? (
                    <>
                        <p className="overall" role="status">
                            {status.complete
                                ? 'All steps are complete: Microsoft 365 can send tickets to this instance.'
                                : 'Next: ' + (status.nextStep ? (stepById(status, status.nextStep)?.title ?? '') : '') + '.'}
                        </p>
                        <ol className="steps">
                            {status.steps.map((step, i) => (
                                <StepCard key={step.id} number={i + 1} step={step}>
                                    {details(step)}
                                </StepCard>
                            ))}
                        </ol>
                    </>
                ) : !failure ? (
                    <p role="status">Loading the checklist…</p>
                ) : null}
            </main>
        </div>
    )
}
