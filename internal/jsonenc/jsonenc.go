// Package jsonenc encodes the site's JSON files (plan.json, each task's
// JSON, the search index) one way: compact, with no final newline, which
// is what minifying them would give, and with <, > and & left as they are:
// the files are never inlined into HTML, the official text holds no markup,
// and readers should see its characters rather than escapes.
package jsonenc

import (
	"bytes"
	"encoding/json"
)

// Marshal encodes v.
func Marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
