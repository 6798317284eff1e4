/**
 * `node --import tsx emulator/graph/start.ts --port 0 --data DIR`: prints where it listens, the CA, the demo tenants,
 * the app's credentials and the people with their roles, and ends promptly on SIGTERM even with a keep-alive
 * connection open.
 */
import { spawn } from 'node:child_process'
import { Agent, request } from 'node:https'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDataDir } from './support.ts'

test('prints where it listens, the tenants, the app and the people, answers, and exits on SIGTERM with a keep-alive connection open', async () => {
    const dataDir = tempDataDir()
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../../../emulator/graph/start.ts'), '--port', '0', '--data', dataDir, '--quiet'])
    let out = ''
    await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString()
            if (out.includes('Sign-in  ')) resolve()
        })
        child.on('exit', () => reject(new Error('exited early: ' + out)))
    })
    const lines = out.trim().split('\n')
    expect(lines[0]).toMatch(/^Graph {2}https:\/\/127\.0\.0\.1:\d+$/)
    expect(lines[1]).toBe(`Graph CA  ${join(dataDir, 'graph-ca.pem')}`)
    expect(lines[2]).toBe('Tenant  72f988bf-86f1-41af-91ab-2d7cd011db47 (Contoso), app consented')
    expect(lines[3]).toBe('Tenant  b6c5a4e3-1f2d-4c3b-8a79-0e1f2a3b4c5d (Fabrikam), app not consented yet (admin consent)')
    expect(lines[4]).toMatch(/^Client id {2}[0-9a-f-]{36}$/)
    expect(lines[5]).toMatch(/^Client secret {2}\S+$/)
    expect(lines.slice(6, 14)).toEqual([
        'Person  megan.bowen@contoso.onmicrosoft.com (Contoso): Global Administrator',
        'Person  adele.vance@contoso.onmicrosoft.com (Contoso): Security Administrator',
        'Person  alex.wilber@contoso.onmicrosoft.com (Contoso): Security Reader',
        'Person  lynne.robbins@contoso.onmicrosoft.com (Contoso): no Entra role',
        'Person  patti.fernandez@fabrikam.onmicrosoft.com (Fabrikam): Global Administrator',
        'Person  isaiah.langer@fabrikam.onmicrosoft.com (Fabrikam): Security Administrator',
        'Person  johanna.lorenz@fabrikam.onmicrosoft.com (Fabrikam): Security Reader',
        'Person  nestor.wilke@fabrikam.onmicrosoft.com (Fabrikam): no Entra role',
    ])
    expect(lines[14]).toBe('Sign-in  no passwords: pick the person on the sign-in page')

    const url = lines[0].split('  ')[1]
    const agent = new Agent({ keepAlive: true, ca: readFileSync(join(dataDir, 'graph-ca.pem')) })
    const status = await new Promise<number>((resolve, reject) => {
        request(`${url}/72f988bf-86f1-41af-91ab-2d7cd011db47/discovery/v2.0/keys`, { agent }, (res) => {
            res.resume()
            res.on('end', () => resolve(res.statusCode ?? 0))
        }).on('error', reject).end()
    })
    expect(status).toBe(200)
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    agent.destroy()
})
