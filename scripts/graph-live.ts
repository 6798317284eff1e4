/**
 * `npm run test:live:graph`: reads a real tenant's Secure Score through the bridge's own Graph port
 * (createTokenSource + createSecureScoreClient, as the bridge builds them) and prints what it found, to check an
 * app registration and the port against Microsoft Graph itself.
 *
 *   GRAPH_LIVE_TENANT_ID, GRAPH_LIVE_CLIENT_ID, and GRAPH_LIVE_CLIENT_SECRET or GRAPH_LIVE_CERTIFICATE_PATH
 *   GRAPH_AUTHORITY_HOST, GRAPH_BASE_URL, GRAPH_CA_FILE   optional, as for the bridge (bridge/config.ts)
 *   GRAPH_LIVE_WRITE_CONTROL=<control id>                  also writes one state update (Reviewed) to that control
 *                                                          and then writes its previous state back
 *
 * Without credentials it says what to set and exits 0, so it can sit in a pipeline that has no tenant. Exit 2:
 * the settings are wrong; 1: Graph refused or failed. Never prints a secret or a token: errors from Graph carry
 * neither, and anything printed has the secret masked as a second guard.
 */
import type { SecureScoreControlStateUpdate } from '@microsoft/microsoft-graph-types'
import { readGraphAccess, type GraphAccessNames } from '../bridge/config.ts'
import { READ_WRITE_PERMISSION, readSecureScore } from '../bridge/domain/refresh.ts'
import { currentState, isDeviceControl } from '../bridge/ports/graph/control-state.ts'
import { createGraphPorts } from '../bridge/ports/graph/graph-ports.ts'
import { CONTROL_STATES, type ControlState, type SecureScoreClient } from '../bridge/ports/graph/secure-score-client.ts'

const NAMES: GraphAccessNames = {
    tenantId: 'GRAPH_LIVE_TENANT_ID',
    clientId: 'GRAPH_LIVE_CLIENT_ID',
    clientSecret: 'GRAPH_LIVE_CLIENT_SECRET',
    certificatePath: 'GRAPH_LIVE_CERTIFICATE_PATH',
}
const WRITE_CONTROL = 'GRAPH_LIVE_WRITE_CONTROL'
const TEST_COMMENT = 'Microsoft 365 Ticketing Connector live test'

const USAGE = `npm run test:live:graph reads a tenant's Secure Score through the bridge's Graph port. Set:
  GRAPH_LIVE_TENANT_ID         the tenant id (GUID)
  GRAPH_LIVE_CLIENT_ID         the app registration's application (client) id, with SecurityEvents.Read.All
                               (or SecurityEvents.ReadWrite.All) granted by admin consent
  GRAPH_LIVE_CLIENT_SECRET     a client secret of that app, or
  GRAPH_LIVE_CERTIFICATE_PATH  a PEM file with its certificate and unencrypted private key
optional:
  GRAPH_AUTHORITY_HOST, GRAPH_BASE_URL, GRAPH_CA_FILE   as for the bridge (docs/bridge-deployment.md)
  GRAPH_LIVE_WRITE_CONTROL     a control id (not a Device control, scid_…): writes state Reviewed with the comment
                               "${TEST_COMMENT}", then restores its previous state;
                               needs SecurityEvents.ReadWrite.All`

const secret = process.env[NAMES.clientSecret]?.trim()
function print(line: string): void {
    console.log(secret ? line.split(secret).join('[secret]') : line)
}
function fail(line: string): void {
    console.error(secret ? line.split(secret).join('[secret]') : line)
}

