// The window's controls, offscreen: every sysctl of the tuning panel with undo, event markers
// on every time chart, stepping, scrubbing back through history, exports of every view and of
// the data, the y axis in MiB, the dark palette, and remembered settings.
#include "BigPictureView.h"
#include "CountersView.h"
#include "LruFlowWidget.h"
#include "LruView.h"
#include "ScenarioBrowser.h"
#include "SwapView.h"
#include "SysctlEditor.h"
#include "TransportBar.h"
#include "TuningPanel.h"
#include "WatermarkPlot.h"
#include "WatermarkView.h"
#include "window_helpers.h"

#include "mm/sysctl.h"
#include "mm/watermarks.h"
#include "scenario/builtin.h"

#include <qcustomplot.h>

#include <catch2/catch.hpp>

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QListWidget>
#include <QSettings>
#include <QSlider>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace uitest;

namespace {

int markersLabelled(QCustomPlot* plot, const QString& prefix) {
    int n = 0;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto* t = qobject_cast<QCPItemText*>(plot->item(i))) n += t->text().startsWith(prefix);
    return n;
}

std::string kernelValue(const MainWindow& w, const QString& name) {
    return rs::read_sysctl(w.lastFrame()->sysctl, name.toStdString(), w.lastFrame()->nr_zone_types);
}

// A value in the kernel's range other than the current one.
QString otherValue(const QString& name, const std::string& current) {
    if (name == "vm.lowmem_reserve_ratio") { // one value per zone type of the machine
        QStringList out;
        for (const QString& v : QString::fromStdString(current).split(' ')) out << (v == "128" ? "64" : "128");
        return out.join(' ');
    }
    if (name == "vm.min_free_kbytes") return "200000";
    if (name == "vm.zone_reclaim_mode") return current == "1" ? "0" : "1";
    if (name == "vm.page-cluster") return current == "0" ? "2" : "0";
    return current == "50" ? "40" : "50";
}

} // namespace

TEST_CASE("every sysctl of the tuning panel reaches the core and undo restores it") {
    const rs::EngineConfig cfg = rs::default_scenario();
    MainWindow w(cfg, "test", false);
    w.show();
    REQUIRE(runTo(w, 500'000'000));
    auto* panel = w.tuningPanel();
    // All ten of the kernel's sysctls the simulator models, in the table's order.
    REQUIRE(panel->editors().size() == rs::sysctl_table().size());
    REQUIRE(panel->editors().size() == 10);
    std::map<QString, std::string> before;
    for (auto* e : panel->editors()) {
        before[e->sysctl()] = kernelValue(w, e->sysctl());
        CHECK(e->value().toStdString() == before[e->sysctl()]); // the panel shows the kernel's value
        CHECK_FALSE(e->toolTip().isEmpty());
    }
    int pushed = 0;
    for (auto* e : panel->editors()) {
        INFO(e->sysctl().toStdString());
        const QString v = otherValue(e->sysctl(), before[e->sysctl()]);
        e->commitText(v);
        CHECK(e->errorText().isEmpty());
        REQUIRE(waitFor([&] { return kernelValue(w, e->sysctl()) == v.toStdString(); }));
        CHECK(w.undoStack()->count() == ++pushed);
    }
    // min_free_kbytes moved the lines as the kernel's handler does.
    auto booted = rs::boot_machine(cfg.machine, cfg.thp);
    const rs::Zone& z = booted.machine.nodes[0].zones[1];
    WatermarkPlot* dma32 = w.watermarkView()->plots().at(1);
    REQUIRE(waitFor([&] { return (dma32->minGraph()->data()->constEnd() - 1)->value != static_cast<double>(z.min_wmark_pages()); }));
    // Each write is marked on every time chart: the zone charts, the swap chart, the LRU chart.
    advance(w, 20'000'000); // the writes took no simulated time: 0.5 s + 20 ms
    REQUIRE(waitFor([&] { return w.lastFrame()->sim_time_ns == 520'000'000; }));
    for (QCustomPlot* plot : {static_cast<QCustomPlot*>(dma32), w.swapView()->plot(), w.lruView()->plot()}) {
        CHECK(markersLabelled(plot, "vm.swappiness = ") == 1);
        CHECK(markersLabelled(plot, "vm.lowmem_reserve_ratio = ") == 1);
    }
    // Undo, newest first, writes every old value back.
    while (w.undoStack()->canUndo()) w.undoStack()->undo();
    for (auto* e : panel->editors()) {
        INFO(e->sysctl().toStdString());
        // lowmem_reserve_ratio of a two-zone machine: the values of its zone types.
        REQUIRE(waitFor([&] { return kernelValue(w, e->sysctl()) == before[e->sysctl()]; }));
    }
    // The watermarks are the boot values again.
    advance(w, 10'000'000);
    REQUIRE(waitFor([&] { return (dma32->minGraph()->data()->constEnd() - 1)->value == static_cast<double>(z.min_wmark_pages()); }));
    CHECK((dma32->highGraph()->data()->constEnd() - 1)->value == static_cast<double>(z.high_wmark_pages()));
    // Redo applies the first change again.
    w.undoStack()->redo();
    REQUIRE(waitFor([&] { return kernelValue(w, "vm.min_free_kbytes") == "200000"; }));
    // A value out of the kernel's range is refused in place and pushes nothing.
    const int count = w.undoStack()->count();
    panel->editor("vm.page-cluster")->commitText("32");
    CHECK(panel->editor("vm.page-cluster")->errorText().contains("0..31"));
    CHECK(w.undoStack()->count() == count);
}

