# Two commands set everything up on a fresh machine: `make run` and `make test`.
SWIFT ?= swift
BIN := .build/release/ocop
ARGS ?=

.PHONY: run test build deps bench bench-deps fuzz difftest test-sanitize faults clean install uninstall manual buildinfo

# libedit-dev provides <histedit.h>; a fresh machine has only the runtime library.
deps:
	@if [ ! -f /usr/include/histedit.h ]; then \
		echo "installing libedit-dev (apt)…"; \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libedit-dev >/dev/null; \
	fi
	@# the differential test compares ocop's answers with sqlite3's
	@if ! command -v sqlite3 >/dev/null; then \
		echo "installing sqlite3 (apt)…"; \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq sqlite3 >/dev/null; \
	fi
	@# the install test reads the installed manual page with man -l; the pager test drives less
	@if ! command -v man >/dev/null || ! command -v less >/dev/null; then \
		echo "installing man-db and less (apt)…"; \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq man-db less >/dev/null; \
	fi

	@# spreadsheet tests: real writers make the fixtures and read exports back (issue 15)
	@python3 -c "import openpyxl, xlsxwriter" 2>/dev/null || { \
		echo "installing openpyxl, xlsxwriter (pip)…"; \
		python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore openpyxl==3.1.5 xlsxwriter==3.3.1; }
	@# a real spreadsheet program opens the exported workbooks (~1 minute to install here)
	@if ! command -v soffice >/dev/null; then \
		echo "installing libreoffice-calc-nogui (apt)…"; \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null; \
	fi

build: deps buildinfo
	$(SWIFT) build -c release --product ocop

# The commit `ocop --version` names (Sources/BuildInfo): rewritten only when it changed, and
# then the one C file that includes it is touched so that it alone is rebuilt.
COMMIT = $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)$(shell git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || echo +changes)
buildinfo:
	@mkdir -p Sources/BuildInfo/generated
	@echo '#define OCOP_COMMIT "$(COMMIT)"' > Sources/BuildInfo/generated/commit.h.new
	@if cmp -s Sources/BuildInfo/generated/commit.h.new Sources/BuildInfo/generated/commit.h; then \
		rm Sources/BuildInfo/generated/commit.h.new; \
	else mv Sources/BuildInfo/generated/commit.h.new Sources/BuildInfo/generated/commit.h; touch Sources/BuildInfo/BuildInfo.c; fi

# `make install` (PREFIX=~/.local needs no root): the release binary, the manual page that
# swift-argument-parser's generate-manual plugin writes from the command's own help, and the
# bash, zsh and fish completions the binary generates. `make uninstall PREFIX=…` removes them.
PREFIX ?= /usr/local
MANUAL_CONFIG ?= release
MANPAGE = .build/plugins/GenerateManual/outputs/ocop/ocop.1
manual: buildinfo
	$(SWIFT) package plugin generate-manual --configuration $(MANUAL_CONFIG) --date $$(git log -1 --format=%cs 2>/dev/null || date +%F) \
		--authors "ocop contributors" >/dev/null
	@test -f $(MANPAGE) || { echo "generate-manual wrote no $(MANPAGE)"; exit 1; }

install: build manual
	Tools/install.sh $(BIN) $(MANPAGE) $(DESTDIR)$(PREFIX)

uninstall:
	Tools/install.sh --uninstall $(DESTDIR)$(PREFIX)

run: build
	$(BIN) $(ARGS)

# Every data folder the tests read (the sample, the fixtures, the examples) is checksummed
# before and after the whole suite: a test run must not write into them.
DATASUM = find Sources/OCOPKit/Sample Tests/OCOPKitTests/Fixtures Examples -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum

# the install test (InstallTests) installs the debug binary with the manual page made from it
test: deps
	$(SWIFT) build --build-tests
	$(MAKE) manual MANUAL_CONFIG=debug
	@$(DATASUM) > .build/data-before.sha256
	OCOP_REQUIRE_MANUAL=1 $(SWIFT) test --skip-build
	@$(DATASUM) | diff -u .build/data-before.sha256 - \
		&& echo "data folders unchanged: $$(wc -l < .build/data-before.sha256) files checksummed before and after the suite"

# The fault suite's slow and root-only tests (bind mounts, signal loops during exports,
# truncation races): Tests/OCOPKitTests/FaultTests.swift. The cheap fault tests run in `make test`.
faults: deps
	$(SWIFT) build --build-tests
	OCOP_FAULTS=1 $(SWIFT) test --skip-build --filter FaultTests

# Issue 17's benchmark (optional, not part of `make test`): ocop vs DuckDB vs sqlite3, every
# answer checked three ways; writes BENCHMARKS.md. BENCH_SIZES=10000,1000000,10000000 adds the
# optional 10M size (about 2.5 GB of CSV in bench-data/); BENCH_ARGS="--runs 1" for a quick run.
BENCH_SIZES ?=
BENCH_XLSX_SIZES ?= 20000,1000000
bench: build bench-deps
	python3 Tools/bench.py $(if $(BENCH_SIZES),--sizes $(BENCH_SIZES)) --xlsx-sizes "$(BENCH_XLSX_SIZES)" $(BENCH_ARGS)

# The .xlsx load is compared with python-calamine and openpyxl (Tools/bench_xlsx.py), whose
# workbooks xlsxwriter writes: for make bench only, not make test.
bench-deps:
	@python3 -c "import python_calamine, openpyxl, xlsxwriter" 2>/dev/null || { \
		echo "installing python-calamine, openpyxl, xlsxwriter (pip)…"; \
		python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore python-calamine==0.9.1 openpyxl==3.1.5 xlsxwriter==3.3.1; }

# Differential testing against sqlite3: N random statements on each dataset (release build).
N ?= 100000
difftest: deps
	$(SWIFT) build -c release --build-tests -Xswiftc -enable-testing --scratch-path .build-difftest
	OCOP_DIFF_N=$(N) $(SWIFT) test -c release --skip-build --scratch-path .build-difftest --filter DifferentialTests

# libFuzzer on the parser, the CSV and JSON loaders and whole statements: FUZZ_SECONDS each.
FUZZ_SECONDS ?= 60
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) Tools/fuzz.sh

# The whole test suite under AddressSanitizer (leaks included: the suppressions file lists
# the few in XCTest and Foundation), then ThreadSanitizer.
test-sanitize: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tools/lsan-suppressions.txt:print_suppressions=0 \
		$(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	$(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan

clean:
	rm -rf .build
