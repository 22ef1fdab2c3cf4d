package phrase

import (
	"encoding/json"
	"maps"
	"testing"
)

// The embedded model reads as encoding/json reads it, every weight.
func TestModelAsJSON(t *testing.T) {
	var want map[string]map[string]int32
	if err := json.Unmarshal(modelJSON, &want); err != nil {
		t.Fatal(err)
	}
	got, err := decodeModel(modelJSON)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d groups, want %d", len(got), len(want))
	}
	n := 0
	for g, w := range want {
		if !maps.Equal(got[g], w) {
			t.Errorf("group %s differs", g)
		}
		n += len(w)
	}
	if n < 5000 {
		t.Errorf("only %d weights: not the model", n)
	}
}

func TestDecodeModel(t *testing.T) {
	for _, tt := range []struct {
		in, err string
		want    map[string]map[string]int32
	}{
		{in: `{}`, want: map[string]map[string]int32{}},
		{in: " {\"UW1\" : { \"a\":1 ,\"\\u4e2d\\\"\":-2},\n\"BW1\":{}} ", want: map[string]map[string]int32{"UW1": {"a": 1, `中"`: -2}, "BW1": {}}},
		{in: ``, err: "offset 0: want {"},
		{in: `{"UW1":{"a":1.5}}`, err: "offset 13: want , or }"},
		{in: `{"UW1":{"a":x}}`, err: "offset 12: want a whole number"},
		{in: `{"UW1":{"a":9999999999}}`, err: "offset 12: want a whole number"},
		{in: `{"UW1":{"a:1}}`, err: "offset 14: string without its end"},
		{in: `{"UW1" {}}`, err: "offset 7: want :"},
		{in: `{"UW1":{}}}`, err: "offset 10: more after the model's end"},
		{in: `{UW1:{}}`, err: `offset 1: want "`},
	} {
		got, err := decodeModel([]byte(tt.in))
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%q: error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tt.in, err)
			continue
		}
		if !maps.EqualFunc(got, tt.want, maps.Equal) {
			t.Errorf("%q: %v, want %v", tt.in, got, tt.want)
		}
	}
}

func BenchmarkDecodeModel(b *testing.B) {
	for b.Loop() {
		if _, err := decodeModel(modelJSON); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeModelJSON(b *testing.B) {
	for b.Loop() {
		var m map[string]map[string]int32
		if err := json.Unmarshal(modelJSON, &m); err != nil {
			b.Fatal(err)
		}
	}
}
