/**
 * GlideElement (scoped): one field of a GlideRecord's current record. `gr.state` is a GlideElement.
 *
 *   getName / getTableName / getValue / setValue / getDisplayValue / setDisplayValue / toString ('true' /
 *   'false' for booleans, '' when empty) / nil / changes / changesTo / changesFrom / getReferenceTable /
 *   getRefRecord / getLabel / getED / getChoices / getGlideObject (GlideDateTime of a date field) /
 *   dateNumericValue / canRead / canWrite / canCreate
 *   Every other method of the platform's GlideElement (SDK GlideAPIs.json) throws 'not emulated by the local
 *   instance: GlideElement.<name>()'.
 */
import { booleanText } from '../../util/booleans.ts'
import { GlideDateTime } from '../GlideDateTime.ts'
// Circular on purpose (GlideRecord.ts imports this module): used only inside getRefRecord, after both load.
import { GlideRecord } from '../GlideRecord.ts'
import { platformMethods, refuseUnemulated } from '../platform-apis.ts'
import { host } from '../session.ts'
import { choiceLabels } from './display.ts'
import { toStored } from './values.ts'

/** What a GlideElement needs of its record; GlideRecord implements it. */
export interface ElementRecord {
    getTableName(): string
    getValue(field: string): string | null
    setValue(field: string, value: unknown): void
    getDisplayValue(field: string): string
    _setDisplayValue(field: string, display: string): void
    _changed(field: string): boolean
    _previous(field: string): string | null
    canRead(): boolean
    canWrite(): boolean
    canCreate(): boolean
}

export class GlideElement {
    constructor(
        private readonly gr: ElementRecord,
        private readonly name: string,
    ) {}

    getName(): string {
        return this.name
    }

    getTableName(): string {
        return this.gr.getTableName()
    }

    getValue(): string | null {
        return this.gr.getValue(this.name)
    }

    setValue(value: unknown): void {
        this.gr.setValue(this.name, value)
    }

    getDisplayValue(): string {
        return this.gr.getDisplayValue(this.name)
    }

    setDisplayValue(value: string): void {
        this.gr._setDisplayValue(this.name, value)
    }

    /** Booleans read 'true' / 'false'; an empty field reads ''. */
    toString(): string {
        const v = this.getValue()
        if (this.internalType() === 'boolean') return booleanText(v)
        return v ?? ''
    }

    nil(): boolean {
        const v = this.getValue()
        return v === null || v === ''
    }

    changes(): boolean {
        return this.gr._changed(this.name)
    }

    changesTo(value: unknown): boolean {
        return this.changes() && this.getValue() === toStored(value, this.internalType())
    }

    changesFrom(value: unknown): boolean {
        return this.changes() && this.gr._previous(this.name) === toStored(value, this.internalType())
    }

    getReferenceTable(): string | null {
        return this.column()?.reference ?? null
    }

    /** The referenced record, loaded (an empty GlideRecord of the referenced table when the field is empty). */
    getRefRecord(): GlideRecord {
        const table = this.getReferenceTable()
        if (!table) throw new Error(`${this.gr.getTableName()}.${this.name} is not a reference field`)
        const ref = new GlideRecord(table)
        const v = this.getValue()
        if (v) ref.get(v)
        return ref
    }

    getLabel(): string {
        return this.column()?.label ?? this.name
    }

    getED(): { getName(): string; getLabel(): string; getInternalType(): string; isMandatory(): boolean } {
        return { getName: () => this.name, getLabel: () => this.getLabel(), getInternalType: () => this.internalType(), isMandatory: () => !!this.column()?.mandatory }
    }

    getChoices(): string[] {
        return [...choiceLabels(this.gr.getTableName(), this.name).keys()]
    }

    getGlideObject(): GlideDateTime | null {
        return this.internalType().includes('date') ? new GlideDateTime(this.getValue()) : null
    }

    dateNumericValue(): number {
        return new GlideDateTime(this.getValue()).getNumericValue()
    }

    canRead(): boolean {
        return this.gr.canRead()
    }

    canWrite(): boolean {
        return this.gr.canWrite()
    }

    canCreate(): boolean {
        return this.gr.canCreate()
    }

    private column() {
        return host().store.column(this.gr.getTableName(), this.name)
    }

    private internalType(): string {
        return this.column()?.type ?? 'string'
    }
}

// GlideElement methods the platform lists (the SDK's GlideAPIs.json) but the local instance lacks are refused.
refuseUnemulated(GlideElement.prototype, platformMethods('defaults', 'GlideElement'), 'GlideElement')
