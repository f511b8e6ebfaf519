// The commit `make build` writes to generated/commit.h (gitignored) before building; a plain
// `swift build` has none and says "unknown". A C file, not Swift: clang tracks the header it
// includes, so a new commit recompiles this one file and relinks, nothing else.
#include "BuildInfo.h"
#if __has_include("generated/commit.h")
#include "generated/commit.h"
#endif
#ifndef OCOP_COMMIT
#define OCOP_COMMIT "unknown"
#endif

const char *ocop_build_commit(void) { return OCOP_COMMIT; }
