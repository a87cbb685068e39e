#pragma once
// The classic LRU lists of a lruvec (include/linux/mmzone.h: enum lru_list).
#include <string_view>

namespace rs {

enum LruList : int {
    LRU_INACTIVE_ANON,
    LRU_ACTIVE_ANON,
    LRU_INACTIVE_FILE,
    LRU_ACTIVE_FILE,
    LRU_UNEVICTABLE,
    NR_LRU_LISTS
};

constexpr bool is_file_lru(LruList l) { return l == LRU_INACTIVE_FILE || l == LRU_ACTIVE_FILE; }
constexpr bool is_active_lru(LruList l) { return l == LRU_ACTIVE_ANON || l == LRU_ACTIVE_FILE; }

// The node_stat_item names under which /proc/zoneinfo and /proc/vmstat print the list sizes.
constexpr std::string_view lru_node_stat_name(LruList l) {
    switch (l) {
    case LRU_INACTIVE_ANON: return "nr_inactive_anon";
    case LRU_ACTIVE_ANON: return "nr_active_anon";
    case LRU_INACTIVE_FILE: return "nr_inactive_file";
    case LRU_ACTIVE_FILE: return "nr_active_file";
    case LRU_UNEVICTABLE: return "nr_unevictable";
    default: return "?";
    }
}
constexpr std::string_view lru_zone_stat_name(LruList l) {
    switch (l) {
    case LRU_INACTIVE_ANON: return "nr_zone_inactive_anon";
    case LRU_ACTIVE_ANON: return "nr_zone_active_anon";
    case LRU_INACTIVE_FILE: return "nr_zone_inactive_file";
    case LRU_ACTIVE_FILE: return "nr_zone_active_file";
    case LRU_UNEVICTABLE: return "nr_zone_unevictable";
    default: return "?";
    }
}

} // namespace rs
