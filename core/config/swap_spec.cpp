#include "config/swap_spec.h"

#include "util/units.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace rs {

namespace {
std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    for (;;) {
        const auto pos = s.find(sep);
        out.push_back(trim_blanks(s.substr(0, pos)));
        if (pos == std::string_view::npos) return out;
        s.remove_prefix(pos + 1);
    }
}
} // namespace

std::string_view swap_kind_name(SwapKind k) {
    switch (k) {
    case SwapKind::HDD: return "HDD";
    case SwapKind::SSD: return "SSD";
    case SwapKind::Zram: return "zram";
    }
    return "?";
}

std::string_view swap_kind_key(SwapKind k) {
    switch (k) {
    case SwapKind::HDD: return "hdd";
    case SwapKind::SSD: return "ssd";
    case SwapKind::Zram: return "zram";
    }
    return "?";
}

std::optional<SwapKind> swap_kind_from_key(std::string_view key) {
    for (const SwapKind k : {SwapKind::HDD, SwapKind::SSD, SwapKind::Zram})
        if (swap_kind_key(k) == key) return k;
    return std::nullopt;
}

std::string default_swap_name(SwapKind kind, int index) {
    if (kind == SwapKind::Zram) return "/dev/zram" + std::to_string(index);
    return "/dev/sd" + std::string(1, static_cast<char>('b' + index % 25)) + "1";
}

Result<SwapDeviceSpec> parse_swap_spec(std::string_view text, const std::string& default_name) {
    using R = Result<SwapDeviceSpec>;
    const auto parts = split(text, ',');
    SwapDeviceSpec d;
    d.kind = SwapKind::SSD;
    const auto size = parse_size(parts[0]);
    if (!size) return R::failure(size.error());
    d.size_bytes = *size;
    // sys_swapon() refuses an area without its header page and one slot: say so before the run.
    if (d.size_bytes < 2 * 4096)
        return R::failure("size " + std::string(parts[0]) +
                          " is less than 2 pages (8192 bytes): a swap area needs its header page and at least one slot");
    std::vector<std::string_view> seen;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const auto eq = parts[i].find('=');
        const std::string_view key = trim_blanks(parts[i].substr(0, eq));
        const std::string_view value = eq == std::string_view::npos ? std::string_view{} : trim_blanks(parts[i].substr(eq + 1));
        for (const std::string_view k : seen)
            if (k == key) return R::failure("'" + std::string(key) + "=' is given twice");
        seen.push_back(key);
        if (key == "prio") {
            int prio = -1;
            const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), prio);
            if (ec != std::errc{} || p != value.data() + value.size() || prio < 0 || prio > 32767)
                return R::failure("prio must be an integer 0..32767, got '" + std::string(value) + "'");
            d.prio = prio;
        } else if (key == "kind") {
            const auto kind = swap_kind_from_key(value);
            if (!kind) return R::failure("kind must be hdd, ssd or zram, got '" + std::string(value) + "'");
            d.kind = *kind;
        } else if (key == "ratio") {
            try {
                std::size_t used = 0;
                d.zram_ratio = std::stod(std::string(value), &used);
                if (used != value.size()) throw std::invalid_argument("trailing");
            } catch (const std::exception&) {
                return R::failure("ratio must be a number, got '" + std::string(value) + "'");
            }
            if (!(d.zram_ratio >= 1.0) || d.zram_ratio > 100) return R::failure("ratio must be between 1 and 100");
        } else if (key == "name") {
            if (value.empty()) return R::failure("name= needs a device name, e.g. name=/dev/sdb1");
            d.name = std::string(value);
        } else {
            return R::failure("unknown key '" + std::string(key) + "' (expected prio, kind, ratio or name)");
        }
    }
    // As the scenario format says (zram_ratio): the ratio is zram's compression, nothing else's.
    if (d.kind != SwapKind::Zram && std::find(seen.begin(), seen.end(), "ratio") != seen.end())
        return R::failure("ratio= is for kind=zram only (a " + std::string(swap_kind_name(d.kind)) + " area stores pages uncompressed)");
    if (d.name.empty()) d.name = default_name;
    return d;
}

} // namespace rs
