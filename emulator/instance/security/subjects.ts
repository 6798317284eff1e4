/**
 * Who acts and what they do: the terms the ACL hook and the cross-scope table policy speak in. The Glide layer
 * (glide/session.ts) and the runtime take them from here, so security/ depends on neither.
 */
export interface SessionUser {
    sysId: string
    userName: string
}

export type AclOperation = 'read' | 'write' | 'create' | 'delete'

export type AclHook = (operation: AclOperation, table: string, record: { sys_id: string | null } | undefined, user: SessionUser | null) => boolean

/** Throws when code of `callerScope`, running as `actor` (a user name), may not perform `operation` on `table`. */
export type TableAccessPolicy = (operation: AclOperation, table: string, callerScope: string, actor: string) => void
