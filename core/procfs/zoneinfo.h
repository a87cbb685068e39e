#pragma once
// /proc/zoneinfo in the kernel's own layout (mm/vmstat.c: zoneinfo_show_print), and a parser
// for real zoneinfo text (complete files, or the grep excerpts people paste).
#include "mm/mmzone.h"
#include "util/result.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rs {

// Prints the machine. Node-wide stats appear once per node, in its first populated zone, as
// the kernel does; unpopulated zones end after their protection line.
std::string format_zoneinfo(const Machine& m);

struct ZoneinfoZone {
    int node = 0;
    std::string name;                 // "DMA32"
    std::map<std::string, std::int64_t> fields; // "pages free", "boost", "min", ... "start_pfn"
    std::vector<std::int64_t> protection;         // empty when the text had no protection line
    std::map<std::string, std::int64_t> stats;    // nr_free_pages, nr_zone_*, numa_* ...
    int line = 0;                                 // where its header is, 1-based

    std::optional<std::int64_t> get(const std::string& key) const;
};

struct ZoneinfoNode {
    int node = 0;
    std::map<std::string, std::int64_t> stats; // the "per-node stats" block
};

struct Zoneinfo {
    std::vector<ZoneinfoZone> zones; // in file order
    std::vector<ZoneinfoNode> nodes;
    // The text has lines only a whole file has (per-node stats, pagesets, start_pfn), not just
    // the lines a grep excerpt keeps; a whole file is checked for being cut short.
    bool whole = false;

    const ZoneinfoZone* find(int node, std::string_view zone) const;
};

// Parses zoneinfo text. `source` names the text in error messages ("file.txt:12: ..."). A
// whole file that was cut short (a populated zone without its last line, start_pfn; an empty
// zone without its protection line; a node without ZONE_MOVABLE, which every kernel has) is
// refused rather than booted as a smaller machine.
Result<Zoneinfo> parse_zoneinfo(std::string_view text, std::string_view source);

// A machine description cloned from parsed zoneinfo: nodes, zones (spanned, present, managed,
// start_pfn), and the pages in use (managed - pages free). Zones missing from the text are
// empty; a text without spanned/present lines (a grep excerpt) takes present = spanned = managed.
Result<MachineSpec> machine_from_zoneinfo(const Zoneinfo& zi, std::string_view source);

} // namespace rs
