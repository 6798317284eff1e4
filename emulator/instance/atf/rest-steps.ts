/**
 * The ATF "REST" category (docs: "REST category"): Send REST Request - Inbound and the asserts on its response.
 *
 *   REST_STEPS: step config id → handler
 *     sendRestRequest                   an HTTP request to this instance; fails only when it cannot be sent
 *     assertStatusCode                  equals, not_equals, less_than, greater_than, less_than_equals, greater_than_equals
 *     assertResponseHeader              a header (name case-insensitive) compared with the value
 *     assertResponsePayload             the whole body compared with the value
 *     assertResponseJSONPayloadIsValid  the body parses as JSON
 *     assertJsonResponsePayloadElement  an element at an SNC path (/result/number) compared with the value
 *
 * Authentication of the request: a basic auth profile (sys_auth_profile_basic) names the user. The platform
 * sends the profile's user name and decrypted password; the local instance keeps password2 values one-way
 * hashed (glide/GlideRecord.ts), so it cannot. It signs the request in as the profile's user through a
 * session of its own (JSESSIONID with X-UserToken) instead, when that user may sign in and the profile has a
 * password; a profile without one, or a missing, inactive or locked-out user, gets basic credentials that fail,
 * so the instance answers 401 as it would. Not checked locally: that the profile's password is the user's.
 * No authentication ('') sends no credentials (guest).
 */
import { canUseAccount, findUser } from '../security/users.ts'
import { ATF_MESSAGES, notEmulated } from '../messages.ts'
import { compare, type RestResponse, StepFailed, type StepHandler, type StepRun } from './step-run.ts'
import { STEP_CONFIG_IDS } from './step-configs.ts'

const SESSION_COOKIE = 'JSESSIONID'

function nameValues(json: string, input: string): Record<string, string> {
    if (!json) return {}
    try {
        return JSON.parse(json) as Record<string, string>
    } catch {
        throw new StepFailed(`The ${input} input is not a name-value list: ${json}`)
    }
}

/** The headers that sign the request in as the profile's user (see the module comment). */
function authentication(run: StepRun, close: Array<() => void>): Record<string, string> {
    const type = run.inputs.auth_type
    if (type === '' || (type === 'basic' && !run.inputs.basic_auth)) return {}
    if (type !== 'basic') return notEmulated(`ATF REST authentication type '${type}'`)
    const { store } = run.test.context.runtime
    const profile = store.getRow('sys_auth_profile_basic', run.inputs.basic_auth)
    if (!profile) throw new StepFailed(`No basic auth profile ${run.inputs.basic_auth}`)
    const userName = profile.username ?? ''
    const user = userName ? findUser(store, userName) : undefined
    if (!profile.password || !canUseAccount(user) || user.user_name?.toLowerCase() !== userName.toLowerCase()) {
        // Credentials the instance refuses, as it refuses this user's: the answer is its own 401.
        return { authorization: 'Basic ' + Buffer.from(userName + ':').toString('base64') }
    }
    const session = run.test.context.sessions.create(user.sys_id!, user.user_name!)
    close.push(() => run.test.context.sessions.destroy(session.id))
    return { cookie: `${SESSION_COOKIE}=${session.id}`, 'x-usertoken': session.token }
}

const sendRestRequest: StepHandler = async (run) => {
    const path = run.inputs.end_point
    if (!path.startsWith('/')) throw new StepFailed(ATF_MESSAGES.absolutePath.text(path))
    if (run.inputs.mutual_auth) notEmulated('ATF REST mutual authentication')
    const query = new URLSearchParams(nameValues(run.inputs.query_params, 'query parameters')).toString()
    const close: Array<() => void> = []
    const headers = { ...nameValues(run.inputs.headers, 'headers'), ...authentication(run, close) }
    const method = (run.inputs.http_method || 'get').toUpperCase()
    const started = performance.now()
    try {
        const answer = await fetch(run.test.baseUrl + path + (query ? '?' + query : ''), {
            method,
            headers,
            body: method === 'GET' || method === 'DELETE' || !run.inputs.request_body ? undefined : run.inputs.request_body,
            redirect: 'manual',
        })
        const body = await answer.text()
        const response: RestResponse = { status: answer.status, headers: new Map([...answer.headers].map(([k, v]) => [k.toLowerCase(), v])), body, timeMs: performance.now() - started }
        run.test.response = response
        run.message = `${method} ${path} answered ${response.status}`
    } catch (error) {
        throw new StepFailed(ATF_MESSAGES.requestFailed.text(error instanceof Error ? error.message : String(error)))
    } finally {
        for (const done of close) done()
    }
}

