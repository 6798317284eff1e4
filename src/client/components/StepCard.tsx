import React from 'react'
import type { ChecklistStep } from '../api.ts'
import { Problems, StatusBadge } from './common.tsx'

export function StepCard({ number, step, children }: { number: number; step: ChecklistStep; children?: React.ReactNode }) {
    const headingId = 'step-' + step.id + '-title'
    return (
        <li className={'step step-' + step.state}>
            <section aria-labelledby={headingId}>
                <header className="step-header">
                    <h2 id={headingId}>
                        <span className="step-number">{number}.</span> {step.title}
                    </h2>
                    <StatusBadge state={step.state} />
                </header>
                <p className="summary">{step.summary}</p>
                <Problems problems={step.problems} />
                {children}
            </section>
        </li>
    )
}
