/**
 * The Secure Score chart on Home, drawn on the server as SVG (no script, no library): one point a day, oldest on
 * the left, the y axis from 0 to the highest maximum of the period, with the first and last day labelled. A
 * screen reader gets the same figures from the title and description.
 */
import type { SecureScore } from '@microsoft/microsoft-graph-types'
import { esc } from '../layout.ts'

const WIDTH = 560
const HEIGHT = 180
const PAD = { left: 40, right: 12, top: 12, bottom: 28 }

function round(value: number): number {
    return Math.round(value * 10) / 10
}

/** `scores` newest first, as Graph and the store give them. */
export function scoreChart(scores: SecureScore[]): string {
    const days = [...scores].reverse().filter((s) => typeof s.currentScore === 'number' && s.createdDateTime)
    if (days.length === 0) return '<p class="muted" id="score-chart">No score history yet.</p>'
    const top = Math.max(...days.map((s) => Math.max(s.maxScore ?? 0, s.currentScore ?? 0)), 1)
    const plotWidth = WIDTH - PAD.left - PAD.right
    const plotHeight = HEIGHT - PAD.top - PAD.bottom
    const x = (i: number) => PAD.left + (days.length === 1 ? plotWidth : (i * plotWidth) / (days.length - 1))
    const y = (value: number) => PAD.top + plotHeight - (value / top) * plotHeight
    const points = days.map((s, i) => `${round(x(i))},${round(y(s.currentScore as number))}`).join(' ')
    const first = days[0]
    const last = days[days.length - 1]
    const date = (s: SecureScore) => String(s.createdDateTime).slice(0, 10)
    const description = `From ${round(first.currentScore as number)} on ${date(first)} to ${round(last.currentScore as number)} on ${date(last)}, out of ${round(last.maxScore ?? 0)}.`
    return `<svg id="score-chart" role="img" aria-labelledby="score-chart-title score-chart-desc" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" style="max-width:${WIDTH}px" xmlns="http://www.w3.org/2000/svg">
<title id="score-chart-title">Secure Score over the last ${days.length} day${days.length === 1 ? '' : 's'}</title><desc id="score-chart-desc">${esc(description)}</desc>
<line x1="${PAD.left}" y1="${y(0)}" x2="${WIDTH - PAD.right}" y2="${y(0)}" stroke="#c8c6c4"/><line x1="${PAD.left}" y1="${y(top)}" x2="${WIDTH - PAD.right}" y2="${y(top)}" stroke="#edebe9"/>
<text x="${PAD.left - 6}" y="${y(top) + 4}" text-anchor="end" font-size="11" fill="#605e5c">${round(top)}</text><text x="${PAD.left - 6}" y="${y(0) + 4}" text-anchor="end" font-size="11" fill="#605e5c">0</text>
<polyline fill="none" stroke="#0f6cbd" stroke-width="2" points="${points}"/>
<text x="${PAD.left}" y="${HEIGHT - 8}" font-size="11" fill="#605e5c" data-day="${esc(date(first))}">${esc(date(first))}</text><text x="${WIDTH - PAD.right}" y="${HEIGHT - 8}" text-anchor="end" font-size="11" fill="#605e5c" data-day="${esc(date(last))}">${esc(date(last))}</text>
</svg>`
}
