using Microsoft.Playwright;

namespace RightsDesk.Browser.Tests.Support;

/// <summary>
/// Measures a rendered page the way a person would notice a broken layout: the page scrolls sideways, an element
/// spills out of its container (scrollWidth beyond its box when it does not scroll), a table column is squeezed
/// until its words break letter by letter, or two pieces of text or two controls are drawn over each other (bounding boxes that intersect without one containing the other). Content
/// inside a scrolling wrapper (overflow auto) is allowed to be wider than the wrapper; visually hidden helpers and
/// the off-screen skip link are not measured.
/// Playwright's evaluate runs in its own isolated world, which Chromium allows even when the page's own scripts
/// are off (the contexts here disable JavaScript); <see cref="AssertFits"/> therefore measures the page as served.
/// </summary>
public static class Layout
{
    public static readonly (int Width, int Height)[] Sizes = [(390, 844), (1280, 900), (1920, 1080)];

    private const string Measure = """
        () => {
          const problems = [];
          const vw = document.documentElement.clientWidth;
          const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
          const path = el => { const p = []; for (let e = el; e && e !== document.body && p.length < 4; e = e.parentElement) p.unshift(name(e)); return p.join(' > '); };
          const hidden = el => { for (let e = el; e; e = e.parentElement) { const s = getComputedStyle(e); if (s.display === 'none' || s.visibility === 'hidden' || (s.clipPath && s.clipPath !== 'none') || e.classList.contains('skip')) return true; if (e.tagName === 'DETAILS' && !e.open && e !== el && !(el.tagName === 'SUMMARY' || el.closest('summary'))) return true; } return false; };
          const scrolls = el => { for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) { const o = getComputedStyle(e).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
          if (document.documentElement.scrollWidth > vw + 1) problems.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${vw}px viewport`);
          const all = [...document.body.querySelectorAll('*')].filter(el => !hidden(el) && !['SCRIPT','STYLE','OPTION','BR','HEAD'].includes(el.tagName));
          for (const el of all) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            const s = getComputedStyle(el);
            if (!scrolls(el) && (r.right > vw + 1 || r.left < -1)) problems.push(`${path(el)} reaches ${Math.round(r.left)}..${Math.round(r.right)}px, outside the ${vw}px viewport`);
            // A column squeezed until its words break letter by letter fits, and cannot be read.
            if (['TD','TH','DD','LI'].includes(el.tagName) && el.textContent.trim().length > 10 && r.width < 48)
              problems.push(`${path(el)} is squeezed to ${Math.round(r.width)}px for "${el.textContent.trim().slice(0, 20)}"`);
            const own = s.overflowX;
            if ((own === 'visible') && el.scrollWidth > el.clientWidth + 2 && el.clientWidth > 0 && !['INPUT','SELECT','TEXTAREA','IMG','IFRAME','SVG','svg'].includes(el.tagName) && s.display !== 'inline')
              problems.push(`${path(el)} holds ${el.scrollWidth}px of content in ${el.clientWidth}px`);
          }
          const boxes = all.filter(el => el.matches('a, button, input, select, textarea, h1, h2, h3, th, td, dt, dd, summary, label, .tag, .milestone, p, li, code'))
            // An inline element broken over two lines is measured line by line: its bounding box would take in its neighbours.
            .map(el => ({ el, rs: [...(getComputedStyle(el).display === 'inline' ? el.getClientRects() : [el.getBoundingClientRect()])].filter(r => r.width > 0 && r.height > 0) }))
            .filter(b => b.rs.length > 0);
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i], b = boxes[j];
            if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
            for (const ra of a.rs) for (const rb of b.rs) {
              const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
              const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
              if (w > 3 && h > 3) { problems.push(`${path(a.el)} and ${path(b.el)} overlap by ${Math.round(w)}x${Math.round(h)}px`); break; }
            }
            if (problems.length > 40) return problems;
          }
          return problems;
        }
        """;

    /// <summary>Fails with every problem found, named by the elements' paths, the page and the width.</summary>
    public static async Task AssertFits(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        var problems = await page.EvaluateAsync<string[]>(Measure);
        var width = page.ViewportSize?.Width ?? 0;
        Assert.True(problems.Length == 0, $"{what} at {width}px:\n" + string.Join("\n", problems.Distinct().Take(20)));
    }

    /// <summary>Each size in turn: the page is reloaded at it, measured and photographed.</summary>
    public static async Task AssertFitsAtEverySize(IPage page, string what, string screenshot)
    {
        ArgumentNullException.ThrowIfNull(page);
        foreach (var (w, h) in Sizes)
        {
            await page.SetViewportSizeAsync(w, h);
            await page.ReloadAsync();
            await AssertFits(page, what);
            await Screenshots.Save(page, $"{screenshot}.{w}", fullPage: true);
        }
    }

}
