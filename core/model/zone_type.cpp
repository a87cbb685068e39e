#include "model/zone_type.h"

namespace rs {

std::optional<ZoneType> zone_type_from_name(std::string_view name) {
    for (auto t : {ZoneType::DMA, ZoneType::DMA32, ZoneType::Normal, ZoneType::Movable,
                   ZoneType::Device})
        if (zone_name(t) == name) return t;
    return std::nullopt;
}

} // namespace rs
