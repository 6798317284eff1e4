// Table API paging over HTTP: X-Total-Count and the Link header (REST API reference, "Table API": response
// headers Link and X-Total-Count, sysparm_limit, sysparm_offset, sysparm_suppress_pagination_header).
// The Link format — absolute URLs with the request's parameters as given, sysparm_limit and sysparm_offset
// replaced or appended, rel first/prev/next/last joined by ',' without spaces, prev = offset - limit even on
// the first page — is copied from headers captured on instances (dev86373 2021, dev130168 2022, dev94579),
// quoted in public client code (see FIDELITY.md, "Table API").
import { ADMIN, basic, call, type Instance, startTestInstance } from '../support/http-harness.ts'

let instance: Instance
const PREFIX = 'paging-conformance'

beforeAll(async () => {
    instance = await startTestInstance()
    for (let n = 1; n <= 5; n++) {
        const created = await call(`${instance.url}/api/now/table/incident`, 'POST', basic(ADMIN), { short_description: `${PREFIX} ${n}` })
        expect(created.status).toBe(201)
    }
})

afterAll(() => instance.close())

const query = `sysparm_query=short_descriptionSTARTSWITH${PREFIX}%5EORDERBYshort_description&sysparm_fields=short_description`

describe('Link header (Table API response headers; format as captured on instances)', () => {
    it('names first, prev, next and last with absolute URLs, the parameters as sent, limit then offset appended', async () => {
        const path = `/api/now/table/incident?${query}&sysparm_limit=2`
        const response = await call(instance.url + path, 'GET', basic(ADMIN))
        expect(response.status).toBe(200)
        expect(response.headers.get('x-total-count')).toBe('5')
        const base = `${instance.url}/api/now/table/incident?${query}&sysparm_limit=2`
        expect(response.headers.get('link')).toBe(
            `<${base}&sysparm_offset=0>;rel="first",<${base}&sysparm_offset=-2>;rel="prev",<${base}&sysparm_offset=2>;rel="next",<${base}&sysparm_offset=4>;rel="last"`,
        )
    })

    it('replaces sysparm_offset and sysparm_limit where the request had them, and drops next on the last page', async () => {
        const response = await call(`${instance.url}/api/now/v2/table/incident?sysparm_offset=4&${query}&sysparm_limit=2`, 'GET', basic(ADMIN))
        expect(response.json.result).toEqual([{ short_description: `${PREFIX} 5` }])
        const at = (offset: number) => `<${instance.url}/api/now/v2/table/incident?sysparm_offset=${offset}&${query}&sysparm_limit=2>`
        expect(response.headers.get('link')).toBe(`${at(0)};rel="first",${at(2)};rel="prev",${at(4)};rel="last"`)
    })

    it('is absent when the whole result fits on one page, while X-Total-Count is still sent', async () => {
        const response = await call(`${instance.url}/api/now/table/incident?${query}&sysparm_limit=5`, 'GET', basic(ADMIN))
        expect(response.headers.get('link')).toBeNull()
        expect(response.headers.get('x-total-count')).toBe('5')
    })

    it('is left out with sysparm_suppress_pagination_header=true', async () => {
        const response = await call(`${instance.url}/api/now/table/incident?${query}&sysparm_limit=2&sysparm_suppress_pagination_header=true`, 'GET', basic(ADMIN))
        expect(response.json.result).toHaveLength(2)
        expect(response.headers.get('link')).toBeNull()
        expect(response.headers.get('x-total-count')).toBe('5')
    })

    it('leads a client that follows rel="next" through every record exactly once', async () => {
        const seen: string[] = []
        let next: string | null = `${instance.url}/api/now/table/incident?${query}&sysparm_limit=2`
        while (next) {
            const page = await call(next, 'GET', basic(ADMIN))
            seen.push(...page.json.result.map((r: { short_description: string }) => r.short_description))
            next = /<([^>]+)>;rel="next"/.exec(page.headers.get('link') ?? '')?.[1] ?? null
        }
        expect(seen).toEqual([1, 2, 3, 4, 5].map((n) => `${PREFIX} ${n}`))
    })
})
