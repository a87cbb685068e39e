#include "run_progress.h"

#include "cli_options.h"

#include <algorithm>
#include <unistd.h>

bool runWithProgress(std::int64_t duration_ns, std::int64_t slices, std::FILE* err,
                     const std::function<bool(std::int64_t from, std::int64_t to)>& run) {
    if (duration_ns <= 0) return true;
    const bool progress = isatty(fileno(err));
    const QByteArray label = Cli::tr("simulating:").toLocal8Bit();
    const std::int64_t slice = std::max<std::int64_t>(duration_ns / slices, 1'000'000);
    for (std::int64_t t = 0; t < duration_ns;) {
        const std::int64_t to = std::min(duration_ns, t + slice);
        if (!run(t, to)) return false;
        t = to;
        if (progress)
            std::fprintf(err, "\r%s %5.1f%%", label.constData(), 100.0 * static_cast<double>(t) / static_cast<double>(duration_ns));
    }
    if (progress) std::fprintf(err, "\r%*s\r", 32, "");
    return true;
}
