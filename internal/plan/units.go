package plan

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Named is one unit named in a cell of the lead or coop column, as written.
type Named struct {
	Name string // the unit's name, without a note in brackets after it
	Note string // the note in brackets after the name: 牵头, 按职责分工负责
	Lead bool   // the note or the mark makes the unit a lead: （牵头）, 区财政局*
	// Starred is the mark many tables put after or before the lead's name
	// (带*的为牵头单位: 区财政局*、区发改局; ★发改局、经信局): in a cell with
	// one, the others help.
	Starred bool
}

// Notes that may close a department list. They qualify the list; they are
// not part of a department's name.
// The longer of two notes that share a beginning comes first, so that
// 按职责分工负责落实 is not cut into 按职责分工负责 and a unit named 落实.
var departmentNotes = []string{"按职能推进", "按职责分工负责落实", "按职责分工负责", "按职责推进", "按职能分工负责", "负责落实"}

// noteWords mark the text in brackets after a name as a note on the
// assignment (（牵头）, （按职责分工负责）) rather than part of the name, as in
// 各县（市、区）人民政府 or 各区(市、县).
var noteWords = []string{"牵头", "配合", "负责", "职责", "职能", "分工", "参与", "协助", "协同", "指导", "督导", "督促", "分别", "会同", "支持"}

// noneMarks are the ways a table says a cell has no department.
var noneMarks = map[string]bool{"": true, "——": true, "—": true, "-": true, "--": true, "无": true, "/": true}

// Brackets that may hold separators without splitting a name.
const (
	openers = "（(【[〔［｛{《〈"
	closers = "）)】]〕］｝}》〉"
)

// SplitDepartments splits a department cell into the units it names and
// the note that closes the list, if any (按职能推进). Names are separated by
// 、，,；; spaces and line breaks, never inside brackets:
// 各县（市、区）人民政府 is one name. A note in brackets after a name
// (（牵头）, （按职责分工负责）) belongs to that unit, not to its name; —— means
// none; a closing 。 is dropped.
func SplitDepartments(cell string) (units []Named, note string) {
	s := TrimSpace(cell)
	if noneMarks[s] {
		return nil, ""
	}
	var notes []string
	seen := map[string]bool{}
	for _, part := range splitOutsideBrackets(s) {
		p := strings.TrimFunc(part, func(r rune) bool { return unicode.IsSpace(r) || r == '。' })
		if name, inner, ok := trailingBracket(p); ok && isNote(inner) {
			if name = TrimSpace(name); !noneMarks[name] {
				units = append(units, Named{Name: name, Note: inner, Lead: leadNote(inner)})
			}
			continue
		}
		// A closing note written without brackets (市科技局按职能推进) is
		// taken out wherever it stands; what is left are names.
		pieces := []string{p}
		for _, n := range departmentNotes {
			var next []string
			for _, x := range pieces {
				cut := strings.Split(x, n)
				if len(cut) > 1 && !seen[n] {
					seen[n] = true
					notes = append(notes, n)
				}
				next = append(next, cut...)
			}
			pieces = next
		}
		for _, x := range pieces {
			for _, q := range splitOutsideBrackets(x) {
				q = strings.TrimFunc(q, func(r rune) bool { return unicode.IsSpace(r) || r == '。' })
				for _, u := range joined(q) {
					if !noneMarks[u] {
						units = append(units, suffixNote(u))
					}
				}
			}
		}
	}
	return units, strings.Join(notes, "、")
}

// unitEnd is how the name of a unit, or of units, ends.
var unitEnd = regexp.MustCompile(`(?:局|委|办|厅|政府|单位|部门|中心|公司|集团|院|会|所|队|站|处|科|室|部|署|馆|社|行|指挥部|小组|街道|乡镇)$`)

// joined splits a name that joins two units with 及, 和 or 与
// (州委编办及州直相关单位, 区财政局和区税务局): where both sides end as a
// unit's name does. 市发展和改革委员会 is one name: 市发展 is none.
func joined(q string) []string {
	var out []string
	for {
		cut, size := -1, 0
		bracketDepth(q, func(i int, r rune, outside bool) {
			if cut < 0 && outside && (r == '及' || r == '和' || r == '与') && i > 0 && unitEnd.MatchString(q[:i]) {
				if rest := q[i+utf8.RuneLen(r):]; unitEnd.MatchString(rest) && utf8.RuneCountInString(rest) >= 2 {
					cut, size = i, utf8.RuneLen(r)
				}
			}
		})
		if cut < 0 {
			return append(out, q)
		}
		out = append(out, q[:cut])
		q = q[cut+size:]
	}
}

