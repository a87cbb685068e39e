#include "config/kernel_version.h"

#include <charconv>

namespace rs {

namespace {
// A whole run of decimal digits (from_chars alone would also take a '-').
std::optional<int> number(std::string_view s) {
    if (s.empty() || s.front() < '0' || s.front() > '9') return std::nullopt;
    int v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
    return v;
}
} // namespace

std::optional<int> parse_kernel_release(std::string_view text) {
    const auto dot = text.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    const auto major = number(text.substr(0, dot));
    const auto minor = number(text.substr(dot + 1));
    // 4.0 is the oldest release whose rules the simulator knows (validate_machine agrees);
    // two digits each keep MAJOR * 100 + MINOR unambiguous.
    if (!major || !minor || *major < 4 || *major > 99 || *minor > 99) return std::nullopt;
    return *major * 100 + *minor;
}

} // namespace rs