async function main(): Promise<number> {
    const env = process.env
    if (Object.values(NAMES).every((name) => !env[name]?.trim())) {
        print(USAGE)
        print('No GRAPH_LIVE_* credentials are set: nothing was run.')
        return 0
    }
    const read = readGraphAccess(env, NAMES)
    const writeControl = env[WRITE_CONTROL]?.trim() || undefined
    const problems = 'errors' in read ? [...read.errors] : []
    if (writeControl !== undefined && isDeviceControl(writeControl)) {
        problems.push(`${WRITE_CONTROL}=${writeControl} is a Device control: Graph cannot set its state (Defender Vulnerability Management does); pick another control`)
    }
    if ('errors' in read || problems.length > 0) {
        problems.forEach(fail)
        fail('Run without GRAPH_LIVE_* to see what to set.')
        return 2
    }
    const { access } = read
    const { tokens, graph } = createGraphPorts(access)
    const tenantId = access.tenantId
    print(`Tenant  ${tenantId}`)
    print(`Entra  ${access.authorityHost}   Graph  ${access.graphBaseUrl}   credential  ${access.credential.certificate ? 'certificate ' + access.credential.certificate.thumbprintSha256 : 'client secret'}`)

    // The calls a refresh makes, as it makes them (bridge/domain/refresh.ts).
    const { roles, profiles: list, scores } = await readSecureScore(graph, tokens, tenantId)
    print(`Granted roles  ${roles === null ? '(unknown: the access token is not a readable JWT)' : roles.length > 0 ? roles.join(', ') : '(none: grant SecurityEvents.Read.All and give admin consent)'}`)
    const byCategory = new Map<string, number>()
    for (const profile of list.profiles) {
        const category = profile.controlCategory ?? '(no category)'
        byCategory.set(category, (byCategory.get(category) ?? 0) + 1)
    }
    print(`Control profiles  ${list.profiles.length}`)
    for (const [category, count] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) print(`  ${category}  ${count}`)
    print(`Deprecated  ${list.profiles.filter((profile) => profile.deprecated === true).length}`)
    print(`Device controls (state not settable through Graph)  ${list.profiles.filter((profile) => profile.id && isDeviceControl(profile.id)).length}`)
    const newest = scores.scores[0]
    print(newest ? `Newest score  ${newest.currentScore ?? '?'} of ${newest.maxScore ?? '?'} (${newest.createdDateTime ?? 'no date'}), ${newest.controlScores?.length ?? 0} control scores` : 'Newest score  none (Graph returned no secureScores)')
    print(`Score history  ${scores.scores.length} days`)
    if (list.partial) print(`Partial: the control profiles answer was 206 (${list.warning ?? 'no Warning header'}); some provider's controls may be missing`)
    if (scores.partial) print(`Partial: the secureScores answer was 206 (${scores.warning ?? 'no Warning header'})`)

    if (writeControl !== undefined) return writeAndRestore(graph, tenantId, writeControl, roles)
    return 0
}

/** One state update to `controlId` and then its previous state back, each printed. */
async function writeAndRestore(graph: SecureScoreClient, tenantId: string, controlId: string, roles: string[] | null): Promise<number> {
    if (roles !== null && !roles.includes(READ_WRITE_PERMISSION)) {
        fail(`Not writing to ${controlId}: the app has no ${READ_WRITE_PERMISSION} (granted: ${roles.join(', ') || 'none'})`)
        return 1
    }
    const before = currentState(await graph.getControlProfile(tenantId, controlId))
    const previousState = before?.state ?? 'Default'
    // Refused before writing: a state Graph will not take back could not be restored.
    if (!CONTROL_STATES.has(previousState)) {
        fail(`Not writing to ${controlId}: its current state ${JSON.stringify(previousState)} cannot be written back through Graph`)
        return 1
    }
    print(`Before  ${controlId}  ${describe(before)}`)
    await graph.updateControlState(tenantId, controlId, { state: 'Reviewed', comment: TEST_COMMENT })
    print(`Written  ${controlId}  ${describe(currentState(await graph.getControlProfile(tenantId, controlId)))}`)
    // Fields left out of a PATCH keep their value, so the restore names all three, empty where the entry had none.
    const restore = { state: previousState as ControlState, comment: before?.comment ?? '', assignedTo: before?.assignedTo ?? '' }
    try {
        await graph.updateControlState(tenantId, controlId, restore)
    } catch (error) {
        fail(`The test update stays on ${controlId}: restoring failed. Set it back by hand to state ${restore.state}, comment ${JSON.stringify(restore.comment)}, assigned to ${JSON.stringify(restore.assignedTo)}.`)
        throw error
    }
    print(`Restored  ${controlId}  ${describe(currentState(await graph.getControlProfile(tenantId, controlId)))}`)
    return 0
}

function describe(update: SecureScoreControlStateUpdate | null): string {
    if (update === null) return 'state Default (no history)'
    return `state ${update.state ?? '?'}, comment ${JSON.stringify(update.comment ?? '')}, assigned to ${JSON.stringify(update.assignedTo ?? '')}, by ${update.updatedBy ?? '?'} at ${update.updatedDateTime ?? '?'}`
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        fail(`Failed: ${error instanceof Error ? error.message : String(error)}`)
        process.exit(1)
    },
)
