// The fidelity register (emulator/instance/FIDELITY.md) stays complete and true: every row names a behaviour, a
// source and a test, every test file it names exists, and every platform message in the catalogue has a source.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as messages from '../../emulator/instance/messages.ts'
import { repoRoot } from '../../scripts/ensure-built.ts'

const register = readFileSync(join(repoRoot, 'emulator', 'instance', 'FIDELITY.md'), 'utf8')

interface Section {
    title: string
    rows: string[][]
}

function sections(): Section[] {
    const out: Section[] = []
    for (const line of register.split('\n')) {
        if (line.startsWith('## ')) out.push({ title: line.slice(3).trim(), rows: [] })
        else if (out.length && line.startsWith('|') && !/^\|\s*-/.test(line)) out[out.length - 1].rows.push(line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()))
    }
    // Drop each table's header row.
    for (const section of out) section.rows = section.rows.filter((row) => !['behaviour', 'feature'].includes(row[0]))
    return out
}

// The surface section lists APIs, not behaviours; fidelity-surface.test.ts checks it.
const behaviourSections = () => sections().filter((section) => !['Not emulated', 'Glide API surface'].includes(section.title))

it('gives every behaviour a source and a test, and every section at least one row', () => {
    const emulated = behaviourSections()
    expect(emulated.length).toBeGreaterThanOrEqual(12)
    for (const section of emulated) {
        expect({ section: section.title, rows: section.rows.length > 0 }).toEqual({ section: section.title, rows: true })
        for (const [behaviour, source, test] of section.rows) {
            expect({ behaviour, source: !!source }).toEqual({ behaviour, source: true })
            expect({ behaviour, test: !!test }).toEqual({ behaviour, test: true })
        }
    }
})

it('names only test files that exist', () => {
    const named = new Set([...register.matchAll(/\btest\/[A-Za-z0-9_/.-]+\.ts\b/g)].map((match) => match[0]))
    expect(named.size).toBeGreaterThan(20)
    const missing = [...named].filter((path) => !existsSync(join(repoRoot, path)))
    expect(missing).toEqual([])
})

it('keeps a source beside every message of the catalogue', () => {
    const catalogues = Object.entries(messages).filter(([name]) => name.endsWith('_MESSAGES'))
    expect(catalogues.length).toBeGreaterThanOrEqual(5)
    for (const [name, catalogue] of catalogues) {
        for (const [key, message] of Object.entries(catalogue as Record<string, { source?: unknown }>)) {
            expect({ message: `${name}.${key}`, source: typeof message.source === 'string' && message.source.length > 0 }).toEqual({ message: `${name}.${key}`, source: true })
        }
    }
})

it('leaves a row without a test only for a local choice or a refusal', () => {
    const untested = behaviourSections()
        .flatMap((section) => section.rows)
        .filter(([, , test]) => /^[—-]$/.test(test))
        .filter(([behaviour, source]) => !/local choice/i.test(source) && !/not emulated/i.test(`${behaviour} ${source}`))
    expect(untested.map(([behaviour]) => behaviour)).toEqual([])
})
