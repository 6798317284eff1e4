/**
 * sn_ws_int: the Scripted REST request and response objects (implemented in ../rest.ts).
 */
export { RESTAPIRequest, RESTAPIRequestBody, RESTAPIResponse } from '../rest.ts'
