// Property-based fuzzing of every connector and setup route over HTTP (see fuzz-routes.ts for the
// inputs and the properties). A fixed seed makes a failure reproducible; FUZZ_RUNS sets the number
// of cases in all (default 10,000 per run), spread evenly over the routes. `npm run fuzz` runs more.
import fc from 'fast-check'
import { basic, call, INTEGRATION, startTestInstance, TENANT, taskBody, type Instance } from '../support/http-harness.ts'
import { checkRoute, CONNECTOR, ROUTES } from '../support/fuzz-routes.ts'

const TOTAL_RUNS = parseInt(process.env.FUZZ_RUNS || '10000', 10)
const SEED = parseInt(process.env.FUZZ_SEED || '20261126', 10)
const RUNS_PER_ROUTE = Math.ceil(TOTAL_RUNS / ROUTES.length)

let instance: Instance

beforeAll(async () => {
    instance = await startTestInstance()
    instance.lines.length = 0
    const auth = basic(INTEGRATION)
    expect((await call(instance.url + CONNECTOR + '/connection', 'PUT', auth, { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' })).status).toBe(201)
    for (const [index, ticketType] of ['change', 'incident', 'change'].entries()) {
        expect((await call(instance.url + CONNECTOR + '/tasks', 'POST', auth, taskBody({ taskId: 'seed-' + index, ticketType }))).status).toBe(201)
    }
})

afterAll(async () => {
    await instance.close()
})

describe(`fuzzing ${ROUTES.length} routes, ${RUNS_PER_ROUTE} cases each (seed ${SEED})`, () => {
    it.each(ROUTES.map((route) => [route.name, route] as const))('%s: never a 5xx, errors in the envelope, nothing written on a 4xx, no widened query', async (_name, route) => {
        await fc.assert(
            fc.asyncProperty(route.request, async (request) => {
                await checkRoute(instance, route, request)
            }),
            { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
        )
    })
})
