#pragma once
// Helpers of the offscreen window tests.
#include "CrossThread.h"
#include "MainWindow.h"
#include "SimulationController.h"

#include <qcustomplot.h>

#include <QColor>
#include <QImage>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTest>

#include <cstdlib>
#include <functional>
#include <future>

namespace uitest {

// Runs the simulation for ns right away, on its thread, and waits for it (a queued call and a
// std::promise rather than Qt::BlockingQueuedConnection, whose QSemaphore TSan cannot see:
// CrossThread.h).
inline void advance(MainWindow& w, qint64 ns) {
    auto* c = w.controller();
    std::promise<void> done;
    std::future<void> ran = done.get_future();
    postCall(c, [c, ns, &done] {
        c->advance(ns);
        done.set_value();
    });
    ran.wait();
}

inline bool waitFor(const std::function<bool()>& cond, int ms = 5000) { return QTest::qWaitFor(cond, ms); }

// Waits until the chart has replotted from the event loop: a queued replot (merged with one the
// views already queued) and its afterReplot signal. The chart then shows the frames received.
inline bool waitForReplot(QCustomPlot* plot, int ms = 5000) {
    QSignalSpy replotted(plot, &QCustomPlot::afterReplot);
    plot->replot(QCustomPlot::rpQueuedReplot);
    return replotted.wait(ms);
}

// Runs to t_ns and waits until the window has the frame of that moment.
inline bool runTo(MainWindow& w, qint64 t_ns) {
    const qint64 now = w.lastFrame() ? w.lastFrame()->sim_time_ns : 0;
    if (t_ns > now) advance(w, t_ns - now);
    return waitFor([&] { return w.lastFrame() && w.lastFrame()->sim_time_ns >= t_ns; });
}

// What the window answered to an openScenario() (its scenarioOpened signal).
struct Opened {
    bool answered = false; // false: no answer within the time allowed
    bool ok = false;
    QString message;
};

// Opens a scenario file through the window's loader (off the UI thread) and waits for the
// answer, running the event loop meanwhile (as the user's window would).
inline Opened openScenario(MainWindow& w, const QString& path, int ms = 20000) {
    QSignalSpy spy(&w, &MainWindow::scenarioOpened);
    w.openScenario(path);
    if (spy.isEmpty() && !spy.wait(ms)) return {};
    const QList<QVariant> args = spy.takeFirst();
    return {args.at(0).toString() == path, args.at(1).toBool(), args.at(2).toString()};
}

inline int visibleMessageBoxes(MainWindow& w) {
    int n = 0;
    for (auto* box : w.findChildren<QMessageBox*>()) n += box->isVisible();
    return n;
}

inline void closeMessageBoxes(MainWindow& w) {
    for (auto* box : w.findChildren<QMessageBox*>()) box->close();
}

inline int countColor(const QImage& img, QColor c, int tol = 30) {
    int n = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const QColor p = img.pixelColor(x, y);
            if (std::abs(p.red() - c.red()) < tol && std::abs(p.green() - c.green()) < tol &&
                std::abs(p.blue() - c.blue()) < tol)
                ++n;
        }
    return n;
}

} // namespace uitest