function response(run: StepRun): RestResponse {
    if (!run.test.response || !run.test.restChainOpen) throw new StepFailed(ATF_MESSAGES.noResponse.text)
    return run.test.response
}

function check(run: StepRun, what: string, operation: string, actual: string, expected: string): void {
    if (!compare(operation, actual, expected)) throw new StepFailed(ATF_MESSAGES.comparisonFailed.text(what, operation, expected, actual))
    run.message = `${what}: ${operation}${operation === 'exists' ? '' : ' ' + JSON.stringify(expected)}`
}

const STATUS_OPERATIONS: Record<string, (actual: number, expected: number) => boolean> = {
    equals: (a, e) => a === e,
    not_equals: (a, e) => a !== e,
    less_than: (a, e) => a < e,
    greater_than: (a, e) => a > e,
    less_than_equals: (a, e) => a <= e,
    greater_than_equals: (a, e) => a >= e,
}

const assertStatusCode: StepHandler = (run) => {
    const { status } = response(run)
    const operation = run.inputs.response_operation
    const test = STATUS_OPERATIONS[operation] ?? notEmulated(`the ATF status code operation '${operation}'`)
    const expected = Number(run.inputs.status_code)
    if (!test(status, expected)) throw new StepFailed(ATF_MESSAGES.comparisonFailed.text('The status code', operation, String(expected), String(status)))
    run.message = `Status code ${status}: ${operation} ${expected}`
}

const assertResponseHeader: StepHandler = (run) => {
    const name = run.inputs.header_name
    check(run, `Header ${name}`, run.inputs.response_operation, response(run).headers.get(name.toLowerCase()) ?? '', run.inputs.header_value)
}

const assertResponsePayload: StepHandler = (run) => {
    check(run, 'The response payload', run.inputs.response_operation, response(run).body, run.inputs.response_body)
}

const assertResponseJSONPayloadIsValid: StepHandler = (run) => {
    try {
        JSON.parse(response(run).body)
    } catch (error) {
        throw new StepFailed(ATF_MESSAGES.invalidJson.text(error instanceof Error ? error.message : String(error)))
    }
    run.message = 'The response payload is valid JSON'
}

/**
 * The element at an SNC path ("/result/short_description", REST category). A path in another form, or one
 * that walks into an array, is refused: the docs show neither.
 */
function element(body: unknown, path: string): unknown {
    if (!path.startsWith('/')) notEmulated(`the ATF JSON element path '${path}' (the documented form is an SNC path such as /result/short_description)`)
    let node: unknown = body
    for (const name of path.split('/').slice(1)) {
        if (Array.isArray(node)) notEmulated(`the ATF JSON element path '${path}' through an array`)
        if (node === null || typeof node !== 'object' || !(name in node)) return undefined
        node = (node as Record<string, unknown>)[name]
    }
    return node
}

const assertJsonResponsePayloadElement: StepHandler = (run) => {
    const path = run.inputs.element_name
    let body: unknown
    try {
        body = JSON.parse(response(run).body)
    } catch (error) {
        throw new StepFailed(ATF_MESSAGES.invalidJson.text(error instanceof Error ? error.message : String(error)))
    }
    const value = element(body, path)
    const operation = run.inputs.response_operation
    if (value === undefined) {
        if (operation === 'not_equals' || operation === 'does_not_contain') notEmulated(`ATF ${operation} on the missing JSON element ${path}`)
        throw new StepFailed(ATF_MESSAGES.elementMissing.text(path))
    }
    if (value !== null && typeof value === 'object') {
        // Whether the platform compares an object or array as text is not documented: only "is not empty".
        if (operation !== 'exists') notEmulated(`ATF ${operation} on the JSON element ${path}, an object or array`)
        check(run, `Element ${path}`, operation, Object.keys(value).length > 0 ? 'present' : '', '')
        return
    }
    check(run, `Element ${path}`, operation, value === null ? '' : String(value), run.inputs.element_value)
}

export const REST_STEPS: ReadonlyMap<string, StepHandler> = new Map([
    [STEP_CONFIG_IDS.sendRestRequest, sendRestRequest],
    [STEP_CONFIG_IDS.assertStatusCode, assertStatusCode],
    [STEP_CONFIG_IDS.assertResponseHeader, assertResponseHeader],
    [STEP_CONFIG_IDS.assertResponsePayload, assertResponsePayload],
    [STEP_CONFIG_IDS.assertResponseJSONPayloadIsValid, assertResponseJSONPayloadIsValid],
    [STEP_CONFIG_IDS.assertJsonResponsePayloadElement, assertJsonResponsePayloadElement],
])
