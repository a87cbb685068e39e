#include "ScenarioLoader.h"

#include "CrossThread.h"

#include <QPromise>
#include <QRunnable>
#include <QThreadPool>

#include <exception>
#include <string>
#include <utility>

struct ScenarioLoader::Load {
    rs::LoadControl control;
    ScenarioResultPtr result; // set by the task before it reports finished
};

namespace {

// Runs on a pool thread; QThreadPool deletes it there afterwards. (A template only so that it may
// name the loader's private Load.)
template <class Load> class LoadTask final : public QRunnable {
public:
    LoadTask(std::shared_ptr<Load> load, std::string file, QPromise<void> promise)
        : m_load(std::move(load)), m_file(std::move(file)), m_promise(std::move(promise)) {}

    void run() override {
        RS_TSAN_ACQUIRE(this); // built on the UI thread (ScenarioLoader::start)
        m_promise.start();
        try {
            m_load->result = std::make_shared<const rs::Result<rs::Scenario>>(rs::load_scenario_file(m_file, &m_load->control));
        } catch (const std::exception& e) {
            m_load->result = std::make_shared<const rs::Result<rs::Scenario>>(rs::Result<rs::Scenario>::failure(e.what()));
        } catch (...) { // nothing may escape a pool thread (it would terminate the program)
            m_load->result = std::make_shared<const rs::Result<rs::Scenario>>(
                rs::Result<rs::Scenario>::failure(m_file + ": the load failed with an unknown error"));
        }
        RS_TSAN_RELEASE(m_load.get()); // read on the UI thread (ScenarioLoader::onFinished)
        m_promise.finish();
    }

private:
    std::shared_ptr<Load> m_load;
    std::string m_file;
    QPromise<void> m_promise;
};

} // namespace

ScenarioLoader::ScenarioLoader(QObject* parent) : QObject(parent) {}

ScenarioLoader::~ScenarioLoader() {
    cancel(); // the older loads were cancelled when start() replaced them
    // Every watcher is a child: the current one and those of replaced loads still running.
    for (auto* w : findChildren<QFutureWatcher<void>*>(Qt::FindDirectChildrenOnly)) {
        w->disconnect(this);
        w->waitForFinished();
    }
}

void ScenarioLoader::start(const QString& path) {
    cancel(); // the older load's watcher drops its result (onFinished: not the current one)
    auto load = std::make_shared<Load>();
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path, load] { onFinished(watcher, path, load); });
    m_watcher = watcher;
    m_control = std::shared_ptr<rs::LoadControl>(load, &load->control);
    m_path = path;
    // The task owns a reference to the load, so the control lives until the load ends either way.
    QPromise<void> promise;
    watcher->setFuture(promise.future());
    auto* task = new LoadTask<Load>(load, path.toStdString(), std::move(promise));
    RS_TSAN_RELEASE(task);
    QThreadPool::globalInstance()->start(task);
}

void ScenarioLoader::cancel() {
    if (m_control) m_control->cancel();
}

rs::LoadControl::Progress ScenarioLoader::progress() const { return m_control ? m_control->progress() : rs::LoadControl::Progress{}; }

void ScenarioLoader::onFinished(QFutureWatcher<void>* watcher, const QString& path, const std::shared_ptr<Load>& load) {
    watcher->deleteLater();
    if (watcher != m_watcher) return; // a load that start() replaced: its result is stale
    m_watcher = nullptr;
    m_control.reset();
    m_path.clear();
    RS_TSAN_ACQUIRE(load.get());
    ScenarioResultPtr result = load->result;
    if (!result) // the pool dropped the task without running it (it does not, but say so if it did)
        result = std::make_shared<const rs::Result<rs::Scenario>>(rs::Result<rs::Scenario>::failure("the load did not run"));
    // Cancelled counts only if the load failed: one that had finished its last read succeeded.
    emit finished(path, result, !*result && load->control.cancelled());
}
