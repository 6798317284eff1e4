/**
 * The platform's messages, in one catalogue: every text the local instance shows where ServiceNow would
 * show its own, each with the source it is copied from (as Azurite's StorageErrorFactory keeps the Azure
 * error codes in one place). Code elsewhere imports from here and never spells a platform message itself.
 *
 *   notEmulated(what)        throws NotEmulated: 'not emulated by the local instance: <what>'
 *   NotEmulated              the error class (instanceof-checkable, e.g. by the HTTP layer → 501)
 *   <AREA>_MESSAGES          the messages of one area, each `{ text | (args) => text, source }`
 *
 * Sections are per area of the instance (queries, REST, Table API, OAuth, scripts, caches); add a message
 * in its area's section, with its source.
 */

/** Where a message is documented: a doc page, a KB, the SDK's docs, or "observed on an instance" with the release. */
export type Source = string

export interface Message {
    text: string
    source: Source
}

/** A platform feature the local instance does not emulate: it refuses instead of inventing a behaviour. */
export class NotEmulated extends Error {
    constructor(readonly what: string) {
        super(`not emulated by the local instance: ${what}`)
        this.name = 'NotEmulated'
    }
}

export function notEmulated(what: string): never {
    throw new NotEmulated(what)
}

// --- schema (the dictionary, as the loader installs the built app) ---

export const SCHEMA_MESSAGES = {
    columnRedefined: {
        text: (table: string, column: string, parent: string) =>
            `Table ${table} defines column ${column}, which its parent ${parent} already defines: a child table cannot redefine a parent's column (change the inherited column with a dictionary override, sys_dictionary_override, or give the new column another name)`,
        source: 'local choice of wording: "Table extension and classes" (child tables inherit the parent\'s fields) and "Dictionary overrides" (a child changes an inherited field only through an override); the docs show no message',
    },
} as const

// --- REST envelope (REST API reference, "REST API response codes" / error envelope) ---

export const REST_MESSAGES = {
    notAuthenticated: { text: 'User Not Authenticated', detail: 'Required to provide Auth information', source: 'REST API reference: 401 response body of any REST API' },
    notAuthorized: { text: 'User Not Authorized', source: 'REST API reference: 403 response body when an ACL refuses the REST endpoint' },
    noResource: { text: 'Requested URI does not represent any resource', source: 'REST API reference: 400 for an unknown scripted REST URI' },
} as const

// --- queries (GlideRecord scoped API; KB0715430) ---

export const QUERY_MESSAGES = {
    invalidQuery: {
        text: (problems: string[]) => `Invalid query detected, please check logs for details [${problems.join(', ')}]`,
        source: 'GlideRecord scoped API (c_GlideRecordScopedAPI): the invalid part is dropped and the query runs; wording as instances log it (observed, e.g. blog.sasach.work/?p=418)',
    },
    unknownField: { text: (field: string, table: string) => `Unknown field ${field} in table ${table}`, source: 'as instances log an invalid query (observed)' },
    strictInvalidQuery: {
        text: (table: string, problems: string[], query: string) => `Invalid query on ${table}: ${problems.join(', ')} (query: ${query}); LOCAL_INSTANCE_STRICT refuses what the platform would drop`,
        source: 'local choice: the strict switch (fidelity.ts)',
    },
    uniqueViolation: {
        text: (entry: string, key: string) => `Unique Key violation detected by database (Duplicate entry '${entry}' for key '${key}')`,
        source: 'as instances log a unique index violation on insert/update (observed; GlideRecord.getLastErrorMessage)',
    },
} as const

// --- Table API (REST API reference, Table API) ---

