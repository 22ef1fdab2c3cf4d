# plansite: `make` builds public/ from the bundled content, `make test` runs the tests.
GO ?= go
BASE_URL ?=
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: all build site test fuzz e2e bench bench-search clean

all: site

# A static binary (CGO_ENABLED=0): only net's resolver would use cgo, and
# the preview server listens on an address it is given. Without the dynamic
# loader a build starts about a millisecond sooner, which is a few per cent
# of a real table's build, and the binary runs on any Linux.
build:
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o bin/plansite ./cmd/plansite

site: build
	./bin/plansite build $(if $(BASE_URL),-base-url $(BASE_URL))

# The browser tests (internal/browser) take 8-10 minutes on a 2-core
# machine, which on a slow day passes go test's default limit of 10 minutes
# for a package; 25 minutes still stops a test that hangs.
test:
	$(GO) vet ./...
	$(GO) test -timeout 25m ./...

# Each fuzz target for a bounded number of runs; FUZZTIME=2000000x (or 1m)
# make fuzz for longer. A count, not a duration: Go 1.26's fuzz coordinator can
# fail a target with "context deadline exceeded" when a duration ends while a
# worker is mid-run (golang/go#75804, fixed in Go 1.27); a count has no deadline.
FUZZTIME ?= 200000x
# The workbook reader runs excelize, whose coverage instrumentation makes a
# guided run take about two seconds an execution on a 2-core machine (the
# same target runs 20,000 a second uninstrumented), so it gets its own count.
FUZZTIME_XLSX ?= 30x
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzImport$$' -fuzztime $(FUZZTIME) ./internal/seed
	$(GO) test -run '^$$' -fuzz '^FuzzSplitDepartments$$' -fuzztime $(FUZZTIME) ./internal/plan
	$(GO) test -run '^$$' -fuzz '^FuzzParseTimeline$$' -fuzztime $(FUZZTIME) ./internal/plan
	$(GO) test -run '^$$' -fuzz '^FuzzSentences$$' -fuzztime $(FUZZTIME) ./internal/plan
	$(GO) test -run '^$$' -fuzz '^FuzzTitleYears$$' -fuzztime $(FUZZTIME) ./internal/plan
	$(GO) test -run '^$$' -fuzz '^FuzzTasksCSV$$' -fuzztime $(FUZZTIME) ./internal/load
	$(GO) test -run '^$$' -fuzz '^FuzzReadAgain$$' -fuzztime $(FUZZTIME) ./internal/load
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeText$$' -fuzztime $(FUZZTIME) ./internal/load
	$(GO) test -run '^$$' -fuzz '^FuzzReadXLSX$$' -fuzztime $(FUZZTIME_XLSX) ./internal/load
	$(GO) test -run '^$$' -fuzz '^FuzzDepartmentsCSV$$' -fuzztime $(FUZZTIME) ./internal/load
	$(GO) test -run '^$$' -fuzz '^FuzzProgressCSV$$' -fuzztime $(FUZZTIME) ./internal/load
	$(GO) test -run '^$$' -fuzz '^FuzzFrontMatter$$' -fuzztime $(FUZZTIME) ./internal/markdown
	$(GO) test -run '^$$' -fuzz '^FuzzReadDocx$$' -fuzztime $(FUZZTIME) ./internal/document
	$(GO) test -run '^$$' -fuzz '^FuzzReadHTML$$' -fuzztime $(FUZZTIME) ./internal/document
	$(GO) test -run '^$$' -fuzz '^FuzzFromDocument$$' -fuzztime $(FUZZTIME) ./internal/importer
	$(GO) test -run '^$$' -fuzz '^FuzzSameText$$' -fuzztime $(FUZZTIME) ./internal/linebreak
	$(GO) test -run '^$$' -fuzz '^FuzzBreaks$$' -fuzztime $(FUZZTIME) ./internal/phrase

# End-to-end: installs what is missing (Debian chromium, fonts-noto-cjk,
# nginx; axe-core and vnu-jar with npm ci), builds the site for
# http://127.0.0.1:PORT/plan/, serves it with nginx and deploy/nginx.conf, and
# checks it in headless Chromium; then the same for the example portal
# (examples/portal). See e2e/env_test.go.
E2EFLAGS ?=
e2e:
	bash e2e/setup.sh
	$(GO) test -tags e2e -count=1 -v -timeout 20m $(E2EFLAGS) ./e2e
	E2E_CONTENT=examples/portal/content $(GO) test -tags e2e -count=1 -v -timeout 20m $(E2EFLAGS) ./e2e

# Search speed in headless Chromium: the real table and 10,000 synthetic
# tasks, milliseconds per query (see internal/browser/bench_test.go).
bench-search:
	$(GO) test -run '^$$' -bench '^BenchmarkSearch$$' -benchtime 1x -timeout 20m ./internal/browser

# Time plansite against Hugo on synthetic tables (BENCH_FLAGS=-sizes 1000,10000 for a shorter run).
bench:
	bash cmd/plansite-bench/bench.sh $(BENCH_FLAGS)

clean:
	rm -rf bin public
