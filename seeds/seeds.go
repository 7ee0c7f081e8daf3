// Package seeds embeds the sample corpus that dispatch opens when it is given no paths.
package seeds

import "embed"

// FS holds the seed articles, one .txt file each.
//
//go:embed *.txt
var FS embed.FS
