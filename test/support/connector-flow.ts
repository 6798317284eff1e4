// Every connector route end to end over HTTP, with whatever credentials the caller passes (basic auth
// or an OAuth Bearer token). Returns the created ticket for further checks.
import { call, CONNECTOR, CONNECTOR_DEFAULT, TENANT, taskBody } from './http-harness.ts'

export async function exerciseConnector(base: string, authorization: string, taskId: string): Promise<{ number: string; sysId: string }> {
    const url = (path: string, versioned = true) => base + (versioned ? CONNECTOR : CONNECTOR_DEFAULT) + path

    const put = await call(url('/connection'), 'PUT', authorization, { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'secadmin@contoso.onmicrosoft.com' })
    expect([200, 201]).toContain(put.status)
    expect(put.json.result).toMatchObject({ tenantId: TENANT, status: 'connected' })

    const status = await call(url(`/connection?tenantId=${TENANT}`, false), 'GET', authorization)
    expect(status.status).toBe(200)
    expect(status.json.result.tenantName).toBe('Contoso')

    const created = await call(url('/tasks'), 'POST', authorization, taskBody({ taskId }))
    expect(created.status).toBe(201)
    const ticket = created.json.result
    expect(ticket.number).toMatch(/^CHG\d{7}$/)
    expect(created.headers.get('location')).toBe(`${CONNECTOR}/tickets/${ticket.number}?tenantId=${TENANT}`)
    // Absolute, from the instance's glide.servlet.uri: Microsoft 365 opens it against the instance, not itself.
    expect(ticket.link).toBe(`${base}/x_mioms_m365ticket_change_request.do?sys_id=${ticket.sysId}`)

    const replay = await call(url('/tasks', false), 'POST', authorization, taskBody({ taskId }))
    expect(replay.status).toBe(200)
    expect(replay.json.result.number).toBe(ticket.number)

    const conflict = await call(url('/tasks'), 'POST', authorization, taskBody({ taskId, name: 'Something else' }))
    expect(conflict.status).toBe(409)
    expect(conflict.json).toMatchObject({ error: { message: expect.any(String), detail: expect.stringContaining('name') }, status: 'failure' })

    const invalid = await call(url('/tasks'), 'POST', authorization, '{"tenantId": "' + TENANT + '", ')
    expect(invalid.status).toBe(400)
    expect(invalid.json.status).toBe('failure')

    const list = await call(url(`/tickets?tenantId=${TENANT}&limit=10&type=change`), 'GET', authorization)
    expect(list.status).toBe(200)
    expect(list.json.result.tickets.map((t: { number: string }) => t.number)).toContain(ticket.number)

    const one = await call(url(`/tickets/${ticket.number}?tenantId=${TENANT}`, false), 'GET', authorization)
    expect(one.status).toBe(200)
    expect(one.json.result).toMatchObject({ number: ticket.number, taskId })

    const missing = await call(url(`/tickets/CHG9999999?tenantId=${TENANT}`), 'GET', authorization)
    expect(missing.status).toBe(404)
    expect(missing.json.status).toBe('failure')

    const patched = await call(url(`/tickets/${ticket.number}`), 'PATCH', authorization, { tenantId: TENANT, priority: 'critical' })
    expect(patched.status).toBe(200)
    expect(patched.json.result.priority.value).toBe('1')

    const states = await call(url(`/states?tenantId=${TENANT}`), 'GET', authorization)
    expect(states.status).toBe(200)

    const names = await call(url('/state-names'), 'PUT', authorization, { tenantId: TENANT, change: { '-5': 'Awaiting triage' } })
    expect(names.status).toBe(200)
    const renamed = await call(url(`/tickets/${ticket.number}?tenantId=${TENANT}`), 'GET', authorization)
    expect(renamed.json.result.state.customLabel).toBe('Awaiting triage')

    return { number: ticket.number, sysId: ticket.sysId }
}

export async function disconnect(base: string, authorization: string): Promise<void> {
    const removed = await call(`${base}${CONNECTOR}/connection?tenantId=${TENANT}`, 'DELETE', authorization)
    expect(removed.status).toBe(200)
}
