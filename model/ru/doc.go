// Package ru holds the Russian-language rules dispatch needs: case folding, transliteration,
// stemming, name morphology and gazetteers of countries and organisations. It is a leaf: it
// imports nothing of dispatch, so the loader (for extraction) and search (for queries) share it.
package ru
