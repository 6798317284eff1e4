// What Microsoft 365 sends when a security admin shares an improvement action (POST /tasks),
// validated and normalized. Pure: no Glide, so every rule is testable on its own.
import type { TicketType } from './ticket-defaults.ts'
import {
    FieldErrors,
    field,
    isJsonObject,
    isoDateTime,
    oneOf,
    priority,
    tenantId,
    text,
    type JsonObject,
} from '../platform/validation.ts'

export const RECOMMENDATION_SOURCES = ['user', 'microsoft'] as const
export const RECOMMENDATION_CATEGORIES = ['devices', 'data', 'apps', 'identity', 'infrastructure'] as const
export const TICKET_TYPES: readonly TicketType[] = ['change', 'incident']

export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number]
export type RecommendationCategory = (typeof RECOMMENDATION_CATEGORIES)[number]

export interface SecureScoreControl {
    controlId: string
    title: string | null
    actionUrl: string | null
    maxScore: number | null
    service: string | null
}

/** The normalized intake: what is stored as the ticket's intake payload and compared on replay. */
export interface TaskIntake {
    taskId: string
    ticketType: TicketType
    name: string
    description: string
    priority: number
    dueDate: string | null
    recommendationSource: RecommendationSource
    recommendationCategory: RecommendationCategory
    requestedBy: string
    secureScore: SecureScoreControl | null
}

export const TASK_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/

/** Microsoft's Secure Score uses "Device" for the devices category. */
const CATEGORY_ALIASES: { [spelling: string]: RecommendationCategory } = { device: 'devices' }

export function validateTaskId(errors: FieldErrors, value: unknown): string | undefined {
    return text(errors, 'taskId', value, {
        min: 1,
        max: 64,
        pattern: TASK_ID_PATTERN,
        patternHint: 'must be 1-64 characters of A-Z, a-z, 0-9, ".", "_", ":" or "-"',
    })
}

function validateSecureScore(errors: FieldErrors, value: unknown): SecureScoreControl | null {
    if (value === undefined || value === null) return null
    if (!isJsonObject(value)) {
        errors.add('secureScore', 'must be an object')
        return null
    }
    const controlId = text(errors, 'secureScore.controlId', field(value, 'controlId'), {
        min: 1,
        max: 100,
        pattern: /^[A-Za-z0-9._:-]+$/,
        patternHint: 'must be letters, digits, ".", "_", ":" or "-"',
    })
    const title = text(errors, 'secureScore.title', field(value, 'title'), { min: 0, max: 256 })
    const actionUrl = text(errors, 'secureScore.actionUrl', field(value, 'actionUrl'), {
        min: 0,
        max: 1024,
        pattern: /^https:\/\/[^\s/?#]+[^\s]*$/,
        patternHint: 'must be an https:// URL',
    })
    const service = text(errors, 'secureScore.service', field(value, 'service'), { min: 0, max: 100 })
    const rawMaxScore = field(value, 'maxScore')
    let maxScore: number | null = null
    if (rawMaxScore !== undefined && rawMaxScore !== null) {
        if (typeof rawMaxScore !== 'number' || !isFinite(rawMaxScore) || rawMaxScore < 0) {
            errors.add('secureScore.maxScore', 'must be a number of at least 0')
        } else {
            maxScore = rawMaxScore
        }
    }
    if (controlId === undefined) return null
    return {
        controlId,
        title: title || null,
        actionUrl: actionUrl || null,
        maxScore,
        service: service || null,
    }
}

export interface ValidatedTask {
    tenantId: string
    intake: TaskIntake
}

/**
 * Validates a POST /tasks body. Throws one 400 listing every bad field; unknown fields are ignored.
 * `fallbackType` is the default ticket type property, used when the body names none.
 */
export function validateTaskIntake(body: JsonObject, fallbackType: TicketType): ValidatedTask {
    const errors = new FieldErrors()
    const tenant = tenantId(errors, field(body, 'tenantId'))
    const taskId = validateTaskId(errors, field(body, 'taskId'))
    const rawType = field(body, 'ticketType')
    const ticketType = rawType === undefined || rawType === null ? fallbackType : oneOf(errors, 'ticketType', rawType, TICKET_TYPES)
    const name = text(errors, 'name', field(body, 'name'), { min: 1, max: 160 })
    const description = text(errors, 'description', field(body, 'description'), { min: 0, max: 4000, multiLine: true })
    const taskPriority = priority(errors, field(body, 'priority'), true)
    const dueDate = isoDateTime(errors, 'dueDate', field(body, 'dueDate'), true)
    const source = oneOf(errors, 'recommendationSource', field(body, 'recommendationSource'), RECOMMENDATION_SOURCES)
    const category = oneOf(errors, 'recommendationCategory', field(body, 'recommendationCategory'), RECOMMENDATION_CATEGORIES, CATEGORY_ALIASES)
    const requestedBy = text(errors, 'requestedBy', field(body, 'requestedBy'), { min: 1, max: 254 })
    const secureScore = validateSecureScore(errors, field(body, 'secureScore'))
    errors.throwIfAny()
    return {
        tenantId: tenant as string,
        intake: {
            taskId: taskId as string,
            ticketType: ticketType as TicketType,
            name: name as string,
            description: description || '',
            priority: taskPriority as number,
            dueDate: dueDate || null,
            recommendationSource: source as RecommendationSource,
            recommendationCategory: category as RecommendationCategory,
            requestedBy: requestedBy as string,
            secureScore,
        },
    }
}

const COMPARED_FIELDS: (keyof TaskIntake)[] = [
    'ticketType',
    'name',
    'description',
    'priority',
    'dueDate',
    'recommendationSource',
    'recommendationCategory',
    'requestedBy',
    'secureScore',
]

/** The fields in which a replayed task differs from the one first received. */
export function differingFields(original: TaskIntake, replay: TaskIntake): string[] {
    return COMPARED_FIELDS.filter((name) => JSON.stringify(original[name]) !== JSON.stringify(replay[name]))
}
