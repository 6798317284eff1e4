// Graph's remediation HTML as a ticket description's plain text.
import { htmlToText } from '../../bridge/domain/remediation-text.ts'
import { demoControlProfiles } from '../../emulator/graph/fixtures/control-profiles.ts'

describe('htmlToText', () => {
    it('paragraphs are separated by a blank line; whitespace inside them collapses', () => {
        expect(htmlToText('<p>One\n   two</p><p>  Three  </p>')).toBe('One two\n\nThree')
        expect(htmlToText('<h2>Title</h2>line<div>  spaced   words </div>')).toBe('Title\n\nline\n\nspaced words')
        expect(htmlToText('a<br>b<BR/>c')).toBe('a\nb\nc')
    })

    it('ordered lists are numbered, each from 1; unordered ones bulleted', () => {
        expect(htmlToText('<p>Do this:</p><ol><li>first</li><li> second </li></ol><ol><li>again</li></ol>')).toBe('Do this:\n\n1. first\n2. second\n\n1. again')
        expect(htmlToText('<ul><li>a</li><li>b</li></ul>')).toBe('- a\n- b')
    })

    it('nested lists are indented two spaces a level, and the outer numbering goes on', () => {
        expect(htmlToText('<ol><li>A<ul><li>x</li><li>y<ol><li>deep</li></ol></li></ul></li><li>B</li></ol>')).toBe('1. A\n\n  - x\n  - y\n\n    1. deep\n\n2. B')
    })

    it('a link keeps its address after its text, entities in it decoded', () => {
        expect(htmlToText('<p>See <a href="https://learn.microsoft.com/x?a=1&amp;b=2" target="_blank">the docs</a>.</p>')).toBe('See the docs (https://learn.microsoft.com/x?a=1&b=2).')
        expect(htmlToText("<a href='https://single.example/'>single</a>")).toBe('single (https://single.example/)')
        expect(htmlToText('<a name="anchor">no href</a>')).toBe('no href')
    })

    it('decodes named and numeric entities, once; leaves unknown and invalid ones', () => {
        expect(htmlToText('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#39;f&#39; &#x2014; &#X41;&nbsp;g')).toBe(`a & b <c> "d" 'e' 'f' — A g`)
        expect(htmlToText('&amp;lt; stays one level')).toBe('&lt; stays one level')
        expect(htmlToText('&foo; &#0; &#x110000;')).toBe('&foo; &#0; &#x110000;')
    })

    it('leaves no tag behind; a lone "<" is text', () => {
        const text = htmlToText('<div class="x"><span style="a">in</span> <b>bold</b> <img src="y"> <table><tr><td>cell</td></tr></table></div>')
        expect(text).toBe('in bold cell')
        expect(htmlToText('1 < 2')).toBe('1 < 2')
    })

    it('script and style: the tags go, their content is kept as text (pinned; Graph sends neither)', () => {
        expect(htmlToText('<script>alert(1)</script><style>p{color:red}</style><p>Text</p>')).toBe('alert(1)p{color:red}\n\nText')
    })

    it('every remediation of the fixtures comes out without markup', () => {
        for (const profile of demoControlProfiles('t')) {
            const text = htmlToText(profile.remediation ?? '')
            expect({ id: profile.id, tags: /<\/?[a-z][^>]*>/i.test(text), entities: /&(amp|lt|gt|quot);/.test(text) }).toEqual({ id: profile.id, tags: false, entities: false })
            expect(text.length).toBeGreaterThan(0)
        }
    })

    it('empty in, empty out', () => {
        expect(htmlToText('')).toBe('')
        expect(htmlToText('<p></p><ul></ul>')).toBe('')
    })
})
