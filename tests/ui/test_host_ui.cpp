// The window on this machine (File > Watch This Machine, --host): every view shows what this
// machine's /proc files show, read only, and opening a scenario goes back to simulating.
#include "window_helpers.h"

#include "BigPictureView.h"
#include "CountersView.h"
#include "PressurePlot.h"
#include "SwapView.h"
#include "SysctlEditor.h"
#include "TransportBar.h"
#include "TuningPanel.h"
#include "WatermarkPlot.h"
#include "WatermarkView.h"
#include "host/host_watch.h"
#include "procfs/zoneinfo.h"
#include "scenario/builtin.h"
#include "util/file_io.h"
#include "record/csv.h"
#include "sim/engine.h"

#include <QTemporaryDir>
#include <sstream>

#include <catch2/catch.hpp>

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QStatusBar>

using namespace uitest;

namespace {
std::string readProc(const char* path) {
    auto t = rs::read_text_file(path, 16 << 20);
    REQUIRE(t.ok());
    return t.value();
}
} // namespace

TEST_CASE("File Watch This Machine shows this machine in the views and never changes it") {
    auto w = std::make_unique<MainWindow>(rs::default_scenario(), "test", false);
    w->show();
    REQUIRE(waitFor([&] { return w->lastFrame() != nullptr; }));
    QAction* entry = nullptr;
    for (auto* a : w->findChildren<QAction*>())
        if (a->text() == "&Watch This Machine") entry = a;
    REQUIRE(entry);
    CHECK(entry->shortcut() == QKeySequence("Ctrl+Shift+H"));
    CHECK(entry->toolTip().contains("never"));
    const quint64 simulated = w->lastFrame()->generation;
    entry->trigger();
    // Two readings at 100 ms: the frames are this machine's.
    REQUIRE(waitFor([&] { return w->lastFrame()->generation != simulated && w->lastFrame()->host; }));
    const std::string hostname = readProc("/proc/sys/kernel/hostname");
    const auto& f = *w->lastFrame();
    CHECK(f.title.starts_with("This machine: " + hostname.substr(0, hostname.find('\n')) + ", Linux "));
    CHECK(w->watchingHost());
    // The zones are zoneinfo's, and each populated one has a watermark chart.
    const auto zi = rs::parse_zoneinfo(readProc("/proc/zoneinfo"), "/proc/zoneinfo");
    REQUIRE(zi.ok());
    REQUIRE(f.zones.size() == zi->zones.size());
    std::size_t populated = 0;
    for (std::size_t i = 0; i < f.zones.size(); ++i) {
        CHECK(f.zones[i].name == zi->zones[i].name);
        populated += f.zones[i].populated && f.zones[i].managed > 0;
    }
    REQUIRE(waitFor([&] { return w->watermarkView()->plots().size() == populated; }));
    // Readings keep coming (one frame per reading when the window keeps up).
    const quint64 frames = w->framesReceived();
    REQUIRE(waitFor([&] { return w->framesReceived() >= frames + 3; }));
    // The base watermarks of a zone move only when a sysctl or managed pages change: the chart's
    // min line is this machine's min (zoneinfo's min includes the boost, as the sample does).
    const auto* normal = zi->find(0, "Normal");
    if (normal && normal->get("managed").value_or(0) > 0) {
        const auto& last = w->lastFrame();
        bool found = false;
        for (std::size_t i = 0; i < last->zones.size(); ++i)
            if (last->zones[i].name == "Normal" && !last->samples.empty()) {
                CHECK(last->samples.back().zones[i].min - last->samples.back().zones[i].boost ==
                      *normal->get("min") - *normal->get("boost"));
                found = true;
            }
        if (!found) WARN("no sample in the last frame to compare");
    }
    // The time axes say whose time it is.
    CHECK(w->watermarkView()->plots().front()->xAxis->label() == "time since watching began (s)");
    // The tuning panel shows /proc/sys/vm, read only.
    auto* swappiness = w->tuningPanel()->editor("vm.swappiness");
    REQUIRE(swappiness);
    const std::string procSwappiness = readProc("/proc/sys/vm/swappiness");
    REQUIRE(waitFor([&] { return swappiness->value().toStdString() == procSwappiness.substr(0, procSwappiness.find('\n')); }));
    CHECK_FALSE(swappiness->isEnabled());
    CHECK_FALSE(w->transport()->stepAction()->isEnabled());
    CHECK_FALSE(w->transport()->speedBox()->isEnabled());
    // A write asked for anyway is refused with a message, and /proc/sys/vm is untouched.
    w->requestSysctl("vm.swappiness", "200", QString::fromStdString(procSwappiness).trimmed());
    REQUIRE(waitFor([&] { return w->lastError().contains("never changes"); }));
    closeMessageBoxes(*w);
    CHECK(readProc("/proc/sys/vm/swappiness") == procSwappiness);
    // The Big Picture: functions with a counter are lit from it, the others are not observable.
    REQUIRE(w->lastFrame()->host);
    const auto& observed = w->lastFrame()->kfunc_observed;
    CHECK(observed[rs::F_balance_pgdat]);          // pageoutrun
    CHECK(observed[rs::F_shrink_inactive_list]);   // pgscan_kswapd + pgscan_direct
    CHECK(observed[rs::F_oom_kill_process]);       // oom_kill
    CHECK_FALSE(observed[rs::F_wakeup_kswapd]);    // no counter counts it
    CHECK_FALSE(observed[rs::F_balance_dirty_pages]);
    const std::string vmstat = readProc("/proc/vmstat");
    const std::size_t at = vmstat.find("\npageoutrun ");
    REQUIRE(at != std::string::npos);
    CHECK(w->lastFrame()->kfunc_calls[rs::F_balance_pgdat] >= std::stoull(vmstat.substr(at + 12)));
    // Swap: the areas as /proc/swaps lists them; no slot maps, no swapon.
    w->showView(ViewId::Swap);
    REQUIRE(waitFor([&] { return w->lastFrame()->proc_swaps.starts_with("Filename"); }));
    CHECK(w->lastFrame()->swap.empty());
    // Memory pressure: this kernel's PSI, when it has one.
    if (QFile::exists("/proc/pressure/memory"))
        CHECK(waitFor([&] { return w->watermarkView()->pressurePlot()->hasData(); }));
    // The status bar names the machine.
    bool named = false;
    for (auto* l : w->statusBar()->findChildren<QLabel*>()) named |= l->text().startsWith("This machine: ");
    CHECK(named);
    // Back to a simulation: the controls and the axes come back.
    w->loadBuiltin(QString::fromStdString(rs::builtin_scenarios().front().name));
    REQUIRE(waitFor([&] { return !w->lastFrame()->host; }));
    CHECK(w->tuningPanel()->editor("vm.swappiness")->isEnabled());
    CHECK(w->transport()->stepAction()->isEnabled());
    CHECK(w->watermarkView()->plots().front()->xAxis->label() == "simulated time (s)");
    CHECK_FALSE(w->watermarkView()->pressurePlot()->isVisible());
}

