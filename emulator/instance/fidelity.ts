/**
 * The local instance's switches: where it may depart from a documented platform default, and why.
 * Every switch is listed in FIDELITY.md ("Switches"); the defaults are the platform's.
 *
 *   switches(env = process.env) → FidelitySwitches     read when a runtime or server starts
 *
 *   LOCAL_INSTANCE_STRICT=1          strict: an invalid field or operator in a query throws instead of being
 *                                    dropped (the platform drops it and logs a warning). npm test turns it on
 *                                    (test/strict-env.ts) so a typo fails a test instead of widening a query.
 *   LOCAL_INSTANCE_EXPLICIT_ROLES=1  the instance has the Explicit Roles plugin (com.glide.explicit_roles):
 *                                    users without snc_internal are external and REST resources that require
 *                                    snc_internal refuse them. Without the plugin every user counts as internal.
 */
export interface FidelitySwitches {
    strict: boolean
    explicitRoles: boolean
}

const on = (value: string | undefined): boolean => value === '1' || value === 'true'

export function switches(env: NodeJS.ProcessEnv = process.env): FidelitySwitches {
    return { strict: on(env.LOCAL_INSTANCE_STRICT), explicitRoles: on(env.LOCAL_INSTANCE_EXPLICIT_ROLES) }
}
