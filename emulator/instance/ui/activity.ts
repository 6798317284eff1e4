/**
 * The form's journal fields and its activity stream (the activity.xml formatter, "Activity formatter"): a journal
 * input field is an empty text area whose text, when saved, becomes a new journal entry (store/journal.ts); the
 * activity stream lists the record's journal entries and its audited field changes (store/audit.ts), newest
 * first, each with who and when, as the platform's stream does.
 *
 *   journalFieldHtml(table, column, readOnly, posted?)   the text area of comments / work_notes (with the text of a
 *                                                        refused save)
 *   activityHtml(store, table, sysId, fields, user, heading)
 *                                                        the stream: journal entries of the journal fields the
 *                                                        user may read, changes of `fields` (the form's fields);
 *                                                        its own "Activity" heading only when `heading` (a form
 *                                                        section captioned "Activity" already names it)
 *
 * Local choices: the stream shows the changes of the fields on the form (the platform's activity filter is
 * configurable per user); values are shown as their display values.
 */
import { escapeHtml } from '../http/pages.ts'
import { displayValueOf } from '../glide/record/display.ts'
import { fieldChanges } from '../store/audit.ts'
import { journalEntries } from '../store/journal.ts'
import type { ColumnDef, Store } from '../store/store.ts'
import { dateTimeHtml, isDateColumn, mayReadField } from './fields.ts'

type SessionUser = { sysId: string; userName: string }

export const ACTIVITY_FORMATTER = 'activity.xml'

export function journalFieldHtml(table: string, column: ColumnDef, readOnly: boolean, posted = ''): string {
    const id = escapeHtml(`${table}.${column.name}`)
    const label = escapeHtml(column.label ?? column.name)
    return `<div class="field journal${readOnly ? ' readonly' : ''}" data-field="${escapeHtml(column.name)}"><label for="${id}">${label}</label><textarea id="${id}" name="${escapeHtml(column.name)}" rows="3"${readOnly ? ' readonly' : ''}>${escapeHtml(posted)}</textarea></div>`
}

function userNames(store: Store): (userName: string) => string {
    const names = new Map<string, string>()
    return (userName) => {
        if (!names.has(userName)) {
            const user = store.select('sys_user', { blocks: [[[{ field: 'user_name', op: '=', value: userName }]]], orderBy: [] }, { limit: 1 })[0]
            names.set(userName, user?.name || userName)
        }
        return names.get(userName)!
    }
}

interface StreamItem {
    at: string
    html: string
}

export function activityHtml(store: Store, table: string, sysId: string, fields: string[], user: SessionUser, heading: boolean): string {
    const nameOf = userNames(store)
    const items: StreamItem[] = []
    const journalFields = [...store.columns(table).values()].filter((c) => c.type === 'journal' || c.type === 'journal_input').map((c) => c.name).filter((f) => mayReadField(store, table, f, user))
    for (const entry of journalEntries(store, table, sysId, journalFields)) {
        const label = store.column(table, entry.element)?.label ?? entry.element
        items.push({
            at: entry.createdOn,
            html: `<li class="activity-entry journal" data-element="${escapeHtml(entry.element)}"><div class="activity-meta"><strong>${escapeHtml(nameOf(entry.createdBy))}</strong> &middot; ${escapeHtml(label)} &middot; ${dateTimeHtml(entry.createdOn)}</div><div class="activity-text">${escapeHtml(entry.value)}</div></li>`,
        })
    }
    const readable = fields.filter((f) => store.column(table, f) && mayReadField(store, table, f, user))
    for (const change of fieldChanges(store, sysId, readable)) {
        const column = store.column(table, change.field)
        const label = column?.label ?? change.field
        const shown = (value: string) => (column && isDateColumn(column) ? dateTimeHtml(value, column.type) : escapeHtml(displayValueOf(table, change.field, value)))
        // A value the insert gave has no former value to show.
        const was = change.oldValue === null ? '' : ` <span class="was">was ${shown(change.oldValue)}</span>`
        const to = change.newValue === null ? '(empty)' : shown(change.newValue)
        items.push({
            at: change.at,
            html: `<li class="activity-entry field-change" data-field="${escapeHtml(change.field)}"><div class="activity-meta"><strong>${escapeHtml(nameOf(change.user))}</strong> &middot; Field changes &middot; ${dateTimeHtml(change.at)}</div><div class="activity-text">${escapeHtml(label)}: ${to}${was}</div></li>`,
        })
    }
    // Newest first; the stable sort keeps entries of the same second in the order they were written, reversed.
    const ordered = items.map((item, i) => ({ item, i })).sort((a, b) => (a.item.at === b.item.at ? b.i - a.i : a.item.at < b.item.at ? 1 : -1))
    const list = ordered.map(({ item }) => item.html).join('')
    return `<div class="activity-stream" id="activity_stream">${heading ? '<h3>Activity</h3>' : ''}<ul class="activity-list">${list || '<li class="activity-empty">No activity yet.</li>'}</ul></div>`
}
