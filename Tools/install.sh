#!/bin/sh
# Installs ocop under PREFIX: the binary, its manual page and bash, zsh and fish completions.
#   Tools/install.sh BINARY MANPAGE PREFIX        (make install runs it)
#   Tools/install.sh --uninstall PREFIX           (make uninstall)
# The manual page comes from swift-argument-parser's generate-manual plugin and the completion
# scripts from the binary itself (--generate-completion-script), so both follow the options.
set -eu
files() {
    echo "$1/bin/ocop"
    echo "$1/share/man/man1/ocop.1"
    echo "$1/share/bash-completion/completions/ocop"
    echo "$1/share/zsh/site-functions/_ocop"
    echo "$1/share/fish/vendor_completions.d/ocop.fish"
}
if [ "${1:-}" = "--uninstall" ]; then
    [ $# -eq 2 ] || { echo "usage: $0 --uninstall PREFIX" >&2; exit 2; }
    for f in $(files "$2"); do
        if [ -e "$f" ]; then rm -f "$f" && echo "removed $f"; fi
    done
    exit 0
fi
[ $# -eq 3 ] || { echo "usage: $0 BINARY MANPAGE PREFIX" >&2; exit 2; }
bin=$1 man=$2 prefix=$3
[ -x "$bin" ] || { echo "$0: no binary at $bin (make build first)" >&2; exit 2; }
[ -f "$man" ] || { echo "$0: no manual page at $man" >&2; exit 2; }
# completions are made before anything is copied: a binary that cannot make them installs nothing
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for shell in bash zsh fish; do "$bin" --generate-completion-script "$shell" > "$tmp/$shell"; done
install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
    "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 "$bin" "$prefix/bin/ocop"
install -m 644 "$man" "$prefix/share/man/man1/ocop.1"
install -m 644 "$tmp/bash" "$prefix/share/bash-completion/completions/ocop"
install -m 644 "$tmp/zsh" "$prefix/share/zsh/site-functions/_ocop"
install -m 644 "$tmp/fish" "$prefix/share/fish/vendor_completions.d/ocop.fish"
for f in $(files "$prefix"); do echo "installed $f"; done
