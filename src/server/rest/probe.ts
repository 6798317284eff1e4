import { gs } from '@servicenow/glide'
import { RESTAPIRequest, RESTAPIResponse } from '@servicenow/glide/sn_ws_int'
import { helper } from './helper.ts'

export function probe(request: RESTAPIRequest, response: RESTAPIResponse): void {
    gs.info('probe')
    response.setBody({ ok: helper(request.queryParams.x) } as any)
}
