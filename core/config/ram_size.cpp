#include "config/ram_size.h"

#include "model/machine_spec.h"
#include "util/units.h"

namespace rs {

std::optional<std::string> check_ram_size(std::uint64_t bytes) {
    if (bytes >= kMinRamBytes && bytes <= kMaxRamBytes) return std::nullopt;
    return format_size(bytes) + " is outside the supported range " + format_size(kMinRamBytes) + " .. " +
           format_size(kMaxRamBytes);
}

std::optional<std::string> check_ram_per_node(std::uint64_t bytes, int nodes) {
    if (nodes >= 1 && bytes / static_cast<std::uint64_t>(nodes) >= kMinRamBytes) return std::nullopt;
    return std::to_string(nodes) + " nodes leave less than " + format_size(kMinRamBytes) + " each";
}

Result<std::uint64_t> parse_ram_size(std::string_view text) {
    const auto size = parse_size(text);
    if (!size) return size;
    if (auto bad = check_ram_size(*size)) return Result<std::uint64_t>::failure(*bad);
    return size;
}

} // namespace rs
