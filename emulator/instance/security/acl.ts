/**
 * Access control of the local instance: record ACLs (sys_security_acl type "record" with their roles in
 * sys_security_acl_role) and REST_Endpoint ACLs, evaluated as the platform evaluates role-only ACLs.
 *
 *   createAclHook(store) → AclHook       plug in with runtime.setAcl(...); GlideRecordSecure and can*() use it
 *   canAccessTable(store, op, table, user)
 *       system (null user) passes; otherwise the most specific table of the hierarchy (the table, its
 *       parents, then '*') that has active record ACLs for the operation decides. A table with no ACL
 *       anywhere in its hierarchy falls back to the baseline defaults below, else to the default deny
 *       property (glide.sm.default_mode = deny): only admin passes.
 *   canReadField(store, table, field, user)   field ACLs (table.field … *.*, fieldAclDecision); none → true
 *   fieldAclDecision(store, table, field, operation, user) → true / false, or null when no field ACL applies
 *   restEndpointDecision(store, aclIds, user) → null when allowed, else the detail of the 403: the user
 *       must satisfy at least one of the listed ACLs ("Configure a scripted REST API to require an ACL")
 *   canReadUiPage(store, scopedPageName, user)   ui_page read ACLs of the page, else of '*'; none → true
 *
 * One ACL passes when the user holds any of its roles (with the Explicit Roles plugin an ACL without roles
 * requires snc_internal); admin passes every role check ("Create an ACL rule": "administrators always pass role
 * checks"), and with the ACL's admin_overrides (its dictionary default, sys_security_acl.now.ts) passes the ACL
 * whatever its condition or script. An ACL requiring the nobody role is passed by no one, admin included.
 * Deny-Unless ACLs are evaluated first: failing one denies; passing them all with no Allow-If ACL allows
 * ("Deny-Unless ACL"). Conditions and scripts are not evaluated by the local instance: when an ACL with
 * one would decide an access, the instance refuses with "not emulated" instead of deciding by roles alone.
 *
 * Baseline defaults (local choice, see FIDELITY.md): itil reads, writes and creates task records; every
 * user reads sys_user and sys_choice. They stand in for out-of-box ACLs, with the admin override.
 */
import { notEmulated, SECURITY_MESSAGES } from '../messages.ts'
import type { AclHook, AclOperation, SessionUser } from './subjects.ts'
import { aclRoleRows, aclsNamedAny } from '../store/lookups.ts'
import type { Store } from '../store/store.ts'
import { aclRequiredRoles, isElevatedRole, NOBODY_ROLE, passesRoles, sessionRoles } from './roles.ts'
import { isTrue } from '../util/booleans.ts'

interface AclRecord {
    name: string
    decisionType: 'allow' | 'deny'
    adminOverrides: boolean
    /** A condition or a script the local instance cannot evaluate. */
    unevaluable: boolean
    roles: string[]
}

type AclRow = { sys_id: string; name: string; admin_overrides: string | null; decision_type: string | null; condition: string | null; script: string | null; advanced: string | null }

const BASELINE_DEFAULTS: Record<string, Partial<Record<AclOperation, string[]>>> = {
    task: { read: ['itil'], write: ['itil'], create: ['itil'] },
    sys_user: { read: [] },
    sys_choice: { read: [] },
}


function filled(v: string | null | undefined): boolean {
    return (v ?? '').trim() !== ''
}

function toAcl(store: Store, row: AclRow): AclRecord {
    return {
        name: row.name,
        decisionType: row.decision_type === 'deny' ? 'deny' : 'allow',
        // An unset admin_overrides is the dictionary default (true).
        adminOverrides: row.admin_overrides === null || row.admin_overrides === '' || isTrue(row.admin_overrides),
        unevaluable: filled(row.condition) || filled(row.script),
        roles: aclRoles(store, row.sys_id),
    }
}

function aclsNamed(store: Store, type: string, names: string[], operation: string): AclRecord[] {
    const rows = aclsNamedAny(store, names, operation) as (AclRow & { active: string | null; type: string })[]
    return rows.filter((r) => r.type?.toLowerCase() === type.toLowerCase() && r.active !== 'false' && r.active !== '0').map((r) => toAcl(store, r))
}

/** An ACL's role names; a role record the instance lacks still counts, as a role no user can hold. */
export function aclRoles(store: Store, aclSysId: string): string[] {
    return aclRoleRows(store, aclSysId)
        .filter((r) => !!r.role)
        .map((r) => r.name ?? `(missing role ${r.role})`)
}

/** true / false, or null when the ACL's condition or script would decide. */
function evaluate(store: Store, acl: AclRecord, held: Set<string>): boolean | null {
    // Admin overrides lets admin past the whole ACL, conditions and scripts included, unless it requires nobody.
    if (acl.adminOverrides && held.has('admin') && !acl.roles.includes(NOBODY_ROLE)) return true
    if (!passesRoles(held, aclRequiredRoles(acl.roles), (role) => isElevatedRole(store, role))) return false
    return acl.unevaluable ? null : true
}

