#pragma once
// A real machine's state as the recorder's Sample: what one reading of its /proc files gives,
// in the same fields the simulator records (record/sample_fields' table says where each is on
// a host). A series the host does not show is absent (Sample::absent), never a zero.
#include "host/proc_text.h"
#include "procfs/zoneinfo.h"
#include "record/recorder.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rs {

// One reading of the host's files, as text (the Counters view and --print-* show them as read).
struct HostTexts {
    std::string zoneinfo, vmstat, meminfo, swaps;
    std::string pressure; // /proc/pressure/memory; empty: the kernel has no PSI (or it is off)
    struct Kswapd {
        int nid = 0;
        PidStat stat;
    };
    std::vector<Kswapd> kswapd; // each node's kswapd thread, by node
};

// The parsed reading: values by name.
struct HostValues {
    Zoneinfo zoneinfo;
    ProcValues vmstat, meminfo, psi; // psi empty without /proc/pressure/memory
};
Result<HostValues> parse_host_texts(const HostTexts& t);

// The zones as the recorder labels them: in zoneinfo's order (each node lists every zone type
// of the kernel, populated or not), global number = node * zone types + index in its node.
std::vector<ZoneLabel> host_zone_labels(const Zoneinfo& zi);

// A term of SampleField::host, evaluated: nullopt when the host lacks it.
std::optional<std::int64_t> host_field_value(std::string_view spec, const HostValues& v, std::int64_t page_size);

// The sample at t_ns. kswapd counts as balancing when its thread is running or in disk sleep
// (R, D: inside balance_pgdat()) or used CPU since `before` (it ran between the readings),
// else sleeping: a host does not show kswapd_try_to_sleep()'s short nap apart.
Sample host_sample(const HostTexts& now, const HostValues& v, const HostTexts* before, std::int64_t t_ns,
                   std::int64_t page_size);

} // namespace rs
