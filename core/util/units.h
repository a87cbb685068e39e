#pragma once
// Parsing and printing of sizes ("4G", "512MiB") and durations ("10s", "250ms").
#include "util/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace rs {

// The text without leading and trailing spaces and tabs (the separators of option values such
// as --swap and --at).
inline std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Sizes: a number with an optional binary suffix K, M, G, T (KiB/MiB/.. and KB/MB/.. are the
// same binary units, as in the kernel's memparse()). No suffix means bytes.
Result<std::uint64_t> parse_size(std::string_view text);
// Durations in nanoseconds: ns, us, ms, s, m, h; no suffix means seconds.
Result<std::int64_t> parse_duration_ns(std::string_view text);
std::string format_size(std::uint64_t bytes);
std::string format_duration(std::int64_t ns);
// Strict integer parsing (whole string, optional sign), for sysctl values.
Result<std::int64_t> parse_int(std::string_view text);

} // namespace rs
