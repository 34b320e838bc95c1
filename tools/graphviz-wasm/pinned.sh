# Shared by reproduce.sh and reproduce-font.sh (sourced): check a reproduced third-party file against
# its pinned sha256, then either replace the committed copy (--write) or compare with it.

# require_sha256 FILE EXPECTED WHAT: exit 1 unless FILE hashes to EXPECTED.
require_sha256() {
    local actual
    actual="$(sha256sum "$1" | cut -d' ' -f1)"
    if [ "$actual" != "$2" ]; then
        echo "$(basename "$0"): $3 sha256 is $actual, expected $2" >&2
        exit 1
    fi
}

# write_or_compare REPRODUCED COMMITTED [--write]: replace COMMITTED, or exit 1 when it differs.
write_or_compare() {
    if [ "${3:-}" = "--write" ]; then
        cp "$1" "$2"
        echo "$(basename "$0"): wrote $2"
    elif ! cmp -s "$1" "$2"; then
        echo "$(basename "$0"): $2 differs from the reproduced file (run with --write)" >&2
        exit 1
    else
        echo "$(basename "$0"): $2 matches"
    fi
}
