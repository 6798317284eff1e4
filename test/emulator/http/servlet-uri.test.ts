// glide.servlet.uri as the platform has it: computed from the URL the instance serves, with no sys_properties
// record ("Demystifying glide.servlet.uri"); a record an admin creates wins (local choice).
import { gs } from '@servicenow/glide'
import { createInstance, type Instance } from '../../../emulator/instance/instance.ts'
import { propertyRecord } from '../../../emulator/instance/store/lookups.ts'

let instance: Instance
let url: string
beforeAll(async () => {
    instance = createInstance({ dbPath: ':memory:' })
    url = (await instance.listen({ port: 0, logger: false })).url
})
afterAll(() => instance.close())

it('answers gs.getProperty with the URL the instance serves, and keeps no sys_properties record of it', () => {
    expect(gs.getProperty('glide.servlet.uri')).toBe(`${url}/`)
    expect(propertyRecord(instance.runtime.store, 'glide.servlet.uri')).toBeUndefined()
})

it('answers a record an admin created instead', () => {
    instance.runtime.store.insert('sys_properties', { name: 'glide.servlet.uri', value: 'https://contoso.service-now.com/', type: 'string' }, 'admin')
    expect(gs.getProperty('glide.servlet.uri')).toBe('https://contoso.service-now.com/')
})
