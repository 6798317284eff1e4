import React, { useRef, useState } from 'react'
import type { ApiFailure, Problem, StepState } from '../api.ts'

/**
 * A setup API action of a step: `run(action)` marks the step busy, clears the last failure, and keeps
 * the failure the action throws (an ApiFailure from setupApi) for <Failure>.
 */
export function useSetupAction(): { busy: boolean; failure: ApiFailure | null; run: (action: () => Promise<void>) => Promise<void> } {
    const [busy, setBusy] = useState(false)
    const [failure, setFailure] = useState<ApiFailure | null>(null)
    const run = async (action: () => Promise<void>) => {
        setBusy(true)
        setFailure(null)
        try {
            await action()
        } catch (e) {
            setFailure(e as ApiFailure)
        } finally {
            setBusy(false)
        }
    }
    return { busy, failure, run }
}

const STATE_LABEL: { [state in StepState]: string } = {
    complete: 'Complete',
    todo: 'To do',
    attention: 'Needs attention',
    failed: 'Failed',
    blocked: 'Blocked',
    waiting: 'Waiting for Microsoft 365',
}
const STATE_ICON: { [state in StepState]: string } = { complete: '✓', todo: '○', attention: '!', failed: '✕', blocked: '–', waiting: '…' }

export function StatusBadge({ state }: { state: StepState }) {
    return (
        <span className={'badge badge-' + state}>
            <span aria-hidden="true">{STATE_ICON[state]} </span>
            {STATE_LABEL[state]}
        </span>
    )
}

export function Problems({ problems }: { problems: Problem[] }) {
    if (!problems.length) return null
    return (
        <ul className="problems">
            {problems.map((problem, i) => (
                <li key={problem.code + i} className="problem">
                    <p className="problem-message">{problem.message}</p>
                    <p className="problem-fix">
                        <strong>How to fix: </strong>
                        {problem.fix}
                    </p>
                </li>
            ))}
        </ul>
    )
}

/** The instance's sign-out: ends this browser's session, whoever it is signed in as. */
export const LOGOUT_URL = '/logout.do'

export function Failure({ failure }: { failure: ApiFailure | null }) {
    if (!failure) return null
    return (
        <div className="failure" role="alert">
            <p className="problem-message">{failure.message}</p>
            {failure.detail ? <p className="problem-fix">{failure.detail}</p> : null}
            {failure.status === 401 ? (
                <p className="problem-fix">
                    <a href={LOGOUT_URL} target="_top">Sign out of the instance</a>
                </p>
            ) : null}
        </div>
    )
}

// One date format on every page of the app: the reader's locale and time zone, the ISO value on hover.
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** An ISO 8601 time from the setup API, or '-' when there is none. */
export function Time({ iso }: { iso: string | null }) {
    const date = iso ? new Date(iso) : null
    if (!iso || !date || isNaN(date.getTime())) return <>{iso || '-'}</>
    return (
        <time dateTime={iso} title={iso}>
            {DATE_TIME.format(date)}
        </time>
    )
}

/** Copies text; falls back to selecting it when the clipboard API is not allowed (e.g. in an iframe). */
function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
    const input = useRef<HTMLInputElement>(null)
    const [note, setNote] = useState('')
    const copy = async () => {
        try {
            await navigator.clipboard.writeText(value)
            setNote(label + ' copied.')
        } catch (e) {
            const field = input.current
            if (field) {
                field.focus()
                field.select()
                const copied = document.execCommand && document.execCommand('copy')
                setNote(copied ? label + ' copied.' : 'Selected: press Ctrl+C (or Cmd+C) to copy.')
            }
        }
    }
    return (
        <div className="copy-field">
            <label htmlFor={id}>{label}</label>
            <div className="copy-row">
                <input id={id} ref={input} readOnly value={value} spellCheck={false} autoComplete="off" onFocus={(e) => e.currentTarget.select()} />
                <button type="button" onClick={copy} aria-describedby={id + '-note'}>
                    Copy<span className="visually-hidden"> {label}</span>
                </button>
            </div>
            <span id={id + '-note'} className="copy-note" aria-live="polite">
                {note}
            </span>
        </div>
    )
}

export interface SecretItem {
    label: string
    value: string
}

/** One-time credentials: shown until dismissed, never fetched again. */
export function OneTimeSecrets({ id, title, items, onDone }: { id: string; title: string; items: SecretItem[]; onDone: () => void }) {
    return (
        <div className="secrets" role="region" aria-labelledby={id + '-title'}>
            <h4 id={id + '-title'}>{title}</h4>
            <p className="secrets-warning">
                <strong>Shown once.</strong> Copy these values now and keep them somewhere safe, such as a password manager. They cannot be shown
                again: if you lose them, issue new ones.
            </p>
            {items.map((item, i) => (
                <CopyField key={item.label} id={id + '-' + i} label={item.label} value={item.value} />
            ))}
            <button type="button" className="secondary" onClick={onDone}>
                I have copied them, hide
            </button>
        </div>
    )
}
