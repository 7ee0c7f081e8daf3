package ui

import "github.com/dispatch-news/dispatch/model/search"

// detailKey identifies what the detail pane was built for.
type detailKey struct {
	r         ref
	w, h      int
	narrow    bool
	isProfile bool
	counting  bool // the entity's co-occurrence is still being counted
	stateGen  int  // the reading state's generation: marking, starring, a note
}

// syncDetail rebuilds the detail pane when what it shows (or its size) changed. It runs in
// Update, so View only draws.
func (b *browseScreen) syncDetail() {
	if b.curView() == viewTimeline || (b.narrow && b.focus != paneDetail) {
		return
	}
	k := detailKey{w: b.detW, h: b.bodyH, narrow: b.narrow, isProfile: b.profile != nil, stateGen: b.s.rs.gen}
	if b.profile == nil {
		r, ok := b.cur().selected(b.pool)
		if !ok {
			b.det, b.detValid = newDetail(nil, b.detW, b.bodyH), false
			return
		}
		k.r = r
	}
	var e entityInfo
	var rel *related
	switch {
	case b.profile != nil:
		e = *b.profile
	case k.r.kind != search.Article:
		e, _ = refInfo(b.pool, k.r)
	}
	if e.key != "" {
		rel = b.s.rel.get(b.s.ctx, e.kind, e.key, e.articles)
		k.counting = rel == nil
	}
	if b.detValid && k == b.detKey {
		return
	}
	var lines []detailLine
	if k.r.kind == search.Article && b.profile == nil {
		lines = articleDetail(&b.s.st, b.pool.articles[k.r.i], b.detW, b.narrow)
		lines = b.s.withArticleState(lines, b.pool.articles[k.r.i], b.detW, b.narrow)
		lines = append(lines, relatedLines(&b.s.st, b.s.relatedTo(b.pool.articles[k.r.i]), b.detW)...)
	} else {
		lines = entityDetail(&b.s.st, e, rel, b.detW)
	}
	nd := newDetail(lines, b.detW, b.bodyH)
	if b.detValid && b.detKey.r == k.r && b.detKey.isProfile == k.isProfile {
		// The same item, with a new size or style or its co-occurrence counted: keep the place,
		// by what the cursor is on unless the layout changed (a narrow detail starts with
		// "Read the article").
		at := b.det.cursor
		if b.detKey.narrow == k.narrow {
			at = nd.indexOf(b.det.selected(), at)
		}
		nd.move(at)
	}
	b.det, b.detKey, b.detValid = nd, k, true
}
