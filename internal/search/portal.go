package search

import (
	_ "embed"
	"encoding/json"

	"plansite/internal/jsonenc"
)

// A portal's search (a site of many plans) reads the plans' own indexes:
// its manifest names every plan and the shards of each plan's index where
// that plan's search reads them, so that nothing is written twice.
// static/portal-search.js reads it.

// PortalManifest is a portal's search/index.json: the plans, newest first,
// and their shards, in that order.
type PortalManifest struct {
	Version int           `json:"version"` // of this format
	Tasks   int           `json:"tasks"`
	Plans   []PortalPlan  `json:"plans"`
	Shards  []PortalShard `json:"shards"`
}

// PortalPlan is a plan as the portal's search names it.
type PortalPlan struct {
	ID    string `json:"id"`
	Title string `json:"t"` // its short title
	URL   string `json:"u"` // its site's root, from the manifest: ../plans/2023/
	Tasks int    `json:"tasks"`
}

// PortalShard is a shard of a plan's index.
type PortalShard struct {
	URL   string `json:"url"` // from the manifest, with its version query
	Plan  int    `json:"p"`   // the plan's place in Plans
	Tasks int    `json:"tasks"`
	Bytes int    `json:"bytes"`
}

// ReadManifest reads a site's search/index.json, as WriteIndex made it.
func ReadManifest(data []byte) (Manifest, error) {
	var m Manifest
	err := json.Unmarshal(data, &m)
	return m, err
}

// Marshal is the manifest as compact JSON.
func (m PortalManifest) Marshal() ([]byte, error) { return jsonenc.Marshal(m) }

// PortalScript is the portal's search script (portal.js beside this file),
// published at sitepath.PortalScript. It is the portal's own, not the
// static folder's: a site of one plan never has it, and a static folder
// made before portals need not.
//
//go:embed portal.js
var PortalScript []byte