TEST_CASE("the host's Big Picture counters are vmstat items this kernel has or names it lacks") {
    // Every counter a function is lit from is a /proc/vmstat item of this machine, or a fallback
    // for another release.
    const std::string vmstat = readProc("/proc/vmstat");
    for (const auto& c : rs::host_kfunc_counters()) {
        INFO(rs::kfunc_name(c.func));
        const std::string first(c.spec.substr(0, c.spec.find(' ')));
        const std::string item = first.ends_with("*") ? first.substr(0, first.size() - 1) : first + " ";
        CHECK(("\n" + vmstat).find("\n" + item) != std::string::npos);
    }
}

TEST_CASE("File Open Recording shows a CSV in the views with nothing running") {
    // A run's CSV, as --csv writes it.
    auto e = rs::Engine::create(rs::find_builtin_scenario("direct-reclaim-storm")->make());
    REQUIRE(e.ok());
    e.value()->run_until(2'000'000'000);
    std::ostringstream csv;
    rs::write_csv(csv, e.value()->recorder());
    QTemporaryDir dir;
    const QString path = dir.filePath("storm.csv");
    REQUIRE(!rs::write_output_file(path.toStdString(), csv.str()));
    auto w = std::make_unique<MainWindow>(rs::default_scenario(), "test", false);
    w->show();
    REQUIRE(waitFor([&] { return w->lastFrame() != nullptr; }));
    QAction* entry = nullptr;
    for (auto* a : w->findChildren<QAction*>())
        if (a->text() == "Open &Recording…") entry = a;
    REQUIRE(entry);
    CHECK(entry->shortcut() == QKeySequence("Ctrl+Shift+O"));
    w->openRecording(path);
    REQUIRE(waitFor([&] { return w->lastFrame()->recording; }));
    const auto& f = *w->lastFrame();
    CHECK(f.title == "Recording storm.csv");
    CHECK(f.samples.size() == e.value()->recorder().samples.size());
    CHECK(f.sim_time_ns == 2'000'000'000);
    REQUIRE(waitFor([&] { return !w->watermarkView()->plots().empty(); }));
    CHECK_FALSE(w->transport()->playAction()->isEnabled());
    CHECK_FALSE(w->tuningPanel()->editor("vm.swappiness")->isEnabled());
    CHECK(visibleMessageBoxes(*w) == 0); // our own file: nothing to report
    // Running it is refused: there is no kernel behind it.
    uitest::advance(*w, 1'000'000'000);
    REQUIRE(waitFor([&] { return w->lastError().contains("only shown"); }));
    closeMessageBoxes(*w);
    // A cut file is refused with its line; the recording stays.
    const QString cut = dir.filePath("cut.csv");
    const std::string text = csv.str();
    REQUIRE(!rs::write_output_file(cut.toStdString(), text.substr(0, text.size() - 7)));
    const quint64 generation = w->lastFrame()->generation;
    w->openRecording(cut);
    REQUIRE(waitFor([&] { return w->lastError().contains("cut.csv:"); }));
    CHECK(w->lastError().contains("cells, the header has"));
    closeMessageBoxes(*w);
    CHECK(w->lastFrame()->generation == generation);
}