function undecidable(acls: AclRecord[]): never {
    return notEmulated(`ACL condition/script on ${[...new Set(acls.map((a) => a.name))].join(', ')}`)
}

/** Deny-Unless first (failing one denies), then any Allow-If passing allows. */
function decide(store: Store, acls: AclRecord[], held: Set<string>): boolean {
    const deny = acls.filter((a) => a.decisionType === 'deny').map((a) => ({ acl: a, result: evaluate(store, a, held) }))
    if (deny.some((d) => d.result === false)) return false
    const denyOpen = deny.filter((d) => d.result === null)
    if (denyOpen.length) undecidable(denyOpen.map((d) => d.acl))
    const allow = acls.filter((a) => a.decisionType === 'allow').map((a) => ({ acl: a, result: evaluate(store, a, held) }))
    if (allow.length === 0) return true
    if (allow.some((a) => a.result === true)) return true
    const allowOpen = allow.filter((a) => a.result === null)
    if (allowOpen.length) undecidable(allowOpen.map((a) => a.acl))
    return false
}

function baselineAcl(name: string, roles: string[]): AclRecord {
    return { name, decisionType: 'allow', adminOverrides: true, unevaluable: false, roles }
}

export function canAccessTable(store: Store, operation: AclOperation, table: string, user: SessionUser | null): boolean {
    if (!user) return true
    const held = sessionRoles(store, user.sysId)
    const hierarchy = store.hasTable(table) ? store.ancestors(table) : [table]
    for (const name of [...hierarchy, '*']) {
        const acls = aclsNamed(store, 'record', [name, `${name}.None`], operation)
        if (acls.length) return decide(store, acls, held)
    }
    for (const name of hierarchy) {
        const roles = BASELINE_DEFAULTS[name]?.[operation]
        if (roles) return decide(store, [baselineAcl(name, roles)], held)
    }
    return held.has('admin')
}

/**
 * The decision of the field ACLs for an operation (read, write, query_match, query_range …), walked in the
 * documented order ("ACL rule types", Field ACL rules): table.field, parent.field, *.field, table.*,
 * parent.*, *.*; the first name with active ACLs decides; null when none has one.
 */
export function fieldAclDecision(store: Store, table: string, field: string, operation: string, user: SessionUser): boolean | null {
    const held = sessionRoles(store, user.sysId)
    const tables = [...(store.hasTable(table) ? store.ancestors(table) : [table]), '*']
    for (const fieldName of [field, '*']) {
        for (const name of tables) {
            const acls = aclsNamed(store, 'record', [`${name}.${fieldName}`], operation)
            if (acls.length) return decide(store, acls, held)
        }
    }
    return null
}

export function canReadField(store: Store, table: string, field: string, user: SessionUser | null): boolean {
    return !user || (fieldAclDecision(store, table, field, 'read', user) ?? true)
}

/** REST_Endpoint ACLs (sys_ids from sys_ws_operation / sys_ws_definition enforce_acl): null when allowed. */
export function restEndpointDecision(store: Store, aclIds: string[], user: SessionUser): string | null {
    const acls: AclRecord[] = []
    for (const id of aclIds) {
        const row = store.getRow('sys_security_acl', id) as (AclRow & { active: string | null }) | undefined
        if (row && row.active !== 'false' && row.active !== '0') acls.push(toAcl(store, row))
    }
    // The security matrix of "Scripted REST APIs" does not say what an ACL-authorized resource with no ACL does.
    if (acls.length === 0) notEmulated('a Scripted REST resource that requires ACL authorization but lists no active ACL')
    const held = sessionRoles(store, user.sysId)
    const results = acls.map((acl) => evaluate(store, acl, held))
    if (results.includes(true)) return null
    const open = acls.filter((_acl, i) => results[i] === null)
    if (open.length) undecidable(open)
    return SECURITY_MESSAGES.restAclRefused.text(user.userName, acls.map((a) => `${a.name}: ${aclRequiredRoles(a.roles).join(', ') || 'any role'}`).join('; '))
}

/**
 * UI page ACLs ("ACL rule types", UI page ACL rules): the ui_page ACLs for read named by the fully scoped page name
 * decide, else those named '*' ("honor the STAR (*) rule if they cannot find a more specific ACL"). With neither
 * the page is displayed: the local instance has no out-of-box '*' ui_page ACL (local choice).
 */
export function canReadUiPage(store: Store, scopedPageName: string, user: SessionUser): boolean {
    const held = sessionRoles(store, user.sysId)
    for (const name of [scopedPageName, '*']) {
        const acls = aclsNamed(store, 'ui_page', [name], 'read')
        if (acls.length) return decide(store, acls, held)
    }
    return true
}

export function createAclHook(store: Store): AclHook {
    return (operation, table, _record, user) => canAccessTable(store, operation, table, user)
}