export const TABLE_API_MESSAGES = {
    invalidTable: { text: (table: string) => `Invalid table ${table}`, source: 'Observed on instances: 400 body of GET /api/now/table/<unknown table>' },
    noRecord: { text: 'No Record found', detail: "Record doesn't exist or ACL restricts the record retrieval", source: 'REST API reference, Table API: 404 of GET/PUT/PATCH/DELETE /now/table/{tableName}/{sys_id}' },
    operationFailed: { text: 'Operation Failed', source: 'REST API reference, Table API: 403 body when an ACL refuses the write' },
    aclInsert: { text: 'ACL Exception Insert Failed due to security constraints', source: 'Observed on instances: detail of the 403 of POST /api/now/table/<table>' },
    aclUpdate: { text: 'ACL Exception Update Failed due to security constraints', source: 'Observed on instances: detail of the 403 of PUT/PATCH' },
    aclDelete: { text: 'ACL Exception Delete Failed due to security constraints', source: 'Observed on instances: detail of the 403 of DELETE' },
    noRecordsMatching: {
        detail: 'Records matching query not found. Check query parameter or offset parameter',
        source: 'REST API reference, Table API (GET /now/table/{tableName}: "Version 1 returns error code 404 with no results"); the detail as instances send it (community thread "404 Error in case of REST API not returning any data", 2024)',
    },
    unsupportedContentType: {
        text: 'Invalid content-type. Supported request media types for this service are: [application/json, application/xml, text/xml]',
        source: 'as instances send it for a POST to /api/now/table with another Content-Type (quoted in janus-idp/backstage-plugins issue 2011 and public RestAssured exercises); the status 415: "REST API HTTP response codes" ("The endpoint does not support the format of the request body")',
    },
    abortedByBusinessRule: {
        text: (table: string) => `Operation against file '${table}' was aborted by a business rule`,
        source: "local choice for the detail: instances name the rule ('Operation against file <table> was aborted by Business Rule <name>^<sys_id>. Business Rule Stack:<name>', community thread \"How to show error message on Table API\"); message Operation Failed and status 403 as documented (\"REST API HTTP response codes\": 403 \"can also be caused by … business rule or data policy constraints\")",
    },
    badPayload: { text: 'Exception while reading request', detail: 'The payload is not valid JSON', source: 'Observed on instances: 400 of a POST/PUT/PATCH whose body is not JSON' },
    wsAccessDenied: { text: (table: string) => `Web service access to table ${table} is not allowed (sys_db_object.ws_access)`, source: 'Table properties: "Allow access to this table via web services" (sys_db_object.ws_access); local wording of the detail' },
    methodNotAllowed: { text: 'Method not Supported', source: 'REST API reference: 405 of a method a resource does not define' },
    notAcceptable: { text: 'Requested response format is not supported', source: 'local choice: REST API reference, Table API lists application/json and application/xml as the Accept types; the text of the 406 is not documented' },
} as const

/** The HTTP edge of the instance (every route): request limits and client errors. */
export const HTTP_MESSAGES = {
    tooLarge: {
        text: 'Request Entity Too Large',
        detail: (limitMb: number) => `The request body is larger than ${limitMb} MB`,
        source: 'local choice for the status and text; the limit is the documented maximum of glide.rest.max_content_length (25 MB), "Controlling maximum request size", REST API reference',
    },
    clientError: { source: 'local choice: the status line\'s reason phrase (RFC 9110) as the message, nothing about the parser' },
} as const

// --- Scripted REST (Scripted REST API docs: request and response formats) ---

export const SCRIPTED_REST_MESSAGES = {
    unsupportedMediaType: {
        text: 'Unsupported media type',
        detail: 'The endpoint does not support the format of the request body.',
        source: 'REST API HTTP response codes (415: message and details); that they fill the error envelope is local choice',
    },
    notAcceptable: {
        text: 'Not acceptable',
        detail: 'The endpoint does not support the response format specified in the request Accept header.',
        source: 'REST API HTTP response codes (406: message and details); that they fill the error envelope is local choice',
    },
    notInternal: {
        text: (user: string) => `The resource requires the snc_internal role, which the user '${user}' does not have`,
        source: 'local choice for the detail (message: REST_MESSAGES.notAuthorized); Explicit Roles: external users cannot access scripted REST resources that are not marked external',
    },
    readFailed: { text: 'Exception while reading request', source: 'local choice: the docs give the 400 of an over-limit body ("Controlling maximum request size"), not its text' },
    emptyJson: { text: 'Empty JSON content', source: 'local choice: detail of the 400 when data reads an empty body' },
    invalidJson: { text: 'The payload is not valid JSON', source: 'local choice: detail of the 400 when data reads a body that is not JSON' },
    tooLarge: {
        text: (limit: number) => `The request body is larger than ${limit} bytes (glide.rest.max_content_length)`,
        source: 'local choice for the text; the 400 and the properties: "Controlling maximum request size"',
    },
    notJsonOrXml: {
        text: 'Use dataStream to read a request body that is not JSON or XML',
        source: 'local choice for the text; the 500: "Control request and response content type"',
    },
} as const

