/**
 * The mutation score at a glance (npm run test:mutation runs it after Stryker): reads Stryker's JSON report,
 * reports/mutation/mutation.json (or the reports named as arguments, merged: one per scoped run), and prints one table per file and per folder (killed, timeout, survived, no
 * coverage, score) with the date and commit, as bench/README.md shows its results; writes the same to
 * reports/mutation/summary.md. Every surviving mutant is listed after the tables (file:line, mutator, replacement):
 * test/MUTATION.md argues each one equivalent. Exit code 1 when a folder scores under the target.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const repoRoot = resolve(__dirname, '..')
const reportDir = join(repoRoot, 'reports', 'mutation')
const DEFAULT_REPORT = join(reportDir, 'mutation.json')
const SUMMARY = join(reportDir, 'summary.md')
/** Issue 18: at least 85 % on src/server/connector and on src/server/platform. */
const TARGET_SCORE = 85

/** The part of mutation-testing-report-schema's report this summary reads. */
interface MutantResult {
    mutatorName: string
    replacement?: string
    status: string
    location: { start: { line: number; column: number } }
}

interface MutationReport {
    files: { [path: string]: { mutants: MutantResult[] } }
}

interface Tally {
    killed: number
    timeout: number
    survived: number
    noCoverage: number
}

const emptyTally = (): Tally => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0 })

/** Stryker's mutation score: detected (killed or timed out) over valid mutants; errors and ignored ones do not count. */
function score(tally: Tally): number | null {
    const valid = tally.killed + tally.timeout + tally.survived + tally.noCoverage
    return valid === 0 ? null : ((tally.killed + tally.timeout) / valid) * 100
}

function add(tally: Tally, status: string): void {
    if (status === 'Killed') tally.killed++
    else if (status === 'Timeout') tally.timeout++
    else if (status === 'Survived') tally.survived++
    else if (status === 'NoCoverage') tally.noCoverage++
}

function commit(): string {
    if (process.env.MUTATION_COMMIT) return process.env.MUTATION_COMMIT
    try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    } catch {
        return 'unknown'
    }
}

function row(name: string, tally: Tally): string {
    const value = score(tally)
    const cells = [name, tally.killed, tally.timeout, tally.survived, tally.noCoverage, value === null ? '—' : value.toFixed(1) + ' %']
    return '| ' + cells.join(' | ') + ' |'
}

const HEADER = ['| %s | killed | timeout | survived | no coverage | score |', '|---|---|---|---|---|---|']

function main(): number {
    const paths = process.argv.length > 2 ? process.argv.slice(2).map((path) => resolve(path)) : [DEFAULT_REPORT]
    const missing = paths.filter((path) => !existsSync(path))
    if (missing.length) {
        process.stderr.write(`No Stryker report at ${missing.map((path) => relative(repoRoot, path)).join(', ')}: run npm run test:mutation\n`)
        return 1
    }
    // A file mutated by two scoped runs counts once, by the report named last.
    const report: MutationReport = { files: {} }
    for (const path of paths) Object.assign(report.files, (JSON.parse(readFileSync(path, 'utf8')) as MutationReport).files)
    const perFile = new Map<string, Tally>()
    const perFolder = new Map<string, Tally>()
    const survivors: string[] = []
    for (const path of Object.keys(report.files).sort()) {
        const file = relative(repoRoot, resolve(repoRoot, path))
        const fileTally = emptyTally()
        const folder = dirname(file)
        const folderTally = perFolder.get(folder) ?? emptyTally()
        const mutants = [...report.files[path].mutants].sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)
        for (const mutant of mutants) {
            add(fileTally, mutant.status)
            add(folderTally, mutant.status)
            if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
                const replacement = mutant.replacement === undefined ? '' : ' → `' + mutant.replacement.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 80) + '`'
                survivors.push(`| ${file}:${mutant.location.start.line}:${mutant.location.start.column} | ${mutant.mutatorName} | ${mutant.status}${replacement} |`)
            }
        }
        perFile.set(file, fileTally)
        perFolder.set(folder, folderTally)
    }
    const total = emptyTally()
    for (const tally of perFolder.values()) {
        total.killed += tally.killed
        total.timeout += tally.timeout
        total.survived += tally.survived
        total.noCoverage += tally.noCoverage
    }
    const missed = [...perFolder.entries()].filter(([, tally]) => (score(tally) ?? 100) < TARGET_SCORE).map(([folder]) => folder)
    const lines = [
        `Mutation score, ${new Date().toISOString().slice(0, 10)}, commit ${commit()} (target: at least ${TARGET_SCORE} % per folder)`,
        '',
        HEADER[0].replace('%s', 'folder'),
        HEADER[1],
        ...[...perFolder.entries()].map(([folder, tally]) => row(folder, tally)),
        row('**all**', total),
        '',
        HEADER[0].replace('%s', 'file'),
        HEADER[1],
        ...[...perFile.entries()].map(([file, tally]) => row(file, tally)),
        '',
        survivors.length ? `${survivors.length} surviving mutant(s):` : 'No surviving mutants.',
        ...(survivors.length ? ['', '| where | mutator | status |', '|---|---|---|', ...survivors] : []),
        '',
        missed.length ? `MISSED: ${missed.join(', ')} under ${TARGET_SCORE} %` : `Every folder at ${TARGET_SCORE} % or more.`,
    ]
    const text = lines.join('\n') + '\n'
    mkdirSync(reportDir, { recursive: true })
    writeFileSync(SUMMARY, text)
    process.stdout.write(text)
    return missed.length ? 1 : 0
}

process.exitCode = main()
