package plan

import (
	"strings"
	"testing"
)

func TestQuoteCell(t *testing.T) {
	long := strings.Repeat("字", 1233) + "尾"
	tests := []struct{ in, want string }{
		{"", `""`},
		{"尽快推进。", `"尽快推进。"`},
		{"a\"b\n", `"a\"b\n"`},
		{strings.Repeat("字", MaxQuoted), `"` + strings.Repeat("字", MaxQuoted) + `"`},
		{long, `"` + strings.Repeat("字", MaxQuoted) + `…" (1,234 characters)`},
		{strings.Repeat("a", 1234567), `"` + strings.Repeat("a", MaxQuoted) + `…" (1,234,567 characters)`},
	}
	for _, tt := range tests {
		if got := QuoteCell(tt.in); got != tt.want {
			t.Errorf("QuoteCell(%.20q…) = %.300s, want %.300s", tt.in, got, tt.want)
		}
	}
}