// others is what a name may end in to say the units named stand for more
// (区水务局等部门): a note, not part of the name.
var others = regexp.MustCompile(`等(?:相关|有关|其他)?(?:部门|单位)$`)

// assignmentSuffixes are notes written after a name without brackets, as
// in 办公室牵头，各科室配合 or 市人力社保局、市农业农村局分别牵头: they say
// who leads and who helps, and are not part of the name.
var assignmentSuffixes = []string{"分别牵头", "牵头", "配合"}

// leadMarks are the marks a table puts after or before the lead's name:
// 区财政局*, ★发改局.
const leadMarks = "*＊★☆"

func suffixNote(q string) Named {
	// The marks and the spaces between them (甲 * ＊) all go: a name never
	// begins or ends in a mark.
	if name := strings.TrimFunc(q, func(r rune) bool { return strings.ContainsRune(leadMarks, r) || unicode.IsSpace(r) }); len(name) < len(q) && !noneMarks[name] {
		return Named{Name: name, Lead: true, Starred: true}
	}
	if m := others.FindStringIndex(q); m != nil && m[0] > 0 {
		return Named{Name: TrimSpace(q[:m[0]]), Note: q[m[0]:]}
	}
	for _, s := range assignmentSuffixes {
		if name, ok := strings.CutSuffix(q, s); ok && !noneMarks[TrimSpace(name)] {
			return Named{Name: TrimSpace(name), Note: s, Lead: strings.Contains(s, "牵头")}
		}
	}
	return Named{Name: q}
}

// leadNote reports whether a bracketed note makes its unit a lead: （牵头）,
// （牵头负责）, （分别牵头）, but not a statement of the table's rule such as
// (第一责任单位为牵头单位,下同).
func leadNote(inner string) bool {
	inner = strings.Trim(TrimSpace(inner), openers+closers)
	return strings.HasPrefix(inner, "牵头") || strings.HasSuffix(inner, "牵头")
}

// bracketDepth calls fn for each character of s with whether it stands
// outside brackets; the brackets themselves count as inside.
func bracketDepth(s string, fn func(i int, r rune, outside bool)) {
	depth := 0
	for i, r := range s {
		switch {
		case strings.ContainsRune(openers, r):
			depth++
			fn(i, r, false)
		case strings.ContainsRune(closers, r):
			if depth > 0 {
				depth--
			}
			fn(i, r, false)
		default:
			fn(i, r, depth == 0)
		}
	}
}

// splitOutsideBrackets cuts s at every separator that stands outside
// brackets.
func splitOutsideBrackets(s string) []string {
	var parts []string
	from := 0
	bracketDepth(s, func(i int, r rune, outside bool) {
		if outside && isDepartmentSeparator(r) {
			parts = append(parts, s[from:i])
			from = i + utf8.RuneLen(r)
		}
	})
	return append(parts, s[from:])
}

func isDepartmentSeparator(r rune) bool {
	switch r {
	case '、', '，', ',', '；', ';':
		return true
	}
	return unicode.IsSpace(r)
}

// trailingBracket splits "name（inner）" into name and inner when the text
// ends with a closing bracket that matches an opening one.
func trailingBracket(p string) (name, inner string, ok bool) {
	closer, size := utf8.DecodeLastRuneInString(p)
	k := strings.IndexRune(closers, closer)
	if size == 0 || k < 0 {
		return "", "", false
	}
	opener := []rune(openers)[utf8.RuneCountInString(closers[:k])]
	end := len(p) - size
	depth := 0
	for i := end; i > 0; {
		r, n := utf8.DecodeLastRuneInString(p[:i])
		i -= n
		switch r {
		case closer:
			depth++
		case opener:
			if depth == 0 {
				return p[:i], p[i+n : end], true
			}
			depth--
		}
	}
	return "", "", false
}

// isNote reports whether the text in brackets after a name is a note on the
// assignment rather than part of the name.
func isNote(inner string) bool {
	for _, w := range noteWords {
		if strings.Contains(inner, w) {
			return true
		}
	}
	return false
}
