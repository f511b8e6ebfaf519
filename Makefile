# Two commands set everything up on a fresh machine: `make run` and `make test`.
SWIFT ?= swift
BIN := .build/release/ocop
ARGS ?=

.PHONY: run test build deps bench fuzz difftest clean

# libedit-dev provides <histedit.h>; a fresh machine has only the runtime library.
deps:
	@if [ ! -f /usr/include/histedit.h ]; then \
		echo "installing libedit-dev (apt)…"; \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libedit-dev >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product ocop

run: build
	$(BIN) $(ARGS)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build
	python3 Tools/bench.py $(BENCH_ARGS)

clean:
	rm -rf .build
