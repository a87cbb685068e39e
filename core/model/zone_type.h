#pragma once
// Zone types of an x86-64 kernel (include/linux/mmzone.h: enum zone_type).
#include <cstdint>
#include <optional>
#include <string_view>

namespace rs {

enum class ZoneType : std::uint8_t { DMA, DMA32, Normal, Movable, Device };

// Upper bound on MAX_NR_ZONES for the configurations we simulate (DMA, DMA32, Normal, Movable,
// Device). A machine may have fewer (no CONFIG_ZONE_DEVICE, as in the seed chapter's kernel).
inline constexpr int kMaxZoneTypes = 5;

constexpr std::string_view zone_name(ZoneType t) {
    switch (t) {
    case ZoneType::DMA: return "DMA";
    case ZoneType::DMA32: return "DMA32";
    case ZoneType::Normal: return "Normal";
    case ZoneType::Movable: return "Movable";
    case ZoneType::Device: return "Device";
    }
    return "?";
}

std::optional<ZoneType> zone_type_from_name(std::string_view name);

} // namespace rs
