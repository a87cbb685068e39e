#include "mm/mmzone.h"

namespace rs {

namespace {
struct KswapdPhaseName {
    const char* name;
    const char* where;
};
constexpr KswapdPhaseName kKswapdPhases[kNrKswapdPhases] = {
    {"sleeping", ""},
    {"napping", "kswapd_try_to_sleep"},
    {"balancing", "balance_pgdat"},
};
} // namespace

const char* kswapd_phase_name(KswapdPhase p) { return kKswapdPhases[static_cast<int>(p)].name; }
const char* kswapd_phase_where(KswapdPhase p) { return kKswapdPhases[static_cast<int>(p)].where; }

const Zone* Pgdat::first_populated_zone() const {
    for (const auto& z : zones)
        if (z.populated()) return &z;
    return nullptr;
}

std::optional<int> Machine::zone_index(ZoneType t) const {
    for (int i = 0; i < nr_zone_types(); ++i)
        if (zone_types[static_cast<std::size_t>(i)] == t) return i;
    return std::nullopt;
}

int Machine::normal_zone_index() const {
    int best = 0;
    for (int i = 0; i < nr_zone_types(); ++i)
        if (zone_types[static_cast<std::size_t>(i)] <= ZoneType::Normal) best = i;
    return best;
}

void Machine::for_each_zone(const std::function<void(Zone&)>& fn) {
    for (auto& n : nodes)
        for (auto& z : n.zones) fn(z);
}

void Machine::for_each_zone(const std::function<void(const Zone&)>& fn) const {
    for (const auto& n : nodes)
        for (const auto& z : n.zones) fn(z);
}

std::uint64_t Machine::totalram_pages() const {
    std::uint64_t sum = 0;
    for_each_zone([&](const Zone& z) { sum += z.managed_pages; });
    return sum;
}

} // namespace rs
