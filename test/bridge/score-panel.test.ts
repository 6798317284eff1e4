// Home's Secure Score panel: the server-drawn SVG chart over the fixture's 90 days, and the panel's figures.
import type { SecureScore } from '@microsoft/microsoft-graph-types'
import { scoreChart } from '../../bridge/pages/home/score-chart.ts'
import { scorePanel } from '../../bridge/pages/home/views.ts'
import type { RefreshStatus } from '../../bridge/store/secure-score.ts'
import { demoControlProfiles } from '../../emulator/graph/fixtures/control-profiles.ts'
import { dailyScores } from '../../emulator/graph/fixtures/scores.ts'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const scores = dailyScores(TENANT, demoControlProfiles(TENANT), 90, new Date('2026-04-01T12:00:00Z'))
const status: RefreshStatus = { tenantId: TENANT, lastFullAt: '2026-04-01T12:00:00.000Z', lastAttemptAt: '2026-04-01T12:00:00.000Z', lastError: null, partialWarning: null, readOnly: false }

function points(svg: string): [number, number][] {
    const attr = /<polyline[^>]* points="([^"]*)"/.exec(svg)
    if (!attr) throw new Error('no polyline')
    return attr[1].split(' ').map((p) => p.split(',').map(Number) as [number, number])
}
const one = (svg: string, re: RegExp) => (re.exec(svg) ?? [])[1]
const round1 = (v: number) => Math.round(v * 10) / 10

describe('scoreChart', () => {
    const svg = scoreChart(scores)

    it('is one well-formed SVG element with a title and a description for screen readers', () => {
        expect(svg.startsWith('<svg id="score-chart" role="img" aria-labelledby="score-chart-title score-chart-desc"')).toBe(true)
        expect(svg.trimEnd().endsWith('</svg>')).toBe(true)
        expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"')
        expect(svg).not.toMatch(/<script|on[a-z]+=/i)
        // Every element opened is closed (or self-closing).
        const opened = [...svg.matchAll(/<([a-z]+)[^>]*?(\/?)>/g)].filter((m) => m[2] !== '/').map((m) => m[1])
        const closed = [...svg.matchAll(/<\/([a-z]+)>/g)].map((m) => m[1])
        expect(opened.sort()).toEqual(closed.sort())
        expect(one(svg, /<title id="score-chart-title">([^<]*)<\/title>/)).toBe('Secure Score over the last 90 days')
    })

    it('one point per day, oldest on the left, x strictly increasing across the plot', () => {
        const p = points(svg)
        expect(p).toHaveLength(90)
        expect(p[0][0]).toBe(40)
        expect(p[89][0]).toBe(548)
        for (let i = 1; i < p.length; i++) expect(p[i][0]).toBeGreaterThan(p[i - 1][0])
        // y follows the score: the newest day (scores[0]) is the rightmost point; higher score, smaller y.
        const top = Math.max(...scores.map((s) => s.maxScore as number))
        const y = (v: number) => round1(12 + 140 - (v / top) * 140)
        expect(p[89][1]).toBe(y(scores[0].currentScore as number))
        expect(p[0][1]).toBe(y(scores[89].currentScore as number))
    })

    it('labels the first and last day, and says the same figures in the description', () => {
        const oldest = scores[89]
        const newest = scores[0]
        expect(svg).toContain('>2026-01-02</text>')
        expect(svg).toContain('>2026-04-01</text>')
        expect(one(svg, /<desc id="score-chart-desc">([^<]*)<\/desc>/)).toBe(
            `From ${round1(oldest.currentScore as number)} on 2026-01-02 to ${round1(newest.currentScore as number)} on 2026-04-01, out of ${round1(newest.maxScore as number)}.`,
        )
    })

    it('one day: a single point at the right edge, "day" in the singular', () => {
        const single = scoreChart(scores.slice(0, 1))
        expect(points(single)).toHaveLength(1)
        expect(points(single)[0][0]).toBe(548)
        expect(single).toContain('over the last 1 day</title>')
    })

    it('days without a score or date are left out; none at all says so', () => {
        const holes: SecureScore[] = [scores[0], { ...scores[1], currentScore: null }, { ...scores[2], createdDateTime: null }, scores[3]]
        expect(points(scoreChart(holes))).toHaveLength(2)
        expect(scoreChart([])).toBe('<p class="muted" id="score-chart">No score history yet.</p>')
        expect(scoreChart([{ ...scores[0], currentScore: null }])).toBe('<p class="muted" id="score-chart">No score history yet.</p>')
    })

    it('escapes what it prints from Graph', () => {
        const odd = scoreChart([{ ...scores[0], createdDateTime: '<b>&x"' }, { ...scores[1], createdDateTime: '2026-01-01T00:00:00Z' }])
        expect(odd).not.toContain('<b>')
        expect(odd).toContain('&lt;b&gt;&amp;x')
    })

    it('a score of 0 out of 0 still draws (the axis top is at least 1)', () => {
        const zero = scoreChart([{ ...scores[0], currentScore: 0, maxScore: 0 }])
        expect(points(zero)).toEqual([[548, 152]])
    })
})

describe("Home's score panel", () => {
    it('the newest score out of the maximum, as a percentage, with the chart and the points at stake', () => {
        const latest = scores[0]
        const html = scorePanel({ scores, status, pointsAtStake: 18.126, openTickets: 2 })
        expect(one(html, /<strong id="current-score"[^>]*>([^<]*)</)).toBe(String(Math.round((latest.currentScore as number) * 100) / 100))
        expect(one(html, /<span id="max-score">([^<]*)</)).toBe(String(latest.maxScore))
        expect(html).toContain(`(${Math.round(((latest.currentScore as number) / (latest.maxScore as number)) * 100)} %)`)
        expect(html).toContain('<svg id="score-chart"')
        expect(one(html, /<p id="points-at-stake">([\s\S]*?)<\/p>/)).toBe('<strong>18.13</strong> points at stake in 2 open tickets.')
        expect(html).toContain('Refresh now')
    })

    it('one open ticket in the singular; nothing read yet', () => {
        const html = scorePanel({ scores: [], status: { ...status, lastFullAt: null }, pointsAtStake: 0, openTickets: 1 })
        expect(html).toContain('Secure Score has not been read yet.')
        expect(html).toContain('No score history yet.')
        expect(one(html, /<p id="points-at-stake">([\s\S]*?)<\/p>/)).toBe('<strong>0</strong> points at stake in 1 open ticket.')
        expect(html).toContain('Secure Score read never')
    })

    it('shows the last error, a partial answer kept out, and read-only', () => {
        const html = scorePanel({ scores, status: { ...status, lastError: 'boom <x>', partialWarning: '199 - "provider failed"', readOnly: true }, pointsAtStake: 0, openTickets: 0 })
        expect(html).toContain('id="refresh-error"')
        expect(html).toContain('boom &lt;x&gt;')
        expect(html).toContain('id="partial-warning"')
        expect(html).toContain('id="read-only"')
    })
})
