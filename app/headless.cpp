#include "headless.h"

#include "run_progress.h"

#include "procfs/meminfo.h"
#include "procfs/swaps.h"
#include "procfs/vmstat.h"
#include "procfs/zoneinfo.h"
#include "record/csv.h"
#include "scenario/builtin.h"
#include "util/file_io.h"


#include <sstream>

#include <exception>

int runHeadless(const CliOptions& o, std::FILE* out, std::FILE* err) {
    if (o.list_scenarios) {
        for (const auto& s : rs::builtin_scenarios())
            std::fprintf(out, "%-24s %s\n", s.name.c_str(), s.title.c_str());
        return 0;
    }
    auto engine = rs::Engine::create(o.config);
    if (!engine) {
        std::fprintf(err, "reclaimscope: %s\n", engine.error().c_str());
        return 2;
    }
    auto& e = *engine.value();
    if (o.verbose)
        for (const auto& line : e.boot_log()) std::fprintf(err, "[boot] %s\n", line.c_str());
    // In slices, so a long run can show progress on a terminal.
    const bool ran = runWithProgress(o.duration_ns, 100, err, [&](std::int64_t, std::int64_t to) {
        try {
            e.run_until(to);
        } catch (const std::exception& ex) {
            std::fprintf(err, "reclaimscope: %s\n", ex.what());
            return false;
        }
#ifdef RECLAIMSCOPE_CHECK_INVARIANTS
        if (auto bad = e.check_invariants()) {
            std::fprintf(err, "reclaimscope: invariant violated at %.3f s: %s\n",
                         static_cast<double>(e.now()) / 1e9, bad->c_str());
            return false;
        }
#endif
        return true;
    });
    if (!ran) return 1;
    if (!o.csv_path.isEmpty()) {
        // Written whole or not at all (rs::write_output_file()).
        std::ostringstream csv;
        rs::write_csv(csv, e.recorder());
        if (auto bad = rs::write_output_file(o.csv_path.toStdString(), csv.str())) {
            std::fprintf(err, "reclaimscope: --csv: %s\n", bad->c_str());
            return 1;
        }
    }
    if (o.print_zoneinfo) {
        const std::string text = rs::format_zoneinfo(e.kernel().machine);
        std::fwrite(text.data(), 1, text.size(), out);
    }
    if (o.print_meminfo) {
        const std::string text = rs::format_meminfo(e.kernel());
        std::fwrite(text.data(), 1, text.size(), out);
    }
    if (o.print_swaps) {
        const std::string text = rs::format_swaps(e.kernel());
        std::fwrite(text.data(), 1, text.size(), out);
    }
    if (o.print_events) {
        // The event log: simulated time in seconds, the kind of event, what happened.
        for (const auto& ev : e.kernel().events.items)
            std::fprintf(out, "%12.6f  %-14s %s\n", static_cast<double>(ev.t_ns) / 1e9, rs::event_type_name(ev.type),
                         ev.text.c_str());
    }
    if (o.print_vmstat) {
        const std::string text = rs::format_vmstat(e.kernel());
        std::fwrite(text.data(), 1, text.size(), out);
    }
    return std::ferror(out) ? 1 : 0;
}
