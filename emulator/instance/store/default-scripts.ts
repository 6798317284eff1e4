/**
 * `javascript:` dictionary defaults evaluated on insert. The platform runs the script; the local instance
 * recognizes the few the platform's own tables use for ownership, time, class and numbering, and leaves every
 * other script's column empty (FIDELITY.md, "Not emulated").
 *
 *   evaluateDefaultScript(script, context) → value | null     null: not one the local instance evaluates
 *
 *   gs.getUserID()                 the acting user's sys_id (empty for the system user)
 *   gs.nowDateTime()               now (the instance runs in UTC)
 *   current.getTableName()         the record's table
 *   getNextObjNumberPadded()       the next number of the table's sys_number counter (also global.…)
 */
export interface DefaultScriptContext {
    table: string
    userSysId: string | null
    now: string
    nextNumber(): string | null
}

const EVALUATED: Record<string, (ctx: DefaultScriptContext) => string | null> = {
    'gs.getUserID()': (ctx) => ctx.userSysId,
    'gs.nowDateTime()': (ctx) => ctx.now,
    'current.getTableName()': (ctx) => ctx.table,
    'getNextObjNumberPadded()': (ctx) => ctx.nextNumber(),
    'global.getNextObjNumberPadded()': (ctx) => ctx.nextNumber(),
}

export function evaluateDefaultScript(script: string, ctx: DefaultScriptContext): string | null {
    const body = script.replace(/^javascript:/i, '').trim().replace(/;$/, '').trim()
    return EVALUATED[body]?.(ctx) ?? null
}
