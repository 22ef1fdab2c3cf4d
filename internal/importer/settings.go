package importer

import (
	"fmt"
	"strings"

	"plansite/internal/config"
)

// SiteTOML is a content/site.toml for a new site: the keys the document
// states filled in, with where each was found, and every other key a
// publisher is likely to set written as a comment to fill in. A site
// without base_url builds all the same: the links inside it work wherever
// it is put.
func SiteTOML(f Facts, document string, columns []config.ColumnChoice, unread []string) string {
	var b strings.Builder
	b.WriteString("# plansite site configuration, made by plansite new from " + document + ".\n")
	b.WriteString("# Check each value against the document; every key is documented in README.md.\n\n")
	title := f.Title
	if title == "" {
		b.WriteString("# The document states no title that plansite could find: write the plan's full title.\n")
		title = config.TitlePlaceholder
	} else {
		b.WriteString("# From " + f.TitleFrom + ".\n")
	}
	fmt.Fprintf(&b, "title = %s\n", tomlString(title))
	b.WriteString("# short_title = \"\"   # the title in page headers, when the full one is long\n")
	key(&b, "attachment", f.Attachment, f.AttachmentFrom, "which part of the plan the table is, e.g. 附件1 任务分工表")
	key(&b, "issuer", f.Issuer, f.IssuerFrom, "the issuing body, as it signs the document")
	key(&b, "number", f.Number, f.NumberFrom, "the document's number (文号), e.g. 某府办〔2023〕1号")
	key(&b, "date", f.Date, f.DateFrom, "the issue date, YYYY-MM-DD")
	b.WriteString("# updated = \"\"   # YYYY-MM-DD: when the content was last changed\n")
	b.WriteString("# source_url = \"\"   # the official publication's address\n")
	b.WriteString("# source_name = \"\"   # the site that carries it\n\n")
	b.WriteString("# Where the site will be published (canonical links, sitemap, feed); a sub-path works.\n")
	b.WriteString("# Without it the site builds all the same, and says what it leaves out.\n")
	b.WriteString("# base_url = \"https://www.example.gov.cn/zt/plan/\"\n")
	if len(unread) > 0 {
		quoted := make([]string, len(unread))
		for i, h := range unread {
			quoted[i] = tomlString(h)
		}
		b.WriteString("\n# The table's columns that plansite does not read are published as written, each with a warning;\n")
		b.WriteString("# once they are meant so, this line stops the warnings.\n")
		fmt.Fprintf(&b, "# other_columns = [%s]\n", strings.Join(quoted, ", "))
	}
	if len(columns) > 0 {
		b.WriteString("\n# The table's headings leave columns in doubt; plansite chose these (change them if they are wrong).\n[columns]\n")
		for _, c := range columns {
			fmt.Fprintf(&b, "%s = %s   # %s\n", c.Key, tomlString(c.Heading), c.Why)
		}
	}
	return b.String()
}

// key writes key = value with where it was found, or, when the document
// does not state it, the key commented with what to write.
func key(b *strings.Builder, name, value, from, what string) {
	if value == "" {
		fmt.Fprintf(b, "# %s = \"\"   # %s\n", name, what)
		return
	}
	fmt.Fprintf(b, "%s = %s   # from %s\n", name, tomlString(value), from)
}

// tomlString writes s as a TOML basic string: quotes and backslashes
// escaped, control characters as \uXXXX, everything else as it is.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
