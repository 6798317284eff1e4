// Where the app's APIs and the platform's Table API live on an instance, and the store query that selects every
// row: defined once for every test and harness (the benchmarks keep their own, bench/lib/instance.ts).
import type { Query } from '../../emulator/instance/store/query.ts'

export const CONNECTOR_API = '/api/x_mioms_m365ticket/v1/connector'
/** The connector API without its version: the default version, as clients that name none reach it. */
export const CONNECTOR_API_DEFAULT = '/api/x_mioms_m365ticket/connector'
export const SETUP_API = '/api/x_mioms_m365ticket/v1/setup'
export const TABLE_API = '/api/now/table'

/** A store query without conditions or order: every row of a table. A new object each time (queries are not shared). */
export const everyRow = (): Query => ({ blocks: [], orderBy: [] })
