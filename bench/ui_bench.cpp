// UI benchmarks, offscreen: replotting the views with 1 M points per series, and the UI
// thread's longest stall while the engine runs as fast as it can. JSON lines on stdout.
//   ui_bench [--smoke]
#include "CrossThread.h"
#include "MainWindow.h"
#include "SimulationController.h"
#include "SwapView.h"
#include "WatermarkPlot.h"
#include "WatermarkView.h"
#include "scenario/builtin.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// A frame of n samples shaped like a real run of the machine (a saw-tooth of free pages).
FramePtr synthetic_frame(std::size_t n) {
    auto e = rs::Engine::create(rs::find_builtin_scenario("mixed-pressure")->make()).value();
    e->run_until(20'000'000);
    const rs::Sample shape = e->recorder().samples.back();
    auto f = std::make_shared<Frame>();
    f->generation = 1;
    f->title = "ui_bench";
    f->zones = e->recorder().zones;
    f->samples.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        rs::Sample s = shape;
        s.t_ns = static_cast<std::int64_t>(i) * 10'000'000;
        for (auto& z : s.zones) z.free = z.free ? static_cast<std::int64_t>(z.low + (z.high - z.low) * (1.0 + std::sin(i * 0.01))) : 0;
        s.swap_used = static_cast<std::int64_t>(i % 50000);
        s.pswpin = i * 3;
        s.pswpout = i * 4;
        s.nodes[0].kswapd_phase = static_cast<rs::KswapdPhase>((i / 500) % rs::kNrKswapdPhases);
        f->samples.push_back(std::move(s));
    }
    f->sim_time_ns = f->samples.back().t_ns;
    return f;
}

} // namespace

int main(int argc, char** argv) {
    const bool smoke = argc > 1 && std::strcmp(argv[1], "--smoke") == 0;
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName("ReclaimScopeBench"); // keep the user's settings out of it
    qRegisterMetaType<FramePtr>("FramePtr");
    const std::size_t points = smoke ? 20'000 : 1'000'000;

    // 1. Frame intake and replot of every chart of the watermark and swap views.
    const FramePtr frame = synthetic_frame(points);
    WatermarkView watermarks;
    SwapView swap;
    watermarks.resize(1600, 1000);
    swap.resize(1600, 1000);
    watermarks.show();
    swap.show();
    QElapsedTimer t;
    t.start();
    watermarks.onFrame(frame);
    swap.onFrame(frame);
    const double intake_ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
    watermarks.setWindowSeconds(1e9); // everything visible
    watermarks.setFitAllData(true);
    std::vector<QCustomPlot*> plots;
    for (auto* p : watermarks.plots()) plots.push_back(p);
    plots.push_back(swap.plot());
    std::size_t series = 0;
    for (auto* p : plots) series += static_cast<std::size_t>(p->graphCount());
    std::vector<double> replot;
    for (int r = 0; r < (smoke ? 3 : 15); ++r) {
        t.restart();
        for (auto* p : plots) p->replot(QCustomPlot::rpImmediateRefresh);
        replot.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    std::printf("{\"bench\":\"ui_replot_all_charts\",\"points_per_series\":%zu,\"charts\":%zu,\"series\":%zu,"
                "\"frame_intake_ms\":%.1f,\"replot_ms_median\":%.2f}\n",
                points, plots.size(), series, intake_ms, median(replot));
    std::fprintf(stderr, "replot of %zu charts (%zu series, %zu points each): median %.2f ms; frame intake %.1f ms\n",
                 plots.size(), series, points, median(replot), intake_ms);

    // 2. The UI thread's longest stall while the engine runs flat out (speed 0).
    MainWindow w(rs::find_builtin_scenario("mixed-pressure")->make(), "ui_bench", false);
    w.resize(1600, 1000);
    w.show();
    auto* c = w.controller();
    postCall(c, [c] { c->setSpeed(0); c->play(); });
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    std::vector<double> gaps;
    double worstAt = 0, worstSeen = 0;
    double startupGap = 0; // the window's first show, layout and paint: before the engine is up to speed
    std::vector<double> steady; // gaps after the first second
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last) {
            const double gap = static_cast<double>(now - last) / 1e6;
            gaps.push_back(gap);
            if (now < 1'000'000'000) startupGap = std::max(startupGap, gap);
            else steady.push_back(gap);
            if (gap > worstSeen) {
                worstSeen = gap;
                worstAt = static_cast<double>(now) / 1e9;
            }
        }
        last = now;
    });
    probe.start(1);
    QTimer::singleShot(smoke ? 1000 : 10000, &app, &QApplication::quit);
    app.exec();
    std::sort(steady.begin(), steady.end());
    const double worst = steady.empty() ? 0 : steady.back();
    const double p99 = steady.empty() ? 0 : steady[steady.size() * 99 / 100];
    const double sim_s = w.lastFrame() ? static_cast<double>(w.lastFrame()->sim_time_ns) / 1e9 : 0;
    std::printf("{\"bench\":\"ui_thread_stall\",\"wall_s\":%d,\"max_gap_ms\":%.1f,\"p99_gap_ms\":%.2f,"
                "\"startup_gap_ms\":%.1f,\"frames\":%llu,\"sim_s\":%.1f}\n",
                smoke ? 1 : 10, worst, p99, startupGap, static_cast<unsigned long long>(w.framesReceived()), sim_s);
    std::fprintf(stderr, "UI thread with the engine at full speed, after the first second: longest gap %.1f ms, p99 %.2f ms; "
                 "first second (window shown): %.1f ms; overall worst %.1f ms at %.2f s; %llu frames, %.1f s simulated\n",
                 worst, p99, startupGap, worstSeen, worstAt, static_cast<unsigned long long>(w.framesReceived()), sim_s);
    return 0;
}
