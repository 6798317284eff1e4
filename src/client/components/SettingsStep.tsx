import React, { useEffect, useState } from 'react'
import { fieldErrors, setupApi, type Step } from '../api.ts'
import type { GroupRef, SettingsView } from '../../server/setup/ticket-settings.ts'
import { Failure, useSetupAction } from './common.tsx'

const groupText = (group: GroupRef | null) => (group ? group.name || group.sysId : '')

export function SettingsDetails({ step, onChanged }: { step: Step<SettingsView, 'settings'>; onChanged: () => void }) {
    const settings = step.details
    const [type, setType] = useState(settings.defaultTicketType)
    const [changeGroup, setChangeGroup] = useState(groupText(settings.changeAssignmentGroup))
    const [incidentGroup, setIncidentGroup] = useState(groupText(settings.incidentAssignmentGroup))
    const [retention, setRetention] = useState(String(settings.apiLogRetentionDays))
    const { busy, failure, run } = useSetupAction()
    const [note, setNote] = useState('')
    const errors = fieldErrors(failure)

    useEffect(() => {
        setType(settings.defaultTicketType)
        setChangeGroup(groupText(settings.changeAssignmentGroup))
        setIncidentGroup(groupText(settings.incidentAssignmentGroup))
        setRetention(String(settings.apiLogRetentionDays))
    }, [settings.defaultTicketType, settings.changeAssignmentGroup, settings.incidentAssignmentGroup, settings.apiLogRetentionDays])

    const submit = (event: React.FormEvent) => {
        event.preventDefault()
        setNote('')
        return run(async () => {
            await setupApi('PUT', '/settings', {
                defaultTicketType: type,
                changeAssignmentGroup: changeGroup.trim(),
                incidentAssignmentGroup: incidentGroup.trim(),
                apiLogRetentionDays: retention.trim(),
            })
            setNote('Settings saved.')
            onChanged()
        })
    }

    const error = (field: string) => (errors[field] ? <span id={'settings-' + field + '-error'} className="field-error">{errors[field]}</span> : null)
    const described = (field: string) => (errors[field] ? 'settings-' + field + '-error' : undefined)

    return (
        <form className="step-form" onSubmit={submit}>
            <label htmlFor="settings-type">Default ticket type (when Microsoft 365 does not name one)</label>
            <select id="settings-type" value={type} onChange={(e) => setType(e.target.value as SettingsView['defaultTicketType'])} aria-describedby={described('defaultTicketType')}>
                <option value="change">Change request</option>
                <option value="incident">Incident</option>
            </select>
            {error('defaultTicketType')}
            <label htmlFor="settings-change-group">Assignment group for change requests (group name or sys_id; empty for none)</label>
            <input id="settings-change-group" value={changeGroup} onChange={(e) => setChangeGroup(e.target.value)} maxLength={100} aria-describedby={described('changeAssignmentGroup')} />
            {error('changeAssignmentGroup')}
            <label htmlFor="settings-incident-group">Assignment group for incidents (group name or sys_id; empty for none)</label>
            <input id="settings-incident-group" value={incidentGroup} onChange={(e) => setIncidentGroup(e.target.value)} maxLength={100} aria-describedby={described('incidentAssignmentGroup')} />
            {error('incidentAssignmentGroup')}
            <label htmlFor="settings-retention">API log retention (days, 1-3650)</label>
            <input id="settings-retention" inputMode="numeric" value={retention} onChange={(e) => setRetention(e.target.value)} aria-describedby={described('apiLogRetentionDays')} />
            {error('apiLogRetentionDays')}
            <div className="actions">
                <button type="submit" disabled={busy}>Save settings</button>
                <span className="note" aria-live="polite">{busy ? 'Saving…' : note}</span>
            </div>
            <Failure failure={failure && failure.status !== 400 ? failure : null} />
        </form>
    )
}
