// Package phrase finds where a line of Chinese text may break between
// phrases rather than inside a word: 人工智能 is not cut into 人工智 and 能,
// nor 政府工作报告 after 报. It runs BudouX (github.com/google/budoux), the
// small machine-learned phrase segmenter Chrome uses for its auto-phrase
// line breaking, with BudouX's own Simplified Chinese model (zh-hans.json,
// 65 KB, Apache-2.0, see NOTICE): a fixed sum of weights over the
// characters around each gap, no dictionary and no memory to speak of.
// The site computes the breaks once, at build time; a reader's browser
// only follows them.
package phrase

import (
	_ "embed"
	"sync"
)

//go:embed zh-hans.json
var modelJSON []byte

// model is BudouX's: for each feature (the character 3 before a gap, the
// two around it, …) the weight of each string. A gap whose score is above
// zero is a phrase boundary.
type model struct {
	uw   [6]map[string]int32 // unigrams at gap offsets -3 … +2
	bw   [3]map[string]int32 // bigrams at -2, -1, 0
	tw   [4]map[string]int32 // trigrams at -3, -2, -1, 0
	base int32
}

var load = sync.OnceValue(func() *model {
	raw, err := decodeModel(modelJSON)
	if err != nil {
		panic("phrase: the embedded model does not read: " + err.Error())
	}
	m := &model{}
	var sum int64
	pick := func(name string) map[string]int32 {
		g := raw[name]
		for _, v := range g {
			sum += int64(v)
		}
		if g == nil {
			g = map[string]int32{}
		}
		return g
	}
	for i := range m.uw {
		m.uw[i] = pick("UW" + string(rune('1'+i)))
	}
	for i := range m.bw {
		m.bw[i] = pick("BW" + string(rune('1'+i)))
	}
	for i := range m.tw {
		m.tw[i] = pick("TW" + string(rune('1'+i)))
	}
	m.base = int32(-sum / 2)
	return m
})

// Breaks returns the byte offsets in s where a phrase ends and the next
// begins: the places a line may break. s is read as BudouX reads a
// sentence, character by character.
func Breaks(s string) []int {
	m := load()
	// Byte offsets of each character, and of the end.
	var at []int
	for i := range s {
		at = append(at, i)
	}
	n := len(at)
	at = append(at, len(s))
	// sub is the characters from a to b (rune indexes), clamped to s as
	// JavaScript's substring clamps them.
	sub := func(a, b int) string {
		a, b = max(a, 0), min(b, n)
		if a >= b {
			return ""
		}
		return s[at[a]:at[b]]
	}
	var out []int
	for i := 1; i < n; i++ {
		score := m.base
		score += m.uw[0][sub(i-3, i-2)]
		score += m.uw[1][sub(i-2, i-1)]
		score += m.uw[2][sub(i-1, i)]
		score += m.uw[3][sub(i, i+1)]
		score += m.uw[4][sub(i+1, i+2)]
		score += m.uw[5][sub(i+2, i+3)]
		score += m.bw[0][sub(i-2, i)]
		score += m.bw[1][sub(i-1, i+1)]
		score += m.bw[2][sub(i, i+2)]
		score += m.tw[0][sub(i-3, i)]
		score += m.tw[1][sub(i-2, i+1)]
		score += m.tw[2][sub(i-1, i+2)]
		score += m.tw[3][sub(i, i+3)]
		if score > 0 {
			out = append(out, at[i])
		}
	}
	return out
}

// Phrases cuts s at its breaks.
func Phrases(s string) []string {
	var out []string
	from := 0
	for _, b := range Breaks(s) {
		out = append(out, s[from:b])
		from = b
	}
	if from < len(s) {
		out = append(out, s[from:])
	}
	return out
}
