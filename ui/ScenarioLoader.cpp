#include "ScenarioLoader.h"

#include <QtConcurrent/QtConcurrentRun>

ScenarioLoader::ScenarioLoader(QObject* parent) : QObject(parent) {}

ScenarioLoader::~ScenarioLoader() {
    cancel(); // the older loads were cancelled when start() replaced them
    // Every watcher is a child: the current one and those of replaced loads still running.
    for (auto* w : findChildren<QFutureWatcher<ScenarioResultPtr>*>(Qt::FindDirectChildrenOnly)) {
        w->disconnect(this);
        w->waitForFinished();
    }
}

void ScenarioLoader::start(const QString& path) {
    cancel(); // the older load's watcher drops its result (onFinished: not the current one)
    auto control = std::make_shared<rs::LoadControl>();
    auto* watcher = new QFutureWatcher<ScenarioResultPtr>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, path, control] { onFinished(watcher, path, control); });
    m_watcher = watcher;
    m_control = control;
    m_path = path;
    // The task owns a reference to the control, so it lives until the load ends either way.
    watcher->setFuture(QtConcurrent::run([control, file = path.toStdString()] {
        return std::make_shared<const rs::Result<rs::Scenario>>(rs::load_scenario_file(file, control.get()));
    }));
}

void ScenarioLoader::cancel() {
    if (m_control) m_control->cancel();
}

rs::LoadControl::Progress ScenarioLoader::progress() const { return m_control ? m_control->progress() : rs::LoadControl::Progress{}; }

void ScenarioLoader::onFinished(QFutureWatcher<ScenarioResultPtr>* watcher, const QString& path,
                                const std::shared_ptr<rs::LoadControl>& control) {
    watcher->deleteLater();
    if (watcher != m_watcher) return; // a load that start() replaced: its result is stale
    m_watcher = nullptr;
    m_control.reset();
    m_path.clear();
    const ScenarioResultPtr result = watcher->result();
    // Cancelled counts only if the load failed: one that had finished its last read succeeded.
    emit finished(path, result, !*result && control->cancelled());
}