/** Security (ACLs, cross-scope table policy), kept beside Scripted REST, whose 403s they explain. */
export const SECURITY_MESSAGES = {
    crossScopeRefused: {
        text: (verb: 'Read' | 'Create' | 'Write' | 'Delete', table: string, scope: string) => `${verb} operation against '${table}' from scope '${scope}' has been refused due to the table's cross-scope access policy`,
        source: "as instances log and throw it (observed; e.g. community thread \"Delete operation against 'sys_user_has_role' from scope … has been refused due to the table's cross-scope access policy\")",
    },
    callerRestricted: {
        text: (verb: 'Read' | 'Create' | 'Write' | 'Delete', table: string, scope: string, status: string) =>
            `Security restricted: ${verb} operation against '${table}' from scope '${scope}' is restricted by the table's Caller Restriction: its restricted caller access record (sys_restricted_caller_access) is ${status || 'not set'}, not allowed`,
        source: 'local choice of wording: KB1641480 "How to troubleshoot cross scope security restricted access denied errors" (a "Security restricted" message is thrown; the full text is not in the stored excerpt); "Define cross-scope access to an application resource" (the system denies access and records the request as Requested)',
    },
    restAclRefused: {
        text: (user: string, acls: string) => `The user '${user}' satisfies none of the ACLs of this resource (${acls})`,
        source: 'local choice for the detail of the 403 (message: REST_MESSAGES.notAuthorized)',
    },
    setWorkflowRefused: {
        text: (scope: string) => `Access to api 'setWorkflow' from scope '${scope}' has been refused due to the api's cross-scope access policy`,
        source: "KB0820691 (setWorkflow() is refused to a script whose scope is not the scope of the record's table; the KB's text is not in the stored corpus); the wording and the exception as instances log and throw it (observed: community thread \"Using setWorkflow in scoped application\", 2015: \"newRecord.setWorkflow(false); // this triggers exception\")",
    },
} as const

// --- OAuth (Configure Application Registry; OAuth API request parameters) ---

const LOCAL_OAUTH = 'local choice: the docs name no text; error code per RFC 6749 §5.2'

export const OAUTH_MESSAGES = {
    tokenRequestDenied: {
        status: 401,
        error: 'server_error',
        description: 'access_denied',
        source: 'observed on instances: /oauth_token.do answers 401 {"error_description":"access_denied","error":"server_error"} to wrong client or user credentials (demisto/content-docs#1301, KB0783632)',
    },
    loginFailed: { text: 'User name or password invalid', source: 'the login page (login.do) of any instance, for a wrong user name or password' },
    unknownClient: { text: 'Invalid client_id: no active OAuth application is registered with this client ID.', source: 'local choice: the docs do not show the page' },
    noRedirectUrl: { text: (client: string) => `The OAuth application ${client} has no redirect URL.`, source: 'local choice: Configure Application Registry only covers clients with redirect URLs' },
    redirectMismatch: { text: 'Invalid redirect_uri: it does not match a redirect URL registered for this OAuth application.', source: 'KB2109232 "Invalid redirect_URI error" (the error a mismatched redirect_uri gets); the wording: local choice' },
    missingState: { text: 'Missing State parameter in request', source: '"Authorization code grant workflow" (glide.oauth.state.parameter.required): the error displayed' },
    consentFormExpired: { text: 'The authorization form has expired or did not come from this instance. Start the connection again.', source: 'local choice' },
    unsupportedGrant: { text: (grant: string) => (grant ? `Unsupported grant_type: ${grant}` : 'grant_type is required'), source: LOCAL_OAUTH },
    missingParameter: { text: (name: string) => `${name} is required`, source: LOCAL_OAUTH },
    invalidCode: { text: 'The authorization code is invalid, expired or already used', source: LOCAL_OAUTH },
    invalidRefreshToken: { text: 'The refresh token is invalid, expired or revoked', source: LOCAL_OAUTH },
    userCannotSignIn: { text: 'The user is locked out or inactive', source: LOCAL_OAUTH },
} as const

// --- scripts and modules (SDK module guide; JavaScript compatibility guide) ---
// A module naming a script global it did not import fails with the engine's own ReferenceError ('<name> is not
// defined', as the module guide quotes the instance); refusals of syntax and of Node modules are the local
// instance's own texts (scripts/sandbox.ts).

export const SCRIPT_MESSAGES = {
    evalNotAllowed: {
        text: 'eval() not allowed in a custom application, use GlideScopedEvaluator instead',
        source: 'the instance\'s java.lang.SecurityException in a custom application, as quoted in "What is GlideScopedEvaluator?" (davidmac.pro, 2021)',
    },
} as const

// --- scoped caches (ScopedCacheManager scoped API) ---
// None: the documentation gives no error text for ScopedCacheManager; what it does not describe is refused
// through notEmulated() (glide/namespaces/sn_scoped_cache.ts).

// --- ATF (Automated Test Framework: "REST category", "Server category", "Run Server Side Script") ---
// The docs say when a step passes or fails, not what it writes to the step result: every text below is the
// local instance's own wording of the documented condition.

const LOCAL_ATF = 'local wording; the condition is documented, the step result text is not'

