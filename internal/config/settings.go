package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"strconv"
	"strings"

	"golang.org/x/text/language"
)

// BaseURL checks a base URL, base_url of site.toml or build -base-url,
// and returns it ending in / and its path (/ or /sub/path/). The error says
// what is wrong, worded to follow the address; the caller names where it
// came from. Both sources go through here so that they cannot disagree.
func BaseURL(s string) (abs, path string, err error) {
	u, err := url.Parse(s)
	var ue *url.Error
	switch {
	case errors.As(err, &ue):
		return "", "", fmt.Errorf("is not an address: %v", ue.Err)
	case err != nil:
		return "", "", err
	case (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "":
		return "", "", errors.New("must be an absolute http(s) address, such as https://example.org/plan/")
	case u.User != nil:
		// It would be published in every canonical link and in the sitemap.
		return "", "", errors.New("must not carry a user name or password (user:pass@)")
	case u.RawQuery != "" || u.ForceQuery || strings.Contains(s, "#"):
		// Page addresses are the base URL followed by a path.
		return "", "", errors.New("must not have a query (?…) or a fragment (#…)")
	}
	// url.Parse lets through a port of any digits, or none after the colon.
	if port := u.Port(); port != "" || strings.HasSuffix(u.Host, ":") {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return "", "", fmt.Errorf("has port %q; a port is a number from 1 to 65535", port)
		}
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), u.Path, nil
}

// checkSettings checks the values of the settings that have a form of their
// own; fail places a message at the key's line.
func checkSettings(cfg *Config, fail func(key, format string, args ...any) error) error {
	for _, d := range []struct{ key, value string }{{"date", cfg.Date}, {"updated", cfg.Updated}} {
		if d.value != "" {
			if p := DateProblem(d.value); p != "" {
				return fail(d.key, "%s %q %s", d.key, d.value, p)
			}
		}
	}
	// The sitemap would date the site by updated and the feed by date:
	// updated before date is one of them mistyped.
	if cfg.Date != "" && cfg.Updated != "" && cfg.Updated < cfg.Date {
		return fail("updated", "updated %q is before date %q, the issue date: the content cannot have changed before the plan was issued; correct one of them", cfg.Updated, cfg.Date)
	}
	if cfg.SourceURL != "" {
		if u, err := url.Parse(cfg.SourceURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
			return fail("source_url", "source_url %q must be an absolute http(s) address, such as https://www.gz.gov.cn/…", cfg.SourceURL)
		}
	}
	if cfg.BaseURL != "" {
		if _, _, err := BaseURL(cfg.BaseURL); err != nil {
			return fail("base_url", "base_url %q %v", cfg.BaseURL, err)
		}
	}
	if cfg.Language != "" {
		// The tag is kept as written: it is the pages' lang, and language
		// would rewrite it (zh-cn → zh-CN).
		if _, err := language.Parse(cfg.Language); err != nil {
			return fail("language", "language %q is not a BCP 47 language tag, such as zh-CN or zh-Hans-CN (%v)", cfg.Language, err)
		}
		// language.Parse takes zh_CN too, but HTML's lang does not.
		if strings.Contains(cfg.Language, "_") {
			return fail("language", "language %q is not a BCP 47 language tag: its parts are joined by hyphens, as in %s", cfg.Language, strings.ReplaceAll(cfg.Language, "_", "-"))
		}
	}
	if enc, ok := normalEncoding(cfg.Encoding); ok {
		cfg.Encoding = enc
	} else {
		return fail("encoding", "encoding %q is not one of auto, utf-8, gb18030", cfg.Encoding)
	}
	if problem := tableProblem(cfg.Table); problem != "" {
		return fail("table", "table %q %s", cfg.Table, problem)
	}
	return nil
}

// tableProblem is what is wrong with the table setting, or "".
func tableProblem(name string) string {
	if name == "" {
		return ""
	}
	if !fs.ValidPath(name) || strings.Contains(name, `\`) {
		return "must be a file name inside the content folder"
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".csv", ".xlsx":
		return ""
	}
	return "must be a .csv or an .xlsx file"
}

// The encodings a CSV file may be in. Excel and WPS on Chinese Windows save
// "CSV" in GB18030 (GBK) and "CSV UTF-8" with a byte order mark.
const (
	EncodingAuto    = "auto"
	EncodingUTF8    = "utf-8"
	EncodingGB18030 = "gb18030"
)

// normalEncoding reads the encoding setting of site.toml; ok is false for a
// value it does not know.
func normalEncoding(s string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return EncodingAuto, true
	case "utf-8", "utf8":
		return EncodingUTF8, true
	case "gb18030", "gbk", "gb2312":
		return EncodingGB18030, true
	}
	return "", false
}

// Usable is what of a site.toml that has an error the other files can
// still be read with, so that one run reports their problems too: the
// settings as decoded, each one that is wrong or missing put back to its
// default. The build still stops at the error.
func Usable(cfg Config) Config {
	if enc, ok := normalEncoding(cfg.Encoding); ok {
		cfg.Encoding = enc
	} else {
		cfg.Encoding = EncodingAuto
	}
	for _, y := range []*int{&cfg.StartYear, &cfg.EndYear} {
		if *y < 1900 || *y > 2200 {
			*y = 0
		}
	}
	if cfg.StartYear > cfg.EndYear && cfg.EndYear != 0 {
		cfg.StartYear, cfg.EndYear = 0, 0
	}
	if tableProblem(cfg.Table) != "" {
		cfg.Table = ""
	}
	if cfg.Language == "" {
		cfg.Language = "zh-CN"
	}
	return cfg
}
