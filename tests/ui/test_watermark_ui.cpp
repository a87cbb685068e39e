// The window, offscreen: frames reach the charts, a slider write reaches the core and moves
// the lines, bad input is refused with a message, the chart exports to a real PNG.
#include "MainWindow.h"
#include "SimulationController.h"
#include "SysctlEditor.h"
#include "TuningPanel.h"
#include "WatermarkPlot.h"
#include "WatermarkView.h"
#include "SwapView.h"
#include "SlotMapWidget.h"
#include "LruView.h"
#include "LruFlowWidget.h"
#include "BigPictureView.h"
#include "CountersView.h"
#include <QTextBrowser>
#include <QTabWidget>
#include <qcustomplot.h>
#include "mm/swap_state.h"
#include "mm/watermarks.h"
#include "procfs/zoneinfo.h"
#include "scenario/builtin.h"

#include <catch2/catch.hpp>

#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include "window_helpers.h"

using uitest::advance;
using uitest::countColor;
using uitest::waitFor;

TEST_CASE("the watermark view fills with the simulated kernel's samples") {
    const rs::EngineConfig cfg = rs::default_scenario();
    MainWindow w(cfg, "test", /*autoplay=*/false);
    w.resize(1300, 900);
    w.show();
    REQUIRE(waitFor([&] { return w.lastFrame() != nullptr; }));
    w.showView(MainWindow::View::Watermarks);
    advance(w, 8'000'000'000);
    REQUIRE(waitFor([&] { return w.lastFrame() && w.lastFrame()->sim_time_ns >= 8'000'000'000; }));

    auto& plots = w.watermarkView()->plots();
    // 2 GiB: ZONE_DMA and ZONE_DMA32 are populated.
    REQUIRE(plots.size() == 2);
    WatermarkPlot* dma32 = plots[1];
    REQUIRE(uitest::waitForReplot(dma32)); // the free-pages graph takes its points at a replot
    CHECK(dma32->zone().name == "DMA32");
    // 8 s at one sample per 10 ms, plus the one at time 0.
    CHECK(dma32->freeGraph()->dataCount() >= 800);
    // The watermark lines keep only their changes and a tail point at the newest sample.
    CHECK(dma32->minGraph()->dataCount() == 2);
    CHECK((dma32->minGraph()->data()->constEnd() - 1)->key == (dma32->freeGraph()->data()->constEnd() - 1)->key);
    // The lines hold the zone's watermarks, as the core computes them.
    auto booted = rs::boot_machine(cfg.machine, cfg.thp);
    const rs::Zone& z = booted.machine.nodes[0].zones[1];
    const auto lastMin = (dma32->minGraph()->data()->constEnd() - 1)->value;
    const auto lastHigh = (dma32->highGraph()->data()->constEnd() - 1)->value;
    CHECK(lastMin == static_cast<double>(z.min_wmark_pages()));
    CHECK(lastHigh == static_cast<double>(z.high_wmark_pages()));
    // kswapd was awake at some point: by 8 s the page cache has filled memory.
    CHECK_FALSE(dma32->kswapdSpans()->spans().empty());
    for (const auto& [a, b] : dma32->kswapdSpans()->spans()) CHECK(b >= a);
    // Pixels: the free-pages line (blue) and the min line (red) are drawn.
    dma32->replot(QCustomPlot::rpImmediateRefresh);
    const QImage img = dma32->grab().toImage();
    CHECK(countColor(img, QColor(31, 119, 180)) > 100);
    CHECK(countColor(img, QColor(214, 39, 40)) > 30);
}

TEST_CASE("a slider value reaches the core and moves the lines and bad input changes nothing") {
    const rs::EngineConfig cfg = rs::default_scenario();
    MainWindow w(cfg, "test", false);
    w.show();
    REQUIRE(waitFor([&] { return w.lastFrame() != nullptr; }));
    advance(w, 1'000'000'000);

    SysctlEditor* ed = w.tuningPanel()->editor("vm.min_free_kbytes");
    REQUIRE(ed);
    ed->commitText("400000");
    // The views take a frame in the same call that makes it the last one: no further wait.
    REQUIRE(waitFor([&] { return w.lastFrame() && w.lastFrame()->sysctl.min_free_kbytes == 400000; }));

    // What the kernel's rules give for this machine after the same write.
    auto booted = rs::boot_machine(cfg.machine, cfg.thp);
    rs::apply_sysctl_write(booted.machine, booted.sysctl, rs::SysctlWrite{"vm.min_free_kbytes", {400000}});
    for (WatermarkPlot* p : w.watermarkView()->plots()) {
        const rs::Zone& z = booted.machine.nodes[0].zones[static_cast<std::size_t>(p->zone().global)];
        INFO(p->zone().name);
        CHECK((p->minGraph()->data()->constEnd() - 1)->value == static_cast<double>(z.min_wmark_pages()));
        CHECK((p->lowGraph()->data()->constEnd() - 1)->value == static_cast<double>(z.low_wmark_pages()));
        CHECK((p->highGraph()->data()->constEnd() - 1)->value == static_cast<double>(z.high_wmark_pages()));
    }
    CHECK(ed->slider()->value() > 0);

    // watermark_scale_factor 5000 is outside the kernel's 1..3000: refused with the reason.
    SysctlEditor* scale = w.tuningPanel()->editor("vm.watermark_scale_factor");
    REQUIRE(scale);
    scale->commitText("5000");
    CHECK(scale->errorText().contains("out of range"));
    CHECK(scale->errorText().contains("1..3000"));
    advance(w, 10'000'000);
    REQUIRE(waitFor([&] { return w.lastFrame()->sim_time_ns >= 1'010'000'000; }));
    CHECK(w.lastFrame()->sysctl.watermark_scale_factor == 10);
    scale->commitText("200");
    REQUIRE(waitFor([&] { return w.lastFrame()->sysctl.watermark_scale_factor == 200; }));
    CHECK(scale->errorText().isEmpty());
}

TEST_CASE("the chart exports to a PNG with every zone") {
    MainWindow w(rs::default_scenario(), "test", false);
    w.show();
    REQUIRE(waitFor([&] { return w.lastFrame() != nullptr; }));
    advance(w, 3'000'000'000);
    REQUIRE(waitFor([&] { return w.lastFrame()->sim_time_ns >= 3'000'000'000; }));
    QTemporaryDir dir;
    const QString path = dir.filePath("chart.png");
    CHECK(w.exportChart(path).isEmpty());
    QImage img(path);
    REQUIRE_FALSE(img.isNull());
    CHECK(img.width() == 1600);
    CHECK(img.height() > 2 * 400);
    // Unwritable target: a message naming the file, and nothing left behind.
    const QString bad = dir.filePath("no/such/dir/chart.png");
    const QString err = w.exportChart(bad);
    CHECK(err.contains(bad));
    CHECK_FALSE(QFile::exists(bad));
}

TEST_CASE("direct reclaim and OOM kills are marked on the watermark charts") {
    const auto* s = rs::find_builtin_scenario("direct-reclaim-oom");
    REQUIRE(s);
    MainWindow w(s->make(), "test", false);
    w.show();
    REQUIRE(waitFor([&] { return w.lastFrame() != nullptr; }));
    advance(w, 16'000'000'000);
    REQUIRE(waitFor([&] { return w.lastFrame() && w.lastFrame()->sim_time_ns >= 16'000'000'000; }));
    WatermarkPlot* dma32 = w.watermarkView()->plots().at(1);
    REQUIRE(uitest::waitForReplot(dma32));
    CHECK(dma32->directReclaimGraph()->dataCount() > 10);
    // One red "OOM kill" label among the plot's items.
    int oomLabels = 0;
    for (int i = 0; i < dma32->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(dma32->item(i)))
            oomLabels += text->text().startsWith("OOM kill: leaky");
    CHECK(oomLabels == 1);
    // And the swappiness slider shows the kernel's default.
    REQUIRE(w.tuningPanel()->editor("vm.swappiness"));
    CHECK(w.tuningPanel()->editor("vm.swappiness")->value() == "60");
}

TEST_CASE("the swap view shows the slot map and the swap traffic") {
    auto cfg = rs::find_builtin_scenario("mixed-pressure")->make();
    cfg.swap_devices.push_back(rs::SwapDeviceSpec{.name = "/dev/sdb1", .size_bytes = 256ull << 20, .kind = rs::SwapKind::SSD});
    MainWindow w(cfg, "test", false);
    w.resize(1300, 900);
    w.show();
    REQUIRE(waitFor([&] { return w.lastFrame() != nullptr; }));
    advance(w, 20'000'000'000);
    REQUIRE(waitFor([&] { return w.lastFrame() && w.lastFrame()->sim_time_ns >= 20'000'000'000; }));
    w.showView(MainWindow::View::Swap);
    REQUIRE(uitest::waitForReplot(w.swapView()->plot()));
    REQUIRE(w.swapView()->maps().size() == 1);
    SlotMapWidget* map = w.swapView()->maps()[0];
    // 256 MiB: 65536 slots, drawn one cell each; the frame's snapshot matches the device.
    CHECK(map->cellCount() == 65536);
    const auto& snap = map->snapshot();
    std::uint32_t used = 0;
    for (auto s : snap.slot_states) used += s != rs::SlotState::Free && s != rs::SlotState::Bad;
    CHECK(used == snap.inuse_pages);
    // The same configuration run by the core alone has the same slots in use at 20 s.
    auto alone = rs::Engine::create(cfg).value();
    alone->run_until(20'000'000'000);
    const auto* swapsys = &alone->kernel().swap;
    REQUIRE(swapsys);
    REQUIRE(rs::swap_snapshot(swapsys->space()).size() == 1);
    CHECK(snap.inuse_pages == rs::swap_snapshot(swapsys->space())[0].inuse_pages);
    CHECK(used > 1000);
    // Hovering a slot names it, its state and its swap_map count.
    for (std::size_t i = 0; i < snap.slot_states.size(); ++i)
        if (snap.slot_states[i] == rs::SlotState::InUse) {
            const QString tip = map->cellText(static_cast<int>(i));
            CHECK(tip.startsWith(QString("/dev/sdb1, slot %1 (cluster %2)").arg(i).arg(i / 512)));
            CHECK(tip.contains(QString("count %1,").arg(snap.swap_map[i] & 0x3f)));
            CHECK(tip.contains("not in the swap cache"));
            break;
        }
    // Pixels: the used colours appear in the drawn map.
    const QImage img = map->grab().toImage();
    CHECK(countColor(img, SlotMapWidget::colorOf(rs::SlotState::CacheOnly), 10) +
              countColor(img, SlotMapWidget::colorOf(rs::SlotState::InUse), 10) > 1000);
    // The usage chart holds the samples, in MiB.
    auto* used_graph = w.swapView()->plot()->graph(0);
    REQUIRE(used_graph->dataCount() > 1000);
    // Its newest value is the slots in use at the newest sample, in MiB: close to the map's count.
    const double last_mib = (used_graph->data()->constEnd() - 1)->value;
    REQUIRE(!alone->recorder().samples.empty());
    CHECK(last_mib == Approx(static_cast<double>(alone->recorder().samples.back().swap_used) * 4.0 / 1024.0));
    CHECK(last_mib > 10.0);
    CHECK(last_mib <= static_cast<double>(snap.inuse_pages) * 4.0 / 1024.0 + 1.0);
}

TEST_CASE("swap off and swap on from the swap view reach the core") {
    auto cfg = rs::find_builtin_scenario("mixed-pressure")->make();
    cfg.sysctl_writes.push_back(rs::SysctlWrite{"vm.swappiness", {200}});
    cfg.swap_devices.push_back(rs::SwapDeviceSpec{.name = "/dev/sdb1", .size_bytes = 1ull << 30, .kind = rs::SwapKind::SSD});
    MainWindow w(cfg, "test", false);
    w.show();
    REQUIRE(waitFor([&] { return w.lastFrame() != nullptr; }));
    advance(w, 15'000'000'000);
    REQUIRE(waitFor([&] { return w.lastFrame() && w.lastFrame()->sim_time_ns >= 15'000'000'000; }));
    REQUIRE(w.lastFrame()->swap.size() == 1);
    REQUIRE(w.lastFrame()->swap[0].inuse_pages > 1000);
    emit w.swapView()->swapoffRequested("/dev/sdb1");
    advance(w, 5'000'000'000);
    // swapoff brought everything back: the area is gone from the frame and the log says so.
    REQUIRE(waitFor([&] { return w.lastFrame() && w.lastFrame()->swap.empty(); }));
    bool done = false;
    for (const auto& e : w.lastFrame()->events) done |= e.text.find("swapoff /dev/sdb1: done") != std::string::npos;
    CHECK(done);
    // A new area, named after the first free /dev/sdX1.
    emit w.swapView()->swaponRequested("512M,prio=3");
    advance(w, 1'000'000'000);
    REQUIRE(waitFor([&] { return w.lastFrame() && w.lastFrame()->swap.size() == 1; }));
    CHECK(w.lastFrame()->swap[0].name == "/dev/sdb1");
    CHECK(w.lastFrame()->swap[0].prio == 3);
    // A malformed spec changes nothing.
    emit w.swapView()->swaponRequested("lots");
    REQUIRE(waitFor([&] { return w.lastError().startsWith("swapon lots: "); }));
    advance(w, 100'000'000); // to 15 + 5 + 1 + 0.1 s
    REQUIRE(waitFor([&] { return w.lastFrame()->sim_time_ns == 21'100'000'000; }));
    CHECK(w.lastFrame()->swap.size() == 1);
}

TEST_CASE("a malformed scenario file is refused and the running simulation stays") {
    MainWindow w(rs::default_scenario(), "test", false);
    w.show();
    REQUIRE(waitFor([&] { return w.lastFrame() != nullptr; }));
    advance(w, 2'000'000'000);
    REQUIRE(waitFor([&] { return w.lastFrame() && w.lastFrame()->sim_time_ns >= 2'000'000'000; }));
    const auto generation = w.lastFrame()->generation;
    const QString bad = QString(RS_TEST_DATA) + "/scenarios/bad/15-bad-rate.json";
    const auto refused = uitest::openScenario(w, bad);
    REQUIRE(refused.answered);
    CHECK_FALSE(refused.ok);
    CHECK(refused.message.startsWith(bad + ": /tasks/0/phases/0/rate: "));
    CHECK(w.lastError() == refused.message);
    advance(w, 100'000'000);
    REQUIRE(waitFor([&] { return w.lastFrame()->sim_time_ns == 2'100'000'000; })); // the run went on
    CHECK(w.lastFrame()->generation == generation); // still the same run
    // A valid file replaces it: a new run from time 0 with the file's title.
    const QString good = QString(RS_TEST_DATA) + "/scenarios/good/replay.json";
    CHECK(uitest::openScenario(w, good).ok);
    REQUIRE(waitFor([&] { return w.lastFrame() && w.lastFrame()->generation != generation; }));
    CHECK(w.lastFrame()->title == "Replay a page-access trace");
    REQUIRE(waitFor([&] { return w.windowTitle().endsWith("Replay a page-access trace"); }));
}

TEST_CASE("the LRU view stacks the list sizes and shows the flows of the last second") {
    MainWindow w(rs::find_builtin_scenario("mixed-pressure")->make(), "test", false);
    w.show();
    REQUIRE(waitFor([&] { return w.lastFrame() != nullptr; }));
    advance(w, 10'000'000'000);
    REQUIRE(waitFor([&] { return w.lastFrame() && w.lastFrame()->sim_time_ns >= 10'000'000'000; }));
    w.showView(MainWindow::View::Lru);
    auto* plot = w.lruView()->plot();
    REQUIRE(uitest::waitForReplot(plot));
    REQUIRE(plot->graphCount() == 5);
    // The top of the stack is every list together, in MiB, as the kernel counts them.
    const auto& last = w.lastFrame()->samples.empty() ? rs::Sample{} : w.lastFrame()->samples.back();
    double total = 0;
    for (const auto& n : last.nodes)
        for (auto v : n.lru) total += static_cast<double>(v);
    const QCPGraph* top = plot->graph(4);
    REQUIRE(top->dataCount() > 900);
    CHECK(std::abs((top->data()->constEnd() - 1)->value - total * 4096.0 / (1 << 20)) < 0.01);
    // The flows: pages are allocated and file pages reclaimed while the backup streams.
    const LruFlows& f = w.lruView()->flows()->flows();
    CHECK(f.alloc > 1000);
    CHECK(f.steal_file > 1000);
    // The list sizes of the newest sample, summed over the nodes (LRU_INACTIVE_FILE here).
    std::int64_t inactive_file = 0;
    for (const auto& n : last.nodes) inactive_file += n.lru[2];
    CHECK(f.lru[2] == Approx(static_cast<double>(inactive_file)));
    CHECK(inactive_file > 0);
    // Drawn: the flow diagram is not blank.
    const QImage img = w.lruView()->flows()->grab().toImage();
    CHECK(countColor(img, QColor(170, 205, 240), 6) > 500); // the inactive-file box
}

TEST_CASE("the Big Picture lights the functions that run and explains a clicked one") {
    MainWindow w(rs::find_builtin_scenario("direct-reclaim-storm")->make(), "test", false);
    w.show();
    REQUIRE(waitFor([&] { return w.lastFrame() != nullptr; }));
    advance(w, 3'000'000'000);
    REQUIRE(waitFor([&] { return w.lastFrame() && w.lastFrame()->sim_time_ns >= 3'000'000'000; }));
    w.showView(MainWindow::View::BigPicture);
    auto* canvas = w.bigPictureView()->canvas();
    // The storm: allocations, kswapd and direct reclaim all run; nobody is OOM-killed.
    CHECK(canvas->rate(rs::F___alloc_pages) > 1000);
    CHECK(canvas->rate(rs::F_try_to_free_pages) > 0);
    CHECK(canvas->rate(rs::F_shrink_folio_list) > 0);
    CHECK(canvas->rate(rs::F_out_of_memory) == 0);
    // The frames came at 0 s and at 3 s: each rate is its calls in between, per second, as the
    // core alone counts them.
    auto alone = rs::Engine::create(rs::find_builtin_scenario("direct-reclaim-storm")->make()).value();
    alone->run_until(0);
    const auto at0 = alone->kernel().trace.calls;
    alone->run_until(3'000'000'000);
    const auto at3 = alone->kernel().trace.calls;
    for (rs::KFunc fn : {rs::F___alloc_pages, rs::F_try_to_free_pages, rs::F_shrink_folio_list}) {
        INFO(rs::kfunc_name(fn));
        CHECK(canvas->rate(fn) == Approx(static_cast<double>(at3[fn] - at0[fn]) / 3.0));
    }
    // The rate is the counter's change over the last simulated second.
    CHECK(canvas->totals()[rs::F___alloc_pages] == w.lastFrame()->kfunc_calls[rs::F___alloc_pages]);
    canvas->select(rs::F_shrink_folio_list);
    const QString text = w.bigPictureView()->details();
    CHECK(text.contains("shrink_folio_list()"));
    CHECK(text.contains("mm/vmscan.c"));
    CHECK(text.contains("keep, activate"));
    // Lit nodes are drawn in the hot colour.
    const QImage img = canvas->grab().toImage();
    CHECK(countColor(img, QColor(255, 170, 40), 40) > 200);
}

TEST_CASE("the counters view shows the live proc files and marks what changed") {
    MainWindow w(rs::default_scenario(), "test", false);
    w.show();
    REQUIRE(waitFor([&] { return w.lastFrame() != nullptr; }));
    w.showView(MainWindow::View::Counters);
    advance(w, 3'000'000'000);
    REQUIRE(waitFor([&] { return w.lastFrame() && w.lastFrame()->sim_time_ns >= 3'000'000'000; }));
    auto* cv = w.countersView();
    const QString zoneinfo = cv->page(0)->toPlainText();
    CHECK(zoneinfo.contains("Node 0, zone    DMA32"));
    CHECK(zoneinfo.contains("pages free"));
    // Another second of the stream: free pages and counters move, and those lines are marked.
    advance(w, 1'000'000'000);
    REQUIRE(waitFor([&] { return w.lastFrame()->sim_time_ns >= 4'000'000'000; }));
    // The lines marked are those that differ between the kernel's zoneinfo at 3 s and at 4 s.
    auto alone = rs::Engine::create(rs::default_scenario()).value();
    alone->run_until(3'000'000'000);
    const QStringList at3 = QString::fromStdString(rs::format_zoneinfo(alone->kernel().machine)).split('\n');
    alone->run_until(4'000'000'000);
    const QStringList at4 = QString::fromStdString(rs::format_zoneinfo(alone->kernel().machine)).split('\n');
    REQUIRE(at3.size() == at4.size());
    int differ = 0;
    for (qsizetype i = 0; i + 1 < at4.size(); ++i) differ += at3[i] != at4[i]; // the text ends in a newline
    CHECK(cv->changedLines(0) == differ);
    CHECK(differ > 0);
    CHECK(cv->page(0)->toHtml().contains("#ffe98a"));
    // The text is the kernel's format, the same as --print-zoneinfo writes.
    CHECK(cv->page(0)->toPlainText().trimmed() == QString::fromStdString(w.lastFrame()->proc_zoneinfo).trimmed());
}
