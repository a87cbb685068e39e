#pragma once
// A swap area as swapon(8) is asked for it: name, size, priority, kind; and the text forms the
// command line, scenario files and the window share.
#include "util/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rs {

enum class SwapKind { HDD, SSD, Zram };

struct SwapDeviceSpec {
    std::string name;             // shown in /proc/swaps, e.g. "/dev/sda2", "/dev/zram0"
    std::uint64_t size_bytes = 0; // whole area, header page included
    int prio = -1;                // -1: automatic (swapon without -p); else 0..32767
    SwapKind kind = SwapKind::SSD;
    double zram_ratio = 3.0;      // compression ratio, for the engine's RAM accounting
    std::vector<std::uint32_t> bad_slots; // from the swap header (mkswap -c)
};

// "HDD", "SSD", "zram": as the window and messages show the kind.
std::string_view swap_kind_name(SwapKind k);
// "hdd", "ssd", "zram": as scenario files and --swap write the kind; and back (empty for
// anything else).
std::string_view swap_kind_key(SwapKind k);
std::optional<SwapKind> swap_kind_from_key(std::string_view key);

// The name of the index-th unnamed swap area of a kind: /dev/sdb1, /dev/sdc1, ... for disks,
// /dev/zram0, /dev/zram1, ... for zram (the command line, scenario files and the window agree).
std::string default_swap_name(SwapKind kind, int index);

// "SIZE[,prio=N][,kind=hdd|ssd|zram][,ratio=R][,name=NAME]" as --swap takes it.
Result<SwapDeviceSpec> parse_swap_spec(std::string_view text, const std::string& default_name);

} // namespace rs
