#ifndef OCOP_BUILD_INFO_H
#define OCOP_BUILD_INFO_H
/// The git commit ocop was built from ("unknown" for a build outside `make`).
const char *ocop_build_commit(void);
#endif