export const ATF_MESSAGES = {
    notEmulatedStep: { text: (name: string) => `ATF step ${name}`, source: 'local choice: what notEmulated() names for a step type the local instance does not run' },
    scriptReturnedFalse: { text: 'The script returned false', source: 'Run Server Side Script (step template): "Return false from the main function body to fail the step"' },
    assertionFailed: {
        text: (name: string, shouldbe: string, value: string) => `Assertion failed: ${name}: should be ${shouldbe}, was ${value}`,
        source: `SDK atf-guide ("assertEqual(assertion) — Compare assertion.shouldbe vs assertion.value"); ${LOCAL_ATF}`,
    },
    scriptError: { text: (message: string) => `The script threw: ${message}`, source: LOCAL_ATF },
    unresolvedOutput: {
        text: (reference: string) => `The input ${reference} names an output of a step that has not run in this test, or that the step did not set`,
        source: `"Passing data between steps" (outputs of earlier steps); ${LOCAL_ATF}`,
    },
    noResponse: {
        text: 'REST assert steps must immediately follow a Send REST Request - Inbound step',
        source: 'REST category: "Assert steps must immediately follow a Send REST Request - Inbound step … cannot be separated … by steps from other test categories"',
    },
    absolutePath: {
        text: (path: string) => `The path must be the part of the URI after the instance name, not ${path}`,
        source: 'REST category, Send REST Request - Inbound, Path: "If you use https://<instance name>, you get an error"',
    },
    requestFailed: { text: (reason: string) => `The request could not be sent: ${reason}`, source: 'REST category: "The step fails if … the request could not be sent"' },
    comparisonFailed: {
        text: (what: string, operation: string, expected: string, actual: string) => `${what} ${actual === '' ? '(empty)' : JSON.stringify(actual)} does not satisfy: ${operation} ${JSON.stringify(expected)}`,
        source: LOCAL_ATF,
    },
    elementMissing: { text: (path: string) => `The response has no element ${path}`, source: LOCAL_ATF },
    invalidJson: { text: (reason: string) => `The response payload is not valid JSON: ${reason}`, source: 'REST category, Assert Response JSON Payload is Valid' },
    noRecordMatches: { text: (table: string, query: string) => `No record of ${table} matches ${query}`, source: 'Server category, Record Query (assert type records_match_query)' },
    recordMatches: { text: (table: string, query: string) => `A record of ${table} matches ${query}`, source: 'Server category, Record Query (assert type no_records_match_query)' },
    notInserted: { text: (table: string, error: string) => `The record was not inserted into ${table}${error ? ': ' + error : ''}`, source: 'Server category, Record Insert (assert type record_successfully_inserted)' },
    inserted: { text: (table: string) => `A record was inserted into ${table}`, source: 'Server category, Record Insert (assert type record_not_inserted)' },
    skipped: { text: 'Skipped: an earlier step failed', source: 'local choice: a test stops at its first failing step; later steps are listed as skipped' },
} as const

/** The platform's texts on the instance UI (navigator, lists, forms, UI pages). */
export const UI_MESSAGES = {
    securityConstraints: {
        text: 'Security constraints prevent access to requested page',
        source: 'as instances show it when ACLs refuse a list, form or page (KB0722359, KB0685507)',
    },
    rowsRemoved: {
        text: (count: number) => `Number of rows removed from this list by Security constraints: ${count}`,
        source: 'as instances show it under a list whose rows read ACLs hid (KB0523826, KB0859355); security applies per page, after the query (KB0718678)',
    },
    recordNotFound: { text: 'Record not found', source: 'as instances show a form whose sys_id matches no readable record (observed)' },
    invalidToken: {
        text: 'The form has expired or did not come from this instance. Open it again.',
        source: 'local choice: the platform refuses a form post without the session token (sysparm_ck); the docs name no text',
    },
    invalidReference: {
        text: (label: string, display: string) => `Invalid reference: no record matches "${display}" for ${label}`,
        source: 'local choice of wording: the platform marks an unmatched reference on the form before it is posted (the form is not submitted); the docs name no server text',
    },
    mandatoryNotFilled: {
        text: (labels: string[]) => `The following mandatory fields are not filled in: ${labels.join(', ')}`,
        source: 'as the platform\'s form shows it when a mandatory field is empty on submit (observed: a public Selenium test of an incident\'s Resolve on a developer instance expects "The following mandatory fields are not filled in: Resolution code, Resolution notes")',
    },
    mandatoryWhen: {
        text: (state: string) => `Mandatory when State is ${state}`,
        source: 'local choice: the text under a field the form refused as empty (the platform marks the field)',
    },
    recordUpdated: {
        text: 'Record updated',
        source: 'local choice of wording (issue 21: the form said nothing after Update); no platform text found in the corpus',
    },
    noRecords: { text: 'No records to display', source: 'as instances show an empty list (observed)' },
} as const
