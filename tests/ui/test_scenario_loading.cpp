// The window reads scenario files off its UI thread: every file of the hostile-input corpus
// gives the CLI's message and leaves the run alone, a long load shows a progress dialog whose
// Cancel stops it, a second open replaces the first, closing the window mid-load is safe, and
// the scenario browser's preview of a recent file drops a late answer.
#include "LoadProgress.h"
#include "ScenarioBrowser.h"
#include "ScenarioLoader.h"
#include "window_helpers.h"

#include "scenario/builtin.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>

#include <memory>

using namespace uitest;

namespace {

const QString kData = QString(RS_TEST_DATA) + "/scenarios";

// A scenario whose replay trace is big.trace, a text trace of about 192 MiB: its scan takes a
// few hundred ms (text is parsed at roughly 0.5-1 GB/s), long enough to cancel in. Written once
// per test run.
QString bigTraceScenario() {
    static QTemporaryDir dir;
    static const QString json = [] {
        // 1 MiB of lines "PPPPPPP\n" (pages below 10^7), written 192 times.
        QByteArray block;
        for (int i = 0; block.size() < (1 << 20) - 8; ++i)
            block += QByteArray::number((static_cast<qint64>(i) * 2654435761LL) % 9'999'991).rightJustified(7, '0') + '\n';
        QFile trace(dir.filePath("big.trace"));
        REQUIRE(trace.open(QIODevice::WriteOnly));
        for (int i = 0; i < 192; ++i) REQUIRE(trace.write(block) == block.size());
        trace.close();
        QFile f(dir.filePath("big.json"));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(R"({
  "reclaimscope_scenario": 1,
  "title": "A big trace",
  "machine": {"ram": "256M", "cpus": 1},
  "tasks": [{"name": "app", "phases": [{"replay": "big.trace", "rate": 10000}]}],
  "duration": "1s"
})");
        return f.fileName();
    }();
    return json;
}

// How long the whole load of bigTraceScenario() takes here, through the loader, uncancelled. A
// cancel must answer in under half of it (it takes a few ms): one that only took effect after
// the scan (at the engine's creation) would take about all of it.
qint64 fullLoadMs() {
    static const qint64 ms = [] {
        ScenarioLoader loader;
        QSignalSpy spy(&loader, &ScenarioLoader::finished);
        QElapsedTimer clock;
        clock.start();
        loader.start(bigTraceScenario());
        REQUIRE(spy.wait(60000));
        const auto result = spy.front().at(1).value<ScenarioResultPtr>();
        REQUIRE(result);
        REQUIRE(*result); // the file is valid: only a cancel stops its load
        return clock.elapsed();
    }();
    return ms;
}

