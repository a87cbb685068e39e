// The Processes view (issue 15): the table live from the frames, sorting, and the selection
// marking the process on the Watermarks charts and in the slot maps.
#include "CountersView.h"
#include "ProcessTableModel.h"
#include "ProcessesView.h"
#include "SlotMapWidget.h"
#include "SwapView.h"
#include "WatermarkPlot.h"
#include "WatermarkView.h"
#include "window_helpers.h"
#include "scenario/builtin.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QTableView>
#include <QTextBrowser>

using namespace uitest;

TEST_CASE("Processes view: a live sortable table whose selection marks reclaims and swap slots") {
    MainWindow w(rs::find_builtin_scenario("swap-full-oom")->make(), "test", false);
    w.show();
    w.showView(MainWindow::View::Processes);
    ProcessesView* v = w.processesView();
    REQUIRE(runTo(w, 6'000'000'000)); // swapping, before the OOM kill at about 6.9 s
    REQUIRE(waitFor([&] { return w.lastFrame() && !w.lastFrame()->procs.empty(); }));
    const FramePtr f = w.lastFrame();
    // init, kthreadd, kswapd0, the flusher's kworker and the task.
    REQUIRE(v->model()->rowCount() == static_cast<int>(f->nr_procs));
    const rs::ProcRow& hog = f->procs.back();
    CHECK(hog.comm == "hog");
    CHECK(hog.now.swap > 0);
    CHECK(v->model()->index(0, 1).data().toString() == "systemd");
    // The table shows the frame's figures, in MiB.
    const auto* row = v->model()->rowOfPid(hog.pid);
    REQUIRE(row);
    const int hogRow = static_cast<int>(row - v->model()->rows().data());
    CHECK(v->model()->index(hogRow, 5).data().toString() == QString::number(hog.now.swap * 4.0 / 1024, 'f', 1));

    // Sorting by swap, largest first, puts the task on top.
    v->table()->sortByColumn(5, Qt::DescendingOrder);
    CHECK(v->table()->model()->index(0, 1).data().toString() == "hog");

    // It is selected by itself (the most memory); the charts show it.
    REQUIRE(waitFor([&] { return v->selectedPid() == hog.pid; }));
    CHECK(v->memoryPlot()->graph(0)->dataCount() > 100);
    // Its direct reclaims on the charts of its node, and its slots outlined: one per swap entry.
    REQUIRE(waitFor([&] { return w.lastFrame()->sim_time_ns >= 6'000'000'000 && !w.swapView()->maps().empty(); }));
    WatermarkPlot* dma32 = w.watermarkView()->plots().at(1);
    CHECK(dma32->processReclaimGraph()->dataCount() > 0);
    CHECK(dma32->processReclaimGraph()->name() == QString("direct reclaim by hog (%1)").arg(hog.pid));
    SlotMapWidget* map = w.swapView()->maps().front();
    REQUIRE(waitFor([&] { return map->highlightedCells() > 0; }));
    CHECK(map->highlightPid() == hog.pid);
    const rs::ProcRow& last = w.lastFrame()->procs.back();
    CHECK(static_cast<std::uint64_t>(map->highlightedCells()) == last.now.swap);

    // The Counters view's process list: the task's /proc/PID/status, as format_pid_status prints it.
    w.showView(MainWindow::View::Counters);
    REQUIRE(runTo(w, 6'100'000'000)); // a frame with the /proc texts
    QComboBox* list = w.countersView()->processList();
    REQUIRE(waitFor([&] { return list->count() > 0; }));
    CHECK(list->findText(QString("%1 hog").arg(hog.pid)) >= 0);
    list->setCurrentIndex(list->findText(QString("%1 hog").arg(hog.pid)));
    const QString status = w.countersView()->statusPage()->toPlainText();
    CHECK(status.startsWith("Name:\thog\n"));
    CHECK(status.contains(QString("Pid:\t%1\n").arg(hog.pid)));
    CHECK(status.contains("VmSwap:"));

    // After the kill: the row says so, with no figures; its slots are gone.
    REQUIRE(runTo(w, 8'000'000'000));
    REQUIRE(waitFor([&] { return w.lastFrame()->procs.back().state == rs::ProcRow::State::OomKilled; }));
    REQUIRE(waitFor([&] {
        const auto* r = v->model()->rowOfPid(hog.pid);
        return r && r->proc.state == rs::ProcRow::State::OomKilled;
    }));
    const auto* dead = v->model()->rowOfPid(hog.pid);
    const int deadRow = static_cast<int>(dead - v->model()->rows().data());
    CHECK(v->model()->index(deadRow, 2).data().toString() == "OOM-killed");
    CHECK(v->model()->index(deadRow, 3).data().toString() == QString("\u2014"));
    REQUIRE(waitFor([&] { return map->highlightedCells() == 0; }));
}
