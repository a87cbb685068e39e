#include "record/recorder.h"

namespace rs {

void Recorder::add(Sample s) {
    if (samples.size() >= max_samples) {
        // Keep memory bounded on very long runs: drop every other sample of the older half.
        const std::size_t half = samples.size() / 2;
        thinned_before_ns = samples[half].t_ns;
        ++thin_count;
        std::size_t out = 0;
        for (std::size_t i = 0; i < samples.size(); ++i)
            if (i >= half || i % 2 == 0) samples[out++] = std::move(samples[i]);
        samples.resize(out);
    }
    samples.push_back(std::move(s));
}

std::string format_event_text(const char* fmt, const std::vector<std::string>& args) {
    std::string out;
    for (const char* p = fmt; *p; ++p) {
        const int n = p[0] == '%' && p[1] >= '1' && p[1] <= '9' ? p[1] - '1' : -1;
        if (n >= 0 && static_cast<std::size_t>(n) < args.size()) {
            out += args[static_cast<std::size_t>(n)];
            ++p;
        } else {
            out += *p;
        }
    }
    return out;
}

const char* event_type_name(EventType t) {
    switch (t) {
    case EventType::KswapdWake: return "kswapd-wake";
    case EventType::KswapdSleep: return "kswapd-sleep";
    case EventType::AllocStall: return "alloc-stall";
    case EventType::DirectReclaim: return "direct-reclaim";
    case EventType::OomKill: return "oom-kill";
    case EventType::SysctlChange: return "sysctl";
    case EventType::Swap: return "swap";
    case EventType::Note: return "note";
    }
    return "?";
}

} // namespace rs
