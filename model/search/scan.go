package search

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// artHit is an article hit while ranking: small, so a million of them are cheap to sort.
type artHit struct {
	index  uint32
	score  uint16
	fields Field
}

// match scores article i, or reports that it does not match.
func (p *plan) match(i int) (score int, fields Field, ok bool) {
	ix := p.ix
	if ix.titles.mask[i]&p.titleLetters != p.titleLetters {
		return 0, 0, false
	}
	if p.dated {
		if d := ix.day[i]; d == noDay || d < p.since || d >= p.until {
			return 0, 0, false
		}
	}
	src := ix.source[i]
	if p.srcOK != nil && !p.srcOK[src] {
		return 0, 0, false
	}
	ents := ix.articleEntities(i)
	for _, q := range p.quals {
		found := false
		for _, e := range ents {
			if q[e] {
				found = true
				break
			}
		}
		if !found {
			return 0, 0, false
		}
	}
	if len(p.quals) > 0 || p.srcOK != nil || p.dated {
		fields |= FieldQuals
	}
	for _, w := range p.words {
		t := ix.titles.match(i, w)
		if t > tierNone {
			fields |= FieldTitle
		}
		if w.anyEnt {
			for _, e := range ents {
				if et := w.ent[e]; et > tierNone {
					fields |= ix.entityField(e)
					t = max(t, et)
				}
			}
		}
		if st := w.src[src]; st > tierNone {
			fields |= FieldSource
			t = max(t, st)
		}
		if t == tierNone && w.body != nil && w.body.has(i) {
			t = tierText
			fields |= FieldText
		}
		if t == tierNone {
			return 0, 0, false
		}
		score += int(t)
	}
	return score, fields, true
}

// scanArticles collects the matching articles on every core, chunk by chunk in corpus order:
// all articles, or only the candidates when cand is not nil. With stopAfter > 0 it takes no
// new chunk once that many articles matched, and reports whether it stopped before the end.
func (p *plan) scanArticles(ctx context.Context, stopAfter int, cand []uint32) ([]artHit, bool, error) {
	n := len(p.ix.c.Articles)
	if cand != nil {
		n = len(cand)
	}
	// A full scan has one buffer: chunk c fills buf[c*chunk:], no allocation per chunk. A scan
	// that stops early touches few chunks and gives each its own.
	var buf []artHit
	if stopAfter == 0 {
		buf = artHitBuf(n)
	}
	outs := make([][]artHit, (n+chunk-1)/chunk)
	var next, found atomic.Int64
	var stop atomic.Bool
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(outs))
	for range workers {
		wg.Go(func() {
			for !stop.Load() {
				c := int(next.Add(1) - 1)
				if c >= len(outs) {
					return
				}
				if ctx.Err() != nil {
					stop.Store(true)
					return
				}
				var out []artHit
				if buf != nil {
					out = buf[c*chunk : c*chunk]
				}
				if cand == nil && !chunkMayMatch(&p.ix.chunkTitles[c], p.titleOnly) {
					outs[c] = out // no title of the chunk has the letters: nothing matches
					continue
				}
				for k := c * chunk; k < min((c+1)*chunk, n); k++ {
					i := k
					if cand != nil {
						i = int(cand[k])
					}
					if score, fields, ok := p.match(i); ok {
						out = append(out, artHit{uint32(i), uint16(min(score, 1<<16-1)), fields})
					}
				}
				outs[c] = out
				if stopAfter > 0 && found.Add(int64(len(out))) >= int64(stopAfter) {
					stop.Store(true)
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	// Every chunk handed out was finished, so the scanned ones are a prefix: pack them.
	taken := min(int(next.Load()), len(outs))
	hits := buf[:0]
	for _, out := range outs[:taken] {
		hits = append(hits, out...) // moves down within buf, or gathers the small ones
	}
	return hits, taken < len(outs), nil
}

// rankArticles orders hits best first, newest first among equals (the corpus order).
func rankArticles(hits []artHit) {
	maxScore := 0
	for _, h := range hits {
		maxScore = max(maxScore, int(h.score))
	}
	if len(hits) < 2 || maxScore == 0 {
		return
	}
	sorted := artHitBuf(len(hits))
	copy(hits, countingSortInto(sorted, hits, maxScore, func(h artHit) int { return int(h.score) }))
	releaseArtHits(sorted)
}

// artHitBufs keeps the buffers of full article scans and of their ranking, 8 bytes an article,
// from one search to the next: at 1M articles a full ranking took 16 MB of fresh memory for
// them, and the page faults of writing it cost more than the sort.
var artHitBufs sync.Pool

// artHitBuf returns a buffer of n hits, its contents undefined.
func artHitBuf(n int) []artHit {
	if b, ok := artHitBufs.Get().(*[]artHit); ok && cap(*b) >= n {
		return (*b)[:n]
	}
	return make([]artHit, n)
}

// releaseArtHits gives b back for another search; nothing may use it afterwards.
func releaseArtHits(b []artHit) {
	b = b[:0]
	artHitBufs.Put(&b)
}
