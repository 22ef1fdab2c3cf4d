package phrase

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// decodeModel reads BudouX's model file: an object of feature groups, each
// an object of strings and their integer weights. encoding/json took about
// 2 ms for its 5,600 weights, by reflection, a twentieth of a small
// table's whole build; this reads that one shape directly (a test holds it
// to encoding/json's result) and fails on anything else.
func decodeModel(data []byte) (map[string]map[string]int32, error) {
	r := &modelReader{s: string(data)}
	out := map[string]map[string]int32{}
	err := r.object(func(group string) error {
		// Sized for the weights up to the next }: a guess (a key may hold
		// a brace), which saves growing the map step by step.
		size := 0
		if end := strings.IndexByte(r.s[r.i:], '}'); end > 0 {
			size = strings.Count(r.s[r.i:r.i+end], ",") + 1
		}
		weights := make(map[string]int32, size)
		out[group] = weights
		return r.object(func(key string) error {
			w, err := r.number()
			weights[key] = w
			return err
		})
	})
	if err == nil {
		if r.skip(); r.i < len(r.s) {
			err = r.fail("more after the model's end")
		}
	}
	return out, err
}

type modelReader struct {
	s string
	i int
}

func (r *modelReader) fail(what string) error {
	return fmt.Errorf("offset %d: %s", r.i, what)
}

func (r *modelReader) skip() {
	for r.i < len(r.s) && strings.IndexByte(" \t\r\n", r.s[r.i]) >= 0 {
		r.i++
	}
}

// next skips white space and takes the byte c.
func (r *modelReader) next(c byte) bool {
	if r.skip(); r.i < len(r.s) && r.s[r.i] == c {
		r.i++
		return true
	}
	return false
}

// object reads {"key": value, ...}, each calling value to read the value.
func (r *modelReader) object(value func(key string) error) error {
	if !r.next('{') {
		return r.fail("want {")
	}
	if r.next('}') {
		return nil
	}
	for {
		key, err := r.str()
		if err != nil {
			return err
		}
		if !r.next(':') {
			return r.fail("want :")
		}
		if err := value(key); err != nil {
			return err
		}
		if r.next('}') {
			return nil
		}
		if !r.next(',') {
			return r.fail("want , or }")
		}
	}
}

// str reads a JSON string. The model's keys are plain characters; one
// with an escape is left to encoding/json.
func (r *modelReader) str() (string, error) {
	if r.skip(); r.i >= len(r.s) || r.s[r.i] != '"' {
		return "", r.fail(`want "`)
	}
	start := r.i
	escaped := false
	for r.i++; r.i < len(r.s); r.i++ {
		switch r.s[r.i] {
		case '\\':
			escaped = true
			r.i++
		case '"':
			r.i++
			if !escaped {
				return r.s[start+1 : r.i-1], nil
			}
			var s string
			if err := json.Unmarshal([]byte(r.s[start:r.i]), &s); err != nil {
				return "", r.fail(err.Error())
			}
			return s, nil
		}
	}
	return "", r.fail("string without its end")
}

func (r *modelReader) number() (int32, error) {
	r.skip()
	start := r.i
	if r.i < len(r.s) && r.s[r.i] == '-' {
		r.i++
	}
	for r.i < len(r.s) && r.s[r.i] >= '0' && r.s[r.i] <= '9' {
		r.i++
	}
	n, err := strconv.ParseInt(r.s[start:r.i], 10, 32)
	if err != nil {
		r.i = start
		return 0, r.fail("want a whole number")
	}
	return int32(n), nil
}
