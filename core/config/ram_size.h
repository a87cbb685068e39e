#pragma once
// The RAM of a synthetic x86-64 machine (x86_64_machine()): a size from kMinRamBytes to
// kMaxRamBytes, at least kMinRamBytes per node. One set of rules for the loader and the CLI.
#include "util/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rs {

// "4.0 MiB is outside the supported range 64.0 MiB .. 256 GiB", or nothing when it fits.
std::optional<std::string> check_ram_size(std::uint64_t bytes);
// "4 nodes leave less than 64.0 MiB each", or nothing when every node gets enough.
std::optional<std::string> check_ram_per_node(std::uint64_t bytes, int nodes);
// parse_size() then check_ram_size(), as --ram takes it.
Result<std::uint64_t> parse_ram_size(std::string_view text);

} // namespace rs
