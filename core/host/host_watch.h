#pragma once
// Watching this machine live: readings at an interval into a recorder, and frames for the
// views like the simulator's (record/frame_builder.h), so every view shows the host the same
// way. Qt-free; the window's controller calls it on its worker thread.
#include "host/host_source.h"
#include "mm/sysctl.h"
#include "mm/trace.h"
#include "record/frame_builder.h"

#include <array>
#include <memory>

namespace rs {

// The Big Picture on a host: each function lit from the /proc/vmstat counter that counts it
// (host_field_value()'s spec), or none: not observable without tracing.
struct HostKfuncCounter {
    KFunc func;
    std::string_view spec;
    std::string_view unit; // what one count is: "calls" or "pages"
};
std::span<const HostKfuncCounter> host_kfunc_counters();

// The integers of ROOT/proc/sys/vm/NAME for a row of the table ("67584", or "256\t256\t32\t0\t0"
// for a list): nullopt when the host has no such file, an error naming the file when it holds
// something else.
Result<std::optional<std::vector<std::int64_t>>> read_host_sysctl(const std::string& root, const ctl_table& t);

// The vm.* sysctls of the table (mm/sysctl.h) as /proc/sys/vm shows them; one the host lacks
// (or cannot be read) keeps the simulator's boot default and is listed in `missing`.
VmSysctl read_host_sysctls(const std::string& root, int nr_zone_types, std::vector<std::string>* missing = nullptr);

class HostWatch {
public:
    static Result<std::unique_ptr<HostWatch>> open(const std::string& root = "/", std::int64_t interval_ns = 100'000'000);

    // Reads the host when an interval has passed since the previous reading (t_ns: time since
    // open()); true when it read. A failed read is an error naming the file.
    Result<bool> poll(std::int64_t t_ns);
    // The frame of now: the readings since the previous frame and the host's state (sysctls,
    // /proc texts when wanted; no swap slot maps, no processes: the host does not show them).
    void build(FrameWants wants, FrameData& out);

    const Recorder& recorder() const { return m_rec; }
    const HostInfo& info() const { return m_source->info(); }
    std::int64_t interval_ns() const { return m_interval_ns; }

private:
    HostWatch() = default;
    std::string m_root;
    std::unique_ptr<HostSource> m_source;
    std::int64_t m_interval_ns = 0;
    int m_nr_zone_types = 1; // zones per node, as zoneinfo lists them
    std::int64_t m_next_ns = 0;
    Recorder m_rec;
    FrameBuilder m_frames;
    HostTexts m_last;
    HostValues m_values;
    VmSysctl m_sysctl;
    std::int64_t m_sysctl_read_ns = -1; // re-read once a second: a host's admin may change them
};

} // namespace rs
