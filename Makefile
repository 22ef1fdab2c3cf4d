# plansite: `make` builds public/ from the bundled content, `make test` runs the tests.
GO ?= go
BASE_URL ?=
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: all build site test fuzz bench clean

all: site

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o bin/plansite ./cmd/plansite

site: build
	./bin/plansite build $(if $(BASE_URL),-base-url $(BASE_URL))

test:
	$(GO) vet ./...
	$(GO) test ./...

# Each fuzz target for a bounded time; FUZZTIME=1m make fuzz for longer.
FUZZTIME ?= 20s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzImport$$' -fuzztime $(FUZZTIME) ./internal/seed

# Time plansite against Hugo on synthetic tables (BENCH_FLAGS=-sizes 1000,10000 for a shorter run).
bench:
	bash cmd/plansite-bench/bench.sh $(BENCH_FLAGS)

clean:
	rm -rf bin public
