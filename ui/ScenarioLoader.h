#pragma once
// Reads scenario files off the UI thread: the load (rs::load_scenario_file, with its trace scans)
// runs as a task on Qt's thread pool, and the finished, immutable result comes back to this
// object's thread when the task's QFutureWatcher says finished (a signal queued from the pool).
// A rs::LoadControl carries the progress out and the cancel in. The task is our own QRunnable
// rather than QtConcurrent::run, so the hand-over both ways is marked for ThreadSanitizer
// (CrossThread.h): QThreadPool's queue and QFutureInterface's result store are guarded by a
// QMutex it cannot see.
#include "scenario/loader.h"
#include "util/load_control.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

using ScenarioResultPtr = std::shared_ptr<const rs::Result<rs::Scenario>>;

class ScenarioLoader : public QObject {
    Q_OBJECT
public:
    explicit ScenarioLoader(QObject* parent = nullptr);
    // Cancels a load in flight and waits for it (it stops within one trace block), so nothing
    // of it runs after its owner is gone.
    ~ScenarioLoader() override;

    // Starts reading `path`. A load in flight is cancelled and its result dropped: the newer
    // request is the one the user wants now.
    void start(const QString& path);
    // Asks the load in flight to stop; finished() then says cancelled.
    void cancel();
    bool busy() const { return m_control != nullptr; }
    QString path() const { return m_path; }
    // What the load reads now (empty when idle).
    rs::LoadControl::Progress progress() const;

signals:
    // The load of `path` ended: `result` holds the scenario or the message. cancelled: it was
    // stopped by cancel() (the message then says "cancelled"; the caller says it its own way).
    void finished(const QString& path, const ScenarioResultPtr& result, bool cancelled);

private:
    struct Load; // one load's control and result, shared with its pool task
    void onFinished(QFutureWatcher<void>* watcher, const QString& path, const std::shared_ptr<Load>& load);

    QFutureWatcher<void>* m_watcher = nullptr;  // the current load's
    std::shared_ptr<rs::LoadControl> m_control; // the current load's (part of its Load)
    QString m_path;
};