// The window on the default scenario, paused at 2 s.
std::unique_ptr<MainWindow> windowAt2s() {
    auto w = std::make_unique<MainWindow>(rs::default_scenario(), "test", false);
    w->show();
    REQUIRE(waitFor([&] { return w->lastFrame() != nullptr; }));
    advance(*w, 2'000'000'000);
    REQUIRE(waitFor([&] { return w->lastFrame()->sim_time_ns == 2'000'000'000; }));
    return w;
}

// The run is the one it was at 2 s, and it goes on from there.
void checkRunUntouched(MainWindow& w, quint64 generation) {
    CHECK(w.lastFrame()->generation == generation);
    advance(w, 100'000'000);
    REQUIRE(waitFor([&] { return w.lastFrame()->sim_time_ns == 2'100'000'000; }));
    CHECK(w.lastFrame()->generation == generation);
    CHECK(w.lastFrame()->title == rs::default_scenario().title);
}

} // namespace

TEST_CASE("every malformed scenario of the corpus is refused by the window with the CLI's message") {
    auto w = windowAt2s();
    const quint64 generation = w->lastFrame()->generation;
    const QStringList files = QDir(kData + "/bad").entryList({"*.json"}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        const QString path = kData + "/bad/" + name;
        INFO(path.toStdString());
        // The expectation the CLI test greps its stderr for (tests/cli/cli_test.sh).
        QFile expectFile(QString(path).replace(".json", ".expect"));
        REQUIRE(expectFile.open(QIODevice::ReadOnly));
        const QString expect = QString::fromUtf8(expectFile.readAll()).trimmed();
        REQUIRE_FALSE(expect.isEmpty());
        const Opened r = openScenario(*w, path);
        REQUIRE(r.answered);
        CHECK_FALSE(r.ok);
        INFO(r.message.toStdString());
        CHECK(r.message.startsWith(path)); // names the file first, as the CLI does
        CHECK(r.message.contains(expect));
        // What onError showed: the status bar, lastError() and a message box.
        CHECK(w->lastError() == r.message);
        CHECK(w->statusBar()->currentMessage() == r.message);
        CHECK(visibleMessageBoxes(*w) == 1);
        closeMessageBoxes(*w);
        CHECK(w->lastFrame()->generation == generation);
    }
    // Every expectation belongs to a file that was run, as the CLI test checks.
    CHECK(files.size() == QDir(kData + "/bad").entryList({"*.expect"}, QDir::Files).size());
    CHECK(files.size() >= 25);
    checkRunUntouched(*w, generation);
}

TEST_CASE("a quick load shows no progress dialog") {
    auto w = windowAt2s();
    REQUIRE(w->loadProgress()->showAfterMs() == 300);
    bool shown = false;
    QElapsedTimer clock;
    clock.start();
    QSignalSpy spy(w.get(), &MainWindow::scenarioOpened);
    w->openScenario(kData + "/good/replay.json");
    CHECK(w->isLoading());
    while (spy.isEmpty() && clock.elapsed() < 20000) {
        QTest::qWait(5);
        if (auto* d = w->loadProgress()->dialog(); d && d->isVisible()) shown = true;
    }
    REQUIRE(spy.size() == 1);
    CHECK(spy.front().at(1).toBool());
    // Only meaningful when the load was quick (a loaded machine can make it slow).
    if (clock.elapsed() < 250) CHECK_FALSE(shown);
    else WARN("the load took " << clock.elapsed() << " ms: not a quick one");
    CHECK_FALSE(w->isLoading());
    REQUIRE(waitFor([&] { return w->lastFrame()->title == "Replay a page-access trace"; }));
}

TEST_CASE("Cancel in the progress dialog stops a long load and the run stays") {
    const QString big = bigTraceScenario();
    const qint64 full = fullLoadMs();
    auto w = windowAt2s();
    const quint64 generation = w->lastFrame()->generation;
    w->loadProgress()->setShowAfterMs(0); // at once: the scan lasts only a few hundred ms
    QSignalSpy spy(w.get(), &MainWindow::scenarioOpened);
    w->openScenario(big);
    QProgressDialog* dialog = nullptr;
    REQUIRE(waitFor([&] { return (dialog = w->loadProgress()->dialog()) && dialog->isVisible(); }));
    CHECK(dialog->windowModality() == Qt::WindowModal);
    CHECK(dialog->labelText().startsWith("Reading")); // "Reading…" until the worker names a file
    auto* cancel = dialog->findChild<QPushButton*>();
    REQUIRE(cancel);
    QElapsedTimer clock;
    clock.start();
    cancel->click();
    REQUIRE(spy.wait(10000));
    // Had the scan gone on to the end, the file (a valid one) would have loaded: ok.
    CHECK(spy.front().at(0).toString() == big);
    CHECK_FALSE(spy.front().at(1).toBool());
    CHECK(spy.front().at(2).toString() == "Loading cancelled");
    INFO("cancelled in " << clock.elapsed() << " ms; the whole load takes " << full << " ms");
    CHECK(clock.elapsed() < full / 2); // the scan stopped within a block, not at its end
    CHECK(w->statusBar()->currentMessage() == "Loading cancelled");
    CHECK(w->lastError().isEmpty()); // a cancel is no error: no message box
    CHECK(visibleMessageBoxes(*w) == 0);
    CHECK_FALSE(w->isLoading());
    REQUIRE(waitFor([&] { return w->loadProgress()->dialog() == nullptr; }));
    checkRunUntouched(*w, generation);
}

TEST_CASE("the progress dialog names the trace it reads and how far it is") {
    rs::LoadControl c;
    CHECK(LoadProgress::label(c.progress()) == "Reading\u2026");
    c.start_file("trace big.trace", 512ull << 20);
    c.add_bytes(120ull << 20);
    CHECK(LoadProgress::label(c.progress()) == "Reading trace big.trace: 120.0 MiB of 512.0 MiB");
    c.start_file("scenario s.json", 0);
    c.add_bytes(2048);
    CHECK(LoadProgress::label(c.progress()) == "Reading scenario s.json: 2.0 KiB");
}

TEST_CASE("a second open cancels the load in flight and the second file loads") {
    const QString big = bigTraceScenario();
    auto w = windowAt2s();
    QSignalSpy spy(w.get(), &MainWindow::scenarioOpened);
    w->openScenario(big);
    const QString good = kData + "/good/replay.json";
    w->openScenario(good);
    // The first is answered at once; its scan is stopped and its result dropped.
    REQUIRE(spy.size() == 1);
    CHECK(spy.front().at(0).toString() == big);
    CHECK(spy.front().at(2).toString() == "Loading cancelled");
    REQUIRE(spy.wait(20000));
    REQUIRE(spy.size() == 2);
    CHECK(spy.at(1).at(0).toString() == good);
    CHECK(spy.at(1).at(1).toBool());
    REQUIRE(waitFor([&] { return w->lastFrame()->title == "Replay a page-access trace"; }));
    // No late answer of the first comes after.
    QTest::qWait(800);
    CHECK(spy.size() == 2);
    CHECK(w->lastFrame()->title == "Replay a page-access trace");
}

TEST_CASE("closing the window during a load stops the load") {
    const QString big = bigTraceScenario();
    const qint64 full = fullLoadMs();
    auto w = windowAt2s();
    w->openScenario(big);
    QTest::qWait(20); // the scan has started (or is about to)
    REQUIRE(w->isLoading());
    QElapsedTimer clock;
    clock.start();
    w.reset(); // cancels and waits for the load: within one 1 MiB block
    INFO("closed in " << clock.elapsed() << " ms; the whole load takes " << full << " ms");
    CHECK(clock.elapsed() < full / 2);
    QTest::qWait(50); // a queued answer of the dead window's load would run here
}

TEST_CASE("the browser reads a recent file's preview off the UI thread and drops a late answer") {
    const QString big = bigTraceScenario();
    const QString good = kData + "/good/replay.json";
    QSettings().setValue("scenarios/recent", QStringList{big, good});
    MainWindow w(rs::default_scenario(), "test", false);
    w.show();
    auto* browser = w.scenarioBrowser();
    auto* list = browser->list();
    const int builtins = static_cast<int>(rs::builtin_scenarios().size());
    REQUIRE(list->count() == builtins + 3); // the header and the two files
    list->setCurrentRow(builtins + 1); // big.json
    CHECK(browser->details().contains("big.json"));
    CHECK(browser->details().contains("Reading"));
    CHECK(browser->isReading());
    list->setCurrentRow(builtins + 2); // replay.json, before big.json's answer
    REQUIRE(waitFor([&] { return !browser->isReading(); }));
    CHECK(browser->details().contains("Replay a page-access trace"));
    QTest::qWait(800); // big.json's scan was cancelled; were it not, its answer would come now
    CHECK(browser->details().contains("Replay a page-access trace"));
    CHECK_FALSE(browser->details().contains("A big trace"));
    QSettings().remove("scenarios/recent");
}

TEST_CASE("File New Scenario from This Machine writes this machine's scenario and opens it") {
    if (!QFile::exists("/proc/zoneinfo")) {
        WARN("/proc/zoneinfo is absent here: no machine to clone");
        return;
    }
    auto w = windowAt2s();
    const quint64 generation = w->lastFrame()->generation;
    // The menu entry, with the tips a user sees.
    QAction* entry = nullptr;
    for (auto* a : w->findChildren<QAction*>())
        if (a->text() == "&New Scenario from This Machine…") entry = a;
    REQUIRE(entry);
    CHECK(entry->statusTip().contains("/proc"));
    CHECK(entry->toolTip() == entry->statusTip());

    QTemporaryDir dir;
    // A folder that does not exist: nothing is written, the message names the file, the run stays.
    const QString missing = dir.filePath("no-such-folder/this-machine.json");
    const QString error = w->newScenarioFromHost(missing);
    INFO(error.toStdString());
    CHECK(error.contains(missing));
    CHECK(w->lastError() == error);
    CHECK(visibleMessageBoxes(*w) == 1);
    closeMessageBoxes(*w);
    CHECK_FALSE(QFile::exists(missing));
    CHECK(w->lastFrame()->generation == generation);

    const QString path = dir.filePath("this-machine.json");
    QSignalSpy spy(w.get(), &MainWindow::scenarioOpened);
    CHECK(w->newScenarioFromHost(path).isEmpty());
    REQUIRE((!spy.isEmpty() || spy.wait(20000)));
    CHECK(spy.front().at(0).toString() == path);
    CHECK(spy.front().at(1).toBool());
    CHECK(QFile::exists(path));
    REQUIRE(waitFor([&] { return w->lastFrame()->generation != generation; }));
    CHECK(QString::fromStdString(w->lastFrame()->title).startsWith("This machine: "));
}