TEST_CASE("stepping runs one millisecond or one kswapd pass") {
    MainWindow w(rs::default_scenario(), "test", false);
    w.show();
    REQUIRE(runTo(w, 6'000'000'000));
    const qint64 t0 = w.lastFrame()->sim_time_ns;
    w.transport()->stepAction()->trigger();
    REQUIRE(waitFor([&] { return w.lastFrame()->sim_time_ns == t0 + 1'000'000; }));
    CHECK_FALSE(w.transport()->running());
    // One kswapd pass: kswapd_shrink_node ran once more, and the run stopped right after.
    const auto passes = w.lastFrame()->kfunc_calls[rs::F_kswapd_shrink_node];
    const qint64 t1 = w.lastFrame()->sim_time_ns;
    w.transport()->stepPassAction()->trigger();
    REQUIRE(waitFor([&] { return w.lastFrame()->kfunc_calls[rs::F_kswapd_shrink_node] > passes; }, 20000));
    CHECK(w.lastFrame()->kfunc_calls[rs::F_kswapd_shrink_node] == passes + 1);
    CHECK(w.lastFrame()->sim_time_ns > t1);
    CHECK(w.lastError().isEmpty());
}

TEST_CASE("scrubbing shows the recorded values of the chosen moment") {
    MainWindow w(rs::find_builtin_scenario("mixed-pressure")->make(), "test", false);
    w.resize(1400, 900);
    w.show();
    // Every sample the simulation publishes, as the views receive them.
    std::vector<rs::Sample> samples;
    QObject::connect(w.controller(), &SimulationController::frameReady, &w, [&](const FramePtr& f) {
        samples.insert(samples.end(), f->samples.begin(), f->samples.end());
    }, Qt::QueuedConnection);
    REQUIRE(runTo(w, 32'000'000'000));
    REQUIRE(waitFor([&] { return !samples.empty() && samples.back().t_ns == 32'000'000'000; }));
    w.showView(MainWindow::View::Counters);
    const qint64 t = 4'500'000'000;
    w.transport()->reviewAt(t);
    REQUIRE(waitFor([&] { return w.lastMoment() != nullptr; }));
    const auto& m = *w.lastMoment();
    CHECK(m.sample.t_ns == t); // one sample per 10 ms
    auto at = std::find_if(samples.begin(), samples.end(), [&](const rs::Sample& s) { return s.t_ns == t; });
    REQUIRE(at != samples.end());
    // The watermark header names that moment's values.
    const QString text = w.watermarkView()->momentText();
    CHECK(text.contains("Reviewing t = 4.500 s"));
    CHECK(text.contains(QString("DMA32 free %1 (min %2").arg(at->zones[1].free).arg(at->zones[1].min)));
    // The charts are centred on it, with the cursor there.
    WatermarkPlot* dma32 = w.watermarkView()->plots().at(1);
    CHECK(dma32->xAxis->range().contains(4.5));
    CHECK(dma32->xAxis->range().upper < 31.0); // live, the window ends at 32 s
    // The counters show the recorded sample.
    const QString counters = w.countersView()->momentText();
    CHECK(counters.contains("# recorded at t = 4.500 s"));
    CHECK(counters.contains(QString("  %1 %2\n").arg("pgsteal_file", -26).arg(at->pgsteal_file)));
    // The LRU flows are the rates of the second before it.
    auto second = std::find_if(samples.begin(), samples.end(), [&](const rs::Sample& s) { return s.t_ns == t - 1'000'000'000; });
    REQUIRE(second != samples.end());
    const LruFlows& f = w.lruView()->flows()->flows();
    CHECK(f.steal_file == Approx(static_cast<double>(at->pgsteal_file - second->pgsteal_file)));
    CHECK(f.alloc == Approx(static_cast<double>(at->pgalloc - second->pgalloc)));
    // A second back (Ctrl+Left).
    w.transport()->backAction()->trigger();
    REQUIRE(waitFor([&] { return w.lastMoment() && w.lastMoment()->sample.t_ns == t - 1'000'000'000; }));
    // Live again: the review is gone and the charts follow the present.
    w.transport()->liveAction()->trigger();
    CHECK(w.watermarkView()->momentText().isEmpty());
    CHECK(w.countersView()->momentText().isEmpty());
    CHECK(w.lastMoment() == nullptr);
    CHECK(dma32->xAxis->range().contains(31.9));
}

TEST_CASE("exports: all views as one PDF or a file each at chosen sizes and CSV of a range") {
    MainWindow w(rs::find_builtin_scenario("mixed-pressure")->make(), "test", false);
    w.show();
    REQUIRE(runTo(w, 6'000'000'000));
    REQUIRE(waitForReplot(w.watermarkView()->plots().at(1)));
    QTemporaryDir dir;
    // One PDF, a page per view with a chart (watermarks, swap, LRU, Big Picture, Processes).
    const QString pdf = dir.filePath("all.pdf");
    CHECK(w.exportAllViews(pdf).isEmpty());
    QFile f(pdf);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    CHECK(bytes.startsWith("%PDF"));
    // Page objects ("/Type /Page" not followed by "s", which is the page tree).
    int pages = 0;
    for (qsizetype at = bytes.indexOf("/Type /Page"); at >= 0; at = bytes.indexOf("/Type /Page", at + 1))
        pages += bytes.mid(at + 11, 1) != "s";
    CHECK(pages == 5);
    // PNG: one file per view, at the chosen width.
    CHECK(w.exportAllViews(dir.filePath("run.png"), QSize(1200, 300)).isEmpty());
    for (const char* v : {"watermarks", "swap", "lru", "big-picture", "processes"}) {
        INFO(v);
        QImage img(dir.filePath(QString("run-%1.png").arg(v)));
        REQUIRE_FALSE(img.isNull());
        CHECK(img.width() == 1200);
    }
    CHECK(QImage(dir.filePath("run-watermarks.png")).height() == 56 + 2 * 300); // title + two zones
    // SVG of the current view: a valid drawing with the title in it.
    w.showView(MainWindow::View::Lru);
    const QString svg = dir.filePath("lru.svg");
    CHECK(w.exportChart(svg, QSize(1000, 500)).isEmpty());
    QSvgRenderer renderer(svg);
    CHECK(renderer.isValid());
    QFile s(svg);
    REQUIRE(s.open(QIODevice::ReadOnly));
    CHECK(s.readAll().contains("LRU list sizes"));
    // The counters view has no chart: a clear message, no file.
    w.showView(MainWindow::View::Counters);
    CHECK(w.exportChart(dir.filePath("counters.png")).contains("no chart"));
    CHECK_FALSE(QFile::exists(dir.filePath("counters.png")));
    // CSV: the whole run, then the visible range only.
    QString written, error = "none";
    QObject::connect(&w, &MainWindow::csvExported, &w, [&](const QString& p, const QString& e) { written = p; error = e; });
    w.exportCsv(dir.filePath("all.csv"));
    REQUIRE(waitFor([&] { return written == dir.filePath("all.csv"); }));
    CHECK(error.isEmpty());
    QFile all(dir.filePath("all.csv"));
    REQUIRE(all.open(QIODevice::ReadOnly));
    const auto rows = all.readAll().split('\n');
    CHECK(rows.size() == 1 + 601 + 1); // header, a row per 10 ms sample from 0 to 6 s, after the last newline nothing
    w.exportCsv(dir.filePath("range.csv"), 2'000'000'000, 3'000'000'000);
    REQUIRE(waitFor([&] { return written == dir.filePath("range.csv"); }));
    QFile range(dir.filePath("range.csv"));
    REQUIRE(range.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = range.readAll().trimmed().split('\n');
    CHECK(lines.size() == 1 + 101); // 2.00 .. 3.00 s inclusive
    CHECK(lines.at(1).startsWith("2.000,"));
    CHECK(lines.back().startsWith("3.000,"));
    // An unwritable target: the reason, and nothing written.
    w.exportCsv(dir.filePath("no/such/dir/x.csv"));
    REQUIRE(waitFor([&] { return written.endsWith("x.csv"); }));
    CHECK(error.contains("no/such/dir/x.csv"));
}

TEST_CASE("the watermark axis in MiB and the dark palette") {
    const rs::EngineConfig cfg = rs::default_scenario();
    MainWindow w(cfg, "test", false);
    w.resize(1300, 900);
    w.show();
    REQUIRE(runTo(w, 2'000'000'000));
    WatermarkPlot* dma32 = w.watermarkView()->plots().at(1);
    REQUIRE(waitForReplot(dma32));
    auto booted = rs::boot_machine(cfg.machine, cfg.thp);
    const rs::Zone& z = booted.machine.nodes[0].zones[1];
    w.watermarkView()->setUnitMiB(true);
    CHECK(dma32->yAxis->label() == "MiB");
    CHECK((dma32->minGraph()->data()->constEnd() - 1)->value == Approx(static_cast<double>(z.min_wmark_pages()) * 4.0 / 1024.0));
    REQUIRE(runTo(w, 2'500'000'000));
    CHECK((dma32->minGraph()->data()->constEnd() - 1)->value == Approx(static_cast<double>(z.min_wmark_pages()) * 4.0 / 1024.0));
    w.watermarkView()->setUnitMiB(false);
    CHECK((dma32->minGraph()->data()->constEnd() - 1)->value == Approx(static_cast<double>(z.min_wmark_pages())));

    // Dark: the charts draw on a dark background with light text; exports stay black on white.
    w.setTheme(Theme::Dark);
    REQUIRE(waitForReplot(dma32)); // the palette change re-coloured the chart (PlotThemer)
    dma32->replot(QCustomPlot::rpImmediateRefresh);
    const QImage dark = dma32->grab().toImage();
    CHECK(dark.pixelColor(3, dark.height() / 2).lightness() < 60);
    QTemporaryDir dir;
    CHECK(w.exportChart(dir.filePath("w.png")).isEmpty());
    const QImage exported(dir.filePath("w.png"));
    CHECK(exported.pixelColor(3, exported.height() / 2).lightness() > 240);
    dma32->replot(QCustomPlot::rpImmediateRefresh);
    CHECK(dma32->grab().toImage().pixelColor(3, dark.height() / 2).lightness() < 60); // dark again after the export
    w.setTheme(Theme::System);
    QSettings().remove("view");
}

TEST_CASE("the layout and the current view and the options round-trip through the settings") {
    QSettings().clear();
    {
        MainWindow w(rs::default_scenario(), "test", false);
        w.show();
        REQUIRE(waitFor([&] { return w.lastFrame() != nullptr; }));
        // Swap beside the others instead of tabbed with them, the event log closed, LRU current.
        QDockWidget* swap = w.viewDock(MainWindow::View::Swap);
        w.addDockWidget(Qt::RightDockWidgetArea, swap);
        w.findChild<QDockWidget*>("eventLogDock")->close();
        w.showView(MainWindow::View::Lru);
        w.watermarkView()->setUnitMiB(true);
        QSettings().setValue("view/watermarksMiB", true);
        w.close(); // saves
    }
    {
        MainWindow w(rs::default_scenario(), "test", false);
        w.show();
        REQUIRE(waitFor([&] { return w.lastFrame() != nullptr; }));
        CHECK(w.dockWidgetArea(w.viewDock(MainWindow::View::Swap)) == Qt::RightDockWidgetArea);
        CHECK(w.dockWidgetArea(w.viewDock(MainWindow::View::Watermarks)) == Qt::LeftDockWidgetArea);
        CHECK_FALSE(w.findChild<QDockWidget*>("eventLogDock")->isVisible());
        CHECK(w.currentView() == MainWindow::View::Lru);
        CHECK(w.watermarkView()->unitMiB());
        w.close();
    }
    // A layout saved by another version of the docks is not applied: the default comes back.
    QSettings().setValue("window/version", MainWindow::kLayoutVersion - 1);
    {
        MainWindow w(rs::default_scenario(), "test", false);
        w.show();
        REQUIRE(waitFor([&] { return w.lastFrame() != nullptr; }));
        CHECK(w.dockWidgetArea(w.viewDock(MainWindow::View::Swap)) == Qt::LeftDockWidgetArea);
        CHECK(w.findChild<QDockWidget*>("eventLogDock")->isVisible());
    }
    QSettings().clear();
}

TEST_CASE("the Big Picture traces the most recent path into reclaim") {
    using namespace rs;
    // kswapd's pass, then allocations on the fast path: the trace is kswapd's path, whose leaf
    // is the latest call off the fast path.
    std::array<std::uint64_t, NR_KFUNCS> last{};
    std::uint64_t seq = 0;
    for (KFunc f : {F_kswapd, F_balance_pgdat, F_kswapd_shrink_node, F_shrink_node, F_shrink_lruvec, F_get_scan_count,
                    F___alloc_pages, F_get_page_from_freelist})
        last[f] = ++seq;
    CHECK(mostRecentPath(last) == std::vector<KFunc>{F_kswapd, F_balance_pgdat, F_kswapd_shrink_node, F_shrink_node,
                                                       F_shrink_lruvec, F_get_scan_count});
    // Then a direct reclaimer: shrink_node's caller is now shrink_zones, not kswapd_shrink_node.
    for (KFunc f : {F___alloc_pages, F___alloc_pages_slowpath, F___alloc_pages_direct_reclaim, F_try_to_free_pages,
                    F_do_try_to_free_pages, F_shrink_zones, F_shrink_node, F_shrink_lruvec, F_shrink_list,
                    F_shrink_inactive_list, F_shrink_folio_list, F_pageout})
        last[f] = ++seq;
    CHECK(mostRecentPath(last) ==
          std::vector<KFunc>{F___alloc_pages, F___alloc_pages_slowpath, F___alloc_pages_direct_reclaim,
                             F_try_to_free_pages, F_do_try_to_free_pages, F_shrink_zones, F_shrink_node,
                             F_shrink_lruvec, F_shrink_list, F_shrink_inactive_list, F_shrink_folio_list, F_pageout});

    // Live: in the storm the traced path is a chain of real call edges, callers first.
    MainWindow w(find_builtin_scenario("direct-reclaim-storm")->make(), "test", false);
    w.show();
    REQUIRE(runTo(w, 3'000'000'000)); // the views take the frame in the call that makes it the last
    const auto& path = w.bigPictureView()->canvas()->tracedPath();
    std::string names;
    for (KFunc f : path) names += std::string(kfunc_name(f)) + " ";
    INFO(names);
    REQUIRE(path.size() >= 4);
    CHECK((path.front() == F___alloc_pages || path.front() == F_kswapd));
    CHECK(std::find(path.begin(), path.end(), F_shrink_node) != path.end());
    const auto& order = w.lastFrame()->kfunc_last;
    for (std::size_t i = 1; i < path.size(); ++i) CHECK(isCallEdge(path[i - 1], path[i]));
    // Its end is the latest call off the allocator's fast path.
    std::uint64_t latest = 0;
    for (int f = 0; f < NR_KFUNCS; ++f)
        if (f != F___alloc_pages && f != F_get_page_from_freelist && f != F_balance_dirty_pages && f != F_wb_workfn &&
            f != F_workingset_refault)
            latest = std::max(latest, order[static_cast<std::size_t>(f)]);
    CHECK(order[path.back()] == latest);
}

TEST_CASE("long runs keep the plots bounded: the views thin as the recorder does") {
    rs::EngineConfig cfg = rs::find_builtin_scenario("mixed-pressure")->make();
    cfg.max_samples = 2000;
    MainWindow w(cfg, "test", false);
    w.show();
    REQUIRE(waitFor([&] { return w.lastFrame() != nullptr; }));
    for (int s = 5; s <= 60; s += 5) REQUIRE(runTo(w, s * 1'000'000'000LL));
    WatermarkPlot* dma32 = w.watermarkView()->plots().at(1);
    REQUIRE(waitForReplot(dma32));
    REQUIRE(waitForReplot(w.lruView()->plot()));
    // 6001 samples went by; the charts hold about as many points as the recorder keeps, and
    // draw only what the visible range needs.
    const rs::LodSeries& free = dma32->freeSeries();
    CHECK(free.size() <= 2000);
    CHECK(free.size() >= 700);
    CHECK(dma32->freeGraph()->dataCount() <= 2 * dma32->axisRect()->width() + 4);
    CHECK(w.lruView()->plot()->graph(0)->dataCount() <= 2000);
    // Still in time order from 0 to the end, the newest second at full resolution.
    double prev = -1;
    int lastSecond = 0;
    for (std::size_t i = 0; i < free.size(); ++i) {
        REQUIRE(free.time(i) > prev);
        prev = free.time(i);
        lastSecond += free.time(i) > 59.0;
    }
    CHECK(free.time(0) == 0.0);
    CHECK(prev == Approx(60.0));
    CHECK(lastSecond == 100);
}

TEST_CASE("the scenario browser explains a scenario and loads it") {
    QSettings().remove("scenarios/recent");
    MainWindow w(rs::default_scenario(), "test", false);
    w.show();
    REQUIRE(waitFor([&] { return w.lastFrame() != nullptr; }));
    auto* browser = w.scenarioBrowser();
    auto* list = browser->list();
    REQUIRE(list->count() == static_cast<int>(rs::builtin_scenarios().size()));
    const auto* b = rs::find_builtin_scenario("swap-full-oom");
    REQUIRE(b);
    const auto found = list->findItems(QString::fromStdString(b->title.en), Qt::MatchExactly);
    REQUIRE(found.size() == 1);
    list->setCurrentItem(found.front());
    CHECK(browser->details().contains(QString::fromStdString(b->explanation.en).left(60)));
    // The 简体中文 title and teaching text under the English.
    REQUIRE_FALSE(b->title.zh_CN.empty());
    CHECK(browser->details().contains(QString::fromStdString(b->title.zh_CN)));
    CHECK(browser->details().contains(QString::fromStdString(b->explanation.zh_CN).left(30)));
    emit list->itemActivated(found.front());
    REQUIRE(waitFor([&] { return w.lastFrame()->title == b->title.en; }));
    // A file opened once is listed under "Recent files"; one that became invalid says why.
    QTemporaryDir dir;
    const QString path = dir.filePath("mine.json");
    QFile::copy(QString(RS_TEST_DATA) + "/scenarios/good/explicit-zones.json", path);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    REQUIRE(uitest::openScenario(w, path).ok);
    REQUIRE(list->count() == static_cast<int>(rs::builtin_scenarios().size()) + 2);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("{ \"reclaimscope_scenario\": 1, ");
    f.close();
    list->setCurrentRow(list->count() - 1);
    // Read off the UI thread: "Reading…" until the answer comes.
    CHECK(browser->details().contains("Reading"));
    REQUIRE(waitFor([&] { return !browser->isReading(); }));
    CHECK(browser->details().contains("mine.json"));
    CHECK(browser->details().contains("1:"));
    QSettings().remove("scenarios/recent");
}
