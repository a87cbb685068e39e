#include "host_record.h"

#include "host/host_source.h"
#include "record/csv.h"
#include "util/build_info.h"
#include "util/file_io.h"

#include <csignal>
#include <ctime>
#include <cerrno>
#include <sstream>
#include <unistd.h>

namespace {

volatile std::sig_atomic_t g_stop = 0;
extern "C" void onStopSignal(int) { g_stop = 1; }

// SIGINT and SIGTERM end the recording (the file is still written) while it runs; the previous
// handlers come back after. Without SA_RESTART, so the sleep between readings wakes at once.
class StopSignals {
public:
    StopSignals() {
        g_stop = 0;
        struct sigaction sa {};
        sa.sa_handler = onStopSignal;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &m_int);
        sigaction(SIGTERM, &sa, &m_term);
    }
    ~StopSignals() {
        sigaction(SIGINT, &m_int, nullptr);
        sigaction(SIGTERM, &m_term, nullptr);
    }
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

private:
    struct sigaction m_int {}, m_term {};
};

std::int64_t monotonicNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// Sleeps until the monotonic time `at`; false when a stop signal came first.
bool sleepUntil(std::int64_t at) {
    timespec ts{static_cast<time_t>(at / 1'000'000'000), static_cast<long>(at % 1'000'000'000)};
    while (!g_stop) {
        const int rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr);
        if (rc == 0) return !g_stop;
        if (rc != EINTR) return !g_stop;
    }
    return false;
}

std::string utcNow() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

void put(std::FILE* out, const std::string& text) { std::fwrite(text.data(), 1, text.size(), out); }

// /proc/PID/status of a real process, by pid (names are ambiguous on a real machine).
bool printProcStatus(const QString& arg, std::FILE* out, std::FILE* err) {
    bool ok = false;
    const int pid = arg.trimmed().toInt(&ok);
    const std::string path = "/proc/" + std::to_string(pid) + "/status";
    auto text = ok && pid > 0 ? rs::read_text_file(path, 1 << 20)
                              : rs::Result<std::string>::failure(tr8(Cli::tr("with --host give a pid")));
    if (!text) {
        std::fprintf(err, "reclaimscope: --print-proc %s: %s\n", arg.toLocal8Bit().constData(), text.error().c_str());
        return false;
    }
    put(out, text.value());
    return true;
}

} // namespace

int runHostHeadless(const CliOptions& o, std::FILE* out, std::FILE* err) {
    auto opened = rs::HostSource::open("/");
    if (!opened) {
        std::fprintf(err, "reclaimscope: --host: %s\n", opened.error().c_str());
        return 1;
    }
    rs::HostSource& host = *opened.value();
    rs::Recorder rec;
    rec.zones = host.zones();
    rec.source = {"source: this machine (reclaimscope --host)", "host: " + host.info().hostname,
                  "kernel: Linux " + host.info().release, "start: " + utcNow(),
                  "interval_ms: " + std::to_string(o.interval_ns / 1'000'000),
                  std::string("reclaimscope: ") + rs::build_version() + " (commit " + rs::build_commit() + ")"};
    // Without --duration a --csv recording runs until it is stopped; the texts need one reading.
    const bool untilStopped = o.duration_ns <= 0 && !o.csv_path.isEmpty();
    const bool progress = isatty(fileno(err));
    const QByteArray label = Cli::tr("recording this machine:").toLocal8Bit();
    const QByteArray howToStop = Cli::tr("(Ctrl+C ends the recording)").toLocal8Bit();
    StopSignals stopSignals;
    rs::HostTexts last;
    const std::int64_t start = monotonicNs();
    std::int64_t shownAt = -1;
    int rc = 0;
    for (std::int64_t i = 0;; ++i) {
        const std::int64_t due = i * o.interval_ns;
        if (!untilStopped && due > o.duration_ns) break;
        if (i > 0 && !sleepUntil(start + due)) break;
        auto texts = host.read();
        auto s = texts ? host.sample(texts.value(), monotonicNs() - start) : rs::Result<rs::Sample>::failure(texts.error());
        if (!s) {
            std::fprintf(err, "%sreclaimscope: --host: %s\n", progress ? "\n" : "", s.error().c_str());
            rc = 1; // what was read so far is still written
            break;
        }
        last = std::move(texts.value());
        rec.add(std::move(s.value()));
        const std::int64_t t = rec.samples.back().t_ns;
        if (progress && (shownAt < 0 || t - shownAt >= 250'000'000)) {
            shownAt = t;
            if (untilStopped)
                std::fprintf(err, "\r%s %.1f s, %zu %s", label.constData(), static_cast<double>(t) / 1e9,
                             rec.samples.size(), howToStop.constData());
            else
                std::fprintf(err, "\r%s %.1f / %.1f s", label.constData(), static_cast<double>(t) / 1e9,
                             static_cast<double>(o.duration_ns) / 1e9);
        }
    }
    if (progress) std::fprintf(err, "\r%*s\r", 72, "");
    if (g_stop)
        std::fprintf(err, "%s\n", qPrintable(Cli::tr("reclaimscope: recording stopped by a signal after %1 readings")
                                                 .arg(rec.samples.size())));
    if (!o.csv_path.isEmpty()) {
        std::ostringstream csv;
        rs::write_csv(csv, rec);
        if (auto bad = rs::write_output_file(o.csv_path.toStdString(), csv.str())) {
            std::fprintf(err, "reclaimscope: --csv: %s\n", bad->c_str());
            return 1;
        }
    }
    if (rec.samples.empty()) return rc ? rc : 1;
    if (o.print_zoneinfo) put(out, last.zoneinfo);
    if (o.print_meminfo) put(out, last.meminfo);
    if (o.print_swaps) put(out, last.swaps);
    for (const auto& arg : o.print_procs)
        if (!printProcStatus(arg, out, err)) return 1;
    if (o.print_vmstat) put(out, last.vmstat);
    return std::ferror(out) ? 1 : rc;
}
