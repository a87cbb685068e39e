#include "util/units.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace rs {

namespace {
std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}
bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}
} // namespace

Result<std::int64_t> parse_int(std::string_view text) {
    text = trim(text);
    std::int64_t v = 0;
    const char* b = text.data();
    const char* e = text.data() + text.size();
    if (!text.empty() && text.front() == '+') ++b;
    auto [p, ec] = std::from_chars(b, e, v);
    if (text.empty() || ec != std::errc() || p != e) {
        if (ec == std::errc::result_out_of_range)
            return Result<std::int64_t>::failure("'" + std::string(text) + "' is out of range");
        return Result<std::int64_t>::failure("'" + std::string(text) + "' is not an integer");
    }
    return v;
}

Result<std::uint64_t> parse_size(std::string_view text) {
    // memparse(): a whole number and a binary suffix; no decimals (the docs say "1536M", not "1.5G").
    const std::string_view orig = trim(text);
    std::size_t i = 0;
    while (i < orig.size() && std::isdigit(static_cast<unsigned char>(orig[i]))) ++i;
    const std::string_view suffix = trim(orig.substr(i));
    auto fail = [&](const std::string& why) { return Result<std::uint64_t>::failure("'" + std::string(orig) + "' " + why); };
    const char* kExpected = "is not a size (expected a whole number with an optional K, M, G or T suffix, e.g. 4G)";
    if (i < orig.size() && orig[i] == '.')
        return fail("is not a size: no decimals (write \"1536M\" for 1.5G; K, M, G and T are binary units)");
    if (i == 0) return fail(kExpected);
    std::uint64_t value = 0;
    if (std::from_chars(orig.data(), orig.data() + i, value).ec != std::errc{}) return fail("is too large");
    int shift = -1;
    if (suffix.empty() || iequals(suffix, "b")) shift = 0;
    else if (iequals(suffix, "k") || iequals(suffix, "kb") || iequals(suffix, "kib")) shift = 10;
    else if (iequals(suffix, "m") || iequals(suffix, "mb") || iequals(suffix, "mib")) shift = 20;
    else if (iequals(suffix, "g") || iequals(suffix, "gb") || iequals(suffix, "gib")) shift = 30;
    else if (iequals(suffix, "t") || iequals(suffix, "tb") || iequals(suffix, "tib")) shift = 40;
    if (shift < 0) return fail(kExpected);
    if (value > (std::uint64_t{INT64_MAX} >> shift)) return fail("is too large (at most 8 EiB - 1)");
    return value << shift;
}

Result<std::int64_t> parse_duration_ns(std::string_view text) {
    const std::string_view orig = trim(text);
    std::size_t i = 0;
    while (i < orig.size() && (std::isdigit(static_cast<unsigned char>(orig[i])) || orig[i] == '.'))
        ++i;
    const std::string number(orig.substr(0, i));
    const std::string_view suffix = trim(orig.substr(i));
    auto fail = [&] {
        return Result<std::int64_t>::failure(
            "'" + std::string(orig) + "' is not a duration (expected e.g. 30s, 250ms, 2m)");
    };
    if (number.empty() || number.front() == '.') return fail();
    double value = 0;
    try {
        std::size_t used = 0;
        value = std::stod(number, &used);
        if (used != number.size()) return fail();
    } catch (...) {
        return fail();
    }
    double mult;
    if (suffix == "ns") mult = 1;
    else if (suffix == "us") mult = 1e3;
    else if (suffix == "ms") mult = 1e6;
    else if (suffix.empty() || suffix == "s") mult = 1e9;
    else if (suffix == "m" || suffix == "min") mult = 60e9;
    else if (suffix == "h") mult = 3600e9;
    else return fail();
    const double ns = value * mult;
    if (!(ns < 0x1p62)) return Result<std::int64_t>::failure("'" + std::string(orig) + "' is too long");
    return static_cast<std::int64_t>(std::llround(ns));
}

std::string format_size(std::uint64_t bytes) {
    char buf[64];
    if (bytes >= (1ull << 30) && bytes % (1ull << 30) == 0)
        std::snprintf(buf, sizeof buf, "%llu GiB", static_cast<unsigned long long>(bytes >> 30));
    else if (bytes >= (1ull << 30))
        std::snprintf(buf, sizeof buf, "%.2f GiB", static_cast<double>(bytes) / 0x1p30);
    else if (bytes >= (1ull << 20))
        std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / 0x1p20);
    else if (bytes >= 1024)
        std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(bytes) / 1024.0);
    else
        std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
    return buf;
}

std::string format_duration(std::int64_t ns) {
    char buf[64];
    const double s = static_cast<double>(ns) / 1e9;
    if (ns >= 60'000'000'000LL)
        std::snprintf(buf, sizeof buf, "%lldm %05.2fs", static_cast<long long>(ns / 60'000'000'000LL),
                      std::fmod(s, 60.0));
    else if (ns >= 1'000'000'000LL)
        std::snprintf(buf, sizeof buf, "%.3f s", s);
    else
        std::snprintf(buf, sizeof buf, "%.3f ms", static_cast<double>(ns) / 1e6);
    return buf;
}

} // namespace rs
