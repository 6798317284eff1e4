/**
 * Graph's `remediation` is HTML (paragraphs, lists, links, entities). A ticket's description is plain text, so the
 * share form converts it: paragraphs and list items become lines, ordered lists are numbered, a link keeps its
 * address after its text, and every other tag is dropped. Nothing of the HTML survives as markup.
 */

const ENTITIES: { [name: string]: string } = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function decodeEntities(text: string): string {
    return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
        if (name[0] === '#') {
            const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
            return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
        }
        return ENTITIES[name.toLowerCase()] ?? whole
    })
}

export function htmlToText(html: string): string {
    const lists: { ordered: boolean; next: number }[] = []
    let out = ''
    let link: string | null = null
    const tag = /<\s*(\/?)\s*([a-z0-9]+)([^>]*)>|([^<]+)|</gi
    for (let match = tag.exec(html); match; match = tag.exec(html)) {
        const [whole, closing, rawName, attributes, text] = match
        if (text !== undefined || whole === '<') {
            out += decodeEntities(text ?? '<').replace(/\s+/g, ' ')
            continue
        }
        const name = rawName.toLowerCase()
        if (name === 'br') out += '\n'
        else if (name === 'p' || name === 'div' || /^h[1-6]$/.test(name)) out += '\n\n'
        else if ((name === 'ol' || name === 'ul') && !closing) {
            lists.push({ ordered: name === 'ol', next: 1 })
            out += '\n'
        } else if (name === 'ol' || name === 'ul') {
            lists.pop()
            out += '\n'
        } else if (name === 'li' && !closing) {
            const list = lists[lists.length - 1]
            out += '\n' + '  '.repeat(Math.max(0, lists.length - 1)) + (list?.ordered ? `${list.next++}. ` : '- ')
        } else if (name === 'a' && !closing) {
            const href = /href\s*=\s*("([^"]*)"|'([^']*)')/i.exec(attributes)
            link = href ? decodeEntities(href[2] ?? href[3] ?? '') : null
        } else if (name === 'a' && link) {
            out += ` (${link})`
            link = null
        }
    }
    return out
        .split('\n')
        .map((line) => line.replace(/^( *)(.*)$/, (_, indent: string, rest: string) => (/^(- |\d+\. )/.test(rest) ? indent : '') + rest.replace(/[ \t]+/g, ' ')).trimEnd())
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim()
}
