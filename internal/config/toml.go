package config

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// MaxTOMLDepth bounds how deeply a TOML document may nest keys and inline
// tables. BurntSushi/toml takes time quadratic in that depth (a 40 KB dotted
// key took half a minute, 20,000 nested inline tables minutes); settings and
// front matter need two or three levels.
const MaxTOMLDepth = 100

// DecodeTOML is toml.Decode with a bound on nesting (MaxTOMLDepth), so that
// no file can stall a build. A document nested too deeply gives a
// toml.ParseError placed at the line that goes too deep.
func DecodeTOML(src string, v any) (toml.MetaData, error) {
	depth, off := 0, 0 // open inline tables, which TOML 1.1 lets span lines
	for i, l := range strings.Split(src, "\n") {
		dots := 0
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "[") && !strings.HasPrefix(t, "[\"") {
			dots = strings.Count(t, ".") // [a.b.c]
		} else if key, _, ok := strings.Cut(l, "="); ok {
			dots = strings.Count(key, ".") // a.b.c = 1
		}
		for _, c := range l {
			switch c {
			case '{':
				depth++
			case '}':
				depth--
			}
			if depth > MaxTOMLDepth {
				break
			}
		}
		if dots > MaxTOMLDepth || depth > MaxTOMLDepth {
			return toml.MetaData{}, toml.ParseError{
				Message:  fmt.Sprintf("keys or tables nested more than %d deep", MaxTOMLDepth),
				Position: toml.Position{Line: i + 1, Col: 1, Start: off, Len: 1},
				Line:     i + 1,
			}
		}
		off += len(l) + 1
	}
	return toml.Decode(src, v)
}

// typeError is how BurntSushi/toml words a value of the wrong type: a plain
// error, not a ParseError, with the line inside the message.
var typeError = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "((?:[^"\\]|\\.)*)"\): (.*)$`)

// TOMLErrorPos locates an error that toml.Decode returned for src: its line
// and character (not byte) column, 0 when unknown, and a message for people.
func TOMLErrorPos(src string, err error) (line, col int, msg string) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line, col = pe.Position.Line, pe.Position.Col
		if s := pe.Position.Start; s >= 0 && s <= len(src) && line > 0 {
			lineStart := strings.LastIndexByte(src[:s], '\n') + 1
			col = utf8.RuneCountInString(src[lineStart:s]) + 1
		}
		return line, col, pe.Message
	}
	m := typeError.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, 0, err.Error()
	}
	key, msg := m[2], m[3]
	if strings.Contains(msg, "time.Time") {
		msg += `; write dates in quotes, such as "2020-02-27"`
	}
	line, col = KeyPos(src, strings.Split(key, "."))
	if line == 0 {
		line, _ = strconv.Atoi(m[1])
	}
	if hint := typeHint(key, msg); hint != "" {
		return line, col, hint
	}
	return line, col, key + ": " + msg
}

// wrongType is BurntSushi/toml's word for a value of another type than the
// setting's: "incompatible types: TOML value has type string; destination
// has type integer".
var wrongType = regexp.MustCompile(`TOML value has type (\w+); destination has type (\w+)`)

// typeHint says what to write instead of a value of the wrong type, by the
// setting's type: start_year = "2020" needs no quotes, a list needs
// brackets.
func typeHint(key, msg string) string {
	m := wrongType.FindStringSubmatch(msg)
	if m == nil {
		return ""
	}
	name := key
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		name = key[i+1:]
	}
	got := tomlKind(m[1])
	switch tomlKind(m[2]) {
	case "a number":
		example := "10"
		if strings.HasSuffix(name, "_year") {
			example = "2020"
		}
		return fmt.Sprintf("%s is a number, but the value is %s: write it without quotes, such as %s = %s", key, got, name, example)
	case "true or false":
		return fmt.Sprintf("%s is true or false, but the value is %s: write %s = true or %s = false, without quotes", key, got, name, name)
	case "text":
		return fmt.Sprintf("%s is text, but the value is %s: write it in quotes, such as %s = \"…\"", key, got, name)
	case "a list":
		return fmt.Sprintf("%s is a list, but the value is %s: write it in brackets, such as %s = [\"…\", \"…\"]", key, got, name)
	}
	return ""
}

// tomlKind names a type as BurntSushi/toml words it, for people.
func tomlKind(t string) string {
	switch t {
	case "string":
		return "text"
	case "integer", "int64", "int", "float", "float64":
		return "a number"
	case "boolean", "bool":
		return "true or false"
	case "slice", "array":
		return "a list"
	case "map", "table", "struct":
		return "a table"
	}
	return "a " + t
}

// KeyPos finds the line and character column where the TOML document src
// sets key (or opens it as a table); 0, 0 when it cannot tell. It reads
// simple documents (key = value lines, [table] headers), which is what site
// configuration and front matter are; it only serves to place messages.
func KeyPos(src string, key []string) (line, col int) {
	want := strings.Join(key, ".")
	table := ""
	for i, l := range strings.Split(src, "\n") {
		t := strings.TrimSpace(l)
		indent := len(l) - len(strings.TrimLeft(l, " \t")) + 1 // spaces and tabs are one byte each
		var full string
		switch {
		case strings.HasPrefix(t, "["):
			name, _, _ := strings.Cut(strings.TrimLeft(t, "["), "]") // [table] # comment
			table = normalizeKey(name)
			full = table
		case strings.Contains(t, "=") && !strings.HasPrefix(t, "#"):
			k, _, _ := strings.Cut(t, "=")
			full = normalizeKey(k)
			if table != "" {
				full = table + "." + full
			}
		default:
			continue
		}
		if full == want {
			return i + 1, indent
		}
	}
	return 0, 0
}

// normalizeKey writes a dotted TOML key without spaces or quotes.
func normalizeKey(k string) string {
	parts := strings.Split(k, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}
