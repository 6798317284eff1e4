/**
 * What a step handler of the ATF runner works with, and how it reports.
 *
 *   StepFailed(message)                 thrown by a handler: the step fails with that message
 *   StepRun { inputs, outputs, message, test }
 *   TestRun { stepOutputs, response, restChainOpen, scope }
 *   StepHandler = (run) => Promise<void> | void     returns normally when the step passes
 *   RestResponse { status, headers, body, timeMs }
 *   compare(operation, actual, expected) → boolean  the REST asserts' comparisons (equals, not_equals, contains,
 *                                                   does_not_contain, exists = "is not empty")
 */
import type { InstanceContext } from '../http/context.ts'
import { notEmulated } from '../messages.ts'

export class StepFailed extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'StepFailed'
    }
}

export interface RestResponse {
    status: number
    /** Header names lower-cased, as HTTP compares them. */
    headers: Map<string, string>
    body: string
    timeMs: number
}

/** State one test run carries from step to step. */
export interface TestRun {
    /** Outputs of the steps that ran, by step sys_id (what `steps(sys_id)` and {{step['…'].x}} read). */
    stepOutputs: Map<string, Record<string, unknown>>
    /** The response of the last Send REST Request - Inbound step. */
    response: RestResponse | null
    /** Whether only REST steps ran since that request (REST asserts must follow it immediately). */
    restChainOpen: boolean
    /** The application scope the test belongs to (sys_scope.scope). */
    scope: string
    context: InstanceContext
    baseUrl: string
    /** The user the test runs as (the one who started it). */
    runAs: string
}

export interface StepRun {
    stepSysId: string
    /** Inputs by element name, with references to earlier steps' outputs resolved. */
    inputs: Record<string, string>
    outputs: Record<string, unknown>
    message: string
    test: TestRun
}

export type StepHandler = (run: StepRun) => Promise<void> | void

/** The REST asserts' operations, as the Fluent types and the built choices name them (labels: is, is not, …). */
export function compare(operation: string, actual: string, expected: string): boolean {
    switch (operation) {
        case 'equals':
            return actual === expected
        case 'not_equals':
            return actual !== expected
        case 'contains':
            return actual.includes(expected)
        case 'does_not_contain':
            return !actual.includes(expected)
        case 'exists':
            // Labelled "is not empty" on the step form.
            return actual !== ''
        default:
            return notEmulated(`the ATF assert operation '${operation}'`)
    }
}
