package opendata

import (
	"fmt"
	"strings"
	"sync"

	"plansite/internal/column"
)

// The schema's descriptions name the columns, the groups and an example of
// each in the standard words, which the published schema says, and the
// /data/ page of a site in its table's own words. Where they differ, the
// description holds:
//
//   - {key:text}: text in the published schema (主要措施), the site's word
//     on its page: key is a standard column's key (measures, the table's
//     heading of it), areas (the site's word for its groups, 行动 or 部分),
//     area_label and area_name (a group's, as examples), alias (another
//     name of a department in the table), unit (the word the table's
//     headings of units end in, 单位 of 牵头单位) or own (the group of the
//     plan's own departments, 市直部门, 县直部门 in a county's plan);
//   - {?cond:text} and {!cond:text}: text said only where cond holds, or
//     only where it does not: cond is a standard column's key (the table
//     has the column), areas (the plan has groups), alias, progress (the
//     site publishes progress) or dept_word (its word for units is 部门,
//     the standard one). The published schema says every {?…} and no
//     {!…}.
//
// Text may hold placeholders itself, but no other braces.

// Words are a site's own words and what its table has, for its /data/
// page.
type Words struct {
	Heading func(column.Column) string // the table's heading of a standard column
	Has     func(column.Column) bool   // whether the table has the standard column
	// Areas is the site's word for its groups; Groups whether it has any,
	// and AreaLabel and AreaName the first one's label and name.
	Areas               string
	Groups              bool
	AreaLabel, AreaName string
	Alias               string // a department's other name in the table; "" for none
	Unit                string // the word the table's headings of units end in: 单位, 部门 …
	Own                 string // the group of the plan's own departments: 市直部门, 县直部门 …
	Progress            bool   // whether the site publishes progress
}

// word is the site's word for the placeholder key.
func (w *Words) word(key string) (string, error) {
	switch key {
	case "areas":
		return w.Areas, nil
	case "area_label":
		return w.AreaLabel, nil
	case "area_name":
		return w.AreaName, nil
	case "alias":
		return w.Alias, nil
	case "unit":
		return w.Unit, nil
	case "own":
		return w.Own, nil
	}
	if c, ok := standard(key); ok {
		return w.Heading(c), nil
	}
	return "", fmt.Errorf("unknown placeholder {%s:…}", key)
}

// holds reports whether the condition key holds for the site.
func (w *Words) holds(key string) (bool, error) {
	switch key {
	case "areas":
		return w.Groups, nil
	case "alias":
		return w.Alias != "", nil
	case "progress":
		return w.Progress, nil
	case "dept_word":
		return w.Unit == deptWord, nil
	}
	if c, ok := standard(key); ok {
		return w.Has(c), nil
	}
	return false, fmt.Errorf("unknown condition {?%s:…}", key)
}

// deptWord is the standard word for units, which the published schema
// says.
const deptWord = "部门"

// standard is the standard column of the key key.
func standard(key string) (column.Column, bool) {
	if _, ok := column.Task.Find(key); ok && key != "" {
		return column.Column(key), true
	}
	return column.None, false
}

// fill writes the placeholders of s in w's words, or in the standard ones
// of the published schema for nil w.
func fill(s string, w *Words) (string, error) {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		b.WriteString(s[:i])
		kind, key, text, rest, ok := placeholder(s[i:])
		if !ok {
			// A brace of the JSON itself ({"type": …}).
			b.WriteByte('{')
			s = s[i+1:]
			continue
		}
		s = rest
		switch kind {
		case 0:
			if w == nil {
				b.WriteString(text)
				continue
			}
			v, err := w.word(key)
			if err != nil {
				return "", err
			}
			b.WriteString(v)
		default:
			say := kind == '?'
			if w != nil {
				holds, err := w.holds(key)
				if err != nil {
					return "", err
				}
				say = holds == (kind == '?')
			}
			if !say {
				continue
			}
			inner, err := fill(text, w)
			if err != nil {
				return "", err
			}
			b.WriteString(inner)
		}
	}
}

// placeholder reads the placeholder that s starts with: {key:text},
// {?key:text} or {!key:text} (kind 0, '?' or '!'), text up to the brace
// that closes it, and what follows it.
func placeholder(s string) (kind byte, key, text, rest string, ok bool) {
	i := 1
	if i < len(s) && (s[i] == '?' || s[i] == '!') {
		kind = s[i]
		i++
	}
	start := i
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] == '_') {
		i++
	}
	if i == start || i >= len(s) || s[i] != ':' {
		return 0, "", "", "", false
	}
	key = s[start:i]
	depth := 1
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return kind, key, s[i+1 : j], s[j+1:], true
			}
		}
	}
	return 0, "", "", "", false
}

// published is the schema as published: its placeholders in the standard
// words.
var published = sync.OnceValue(func() []byte {
	s, err := fill(string(planSchema), nil)
	if err != nil {
		panic(err) // the package's own file, which the tests read
	}
	return []byte(s)
})
