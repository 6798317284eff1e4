/**
 * '@servicenow/glide' as the emulated instance provides it (jest maps the import here).
 * The classes run against the runtime made active with createRuntime(...).activate().
 */
export { GlideAggregate } from './GlideAggregate.ts'
export { GlideDateTime } from './GlideDateTime.ts'
export { GlideElement, GlideQueryCondition, GlideRecord, GlideRecordSecure } from './GlideRecord.ts'
export { GlideSecureRandomUtil } from './GlideSecureRandomUtil.ts'
export { gs } from './gs.ts'
