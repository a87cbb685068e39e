#include "SimulationController.h"

#include "CrossThread.h"

#include "config/swap_names.h"
#include "mm/swap_state.h"
#include "record/csv.h"
#include "record/sample_text.h"
#include "util/file_io.h"


#include <QFileInfo>

#include <limits>
#include <sstream>

#include <algorithm>

SimulationController::SimulationController(QObject* parent) : QObject(parent), m_timer(this) {
    m_timer.setInterval(kFrameIntervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimulationController::tick);
    m_wall.start();
}

// The last the simulation thread does with our objects (deleteLater when the thread finishes);
// the window's destructor acquires it after QThread::wait (a wait TSan does not see).
SimulationController::~SimulationController() { RS_TSAN_RELEASE(this); }

bool SimulationController::event(QEvent* e) { return CallEvent::handle(this, e) || QObject::event(e); }

void SimulationController::load(const rs::EngineConfig& configIn, const QString& explanation) {
    rs::EngineConfig config = configIn;
    config.max_samples = std::min(config.max_samples, kMaxSamples);
    auto engine = rs::Engine::create(config);
    if (!engine) {
        emit errorOccurred(QString::fromStdString(engine.error()));
        return;
    }
    m_config = config;
    m_explanation = explanation;
    m_host.reset();
    m_recording.reset();
    m_engine = std::move(engine).value();
    ++m_generation;
    m_frameBuilder.restart();
    if (!runGuarded(0)) return; // the first sample, at time 0
    publish();
    if (m_running) play();
}

void SimulationController::watchHost(qint64 intervalNs) {
    auto host = rs::HostWatch::open("/", intervalNs);
    if (!host) {
        emit errorOccurred(tr("Cannot watch this machine: %1").arg(QString::fromStdString(host.error())));
        return;
    }
    m_engine.reset();
    m_recording.reset();
    m_host = std::move(host).value();
    m_hostIntervalNs = intervalNs;
    m_hostClock.start();
    ++m_generation;
    m_pauseAt = -1;
    m_running = true;
    m_timer.start();
    publish();
}

void SimulationController::openRecording(const QString& path) {
    auto rec = rs::read_recording_csv(path.toStdString());
    if (!rec) {
        emit errorOccurred(tr("Cannot open the recording: %1").arg(QString::fromStdString(rec.error())));
        return;
    }
    m_engine.reset();
    m_host.reset();
    m_recording = std::make_unique<rs::Recording>(std::move(rec).value());
    m_recordingPath = path;
    m_running = false;
    m_timer.stop();
    m_pauseAt = -1;
    ++m_generation;
    m_frameBuilder.restart();
    publish();
    if (!m_recording->notes.empty()) {
        QStringList notes;
        for (const auto& n : m_recording->notes) notes << QString::fromStdString(n);
        emit errorOccurred(tr("The recording is shown in part:\n%1").arg(notes.join("\n")));
    }
}

void SimulationController::hostTick() {
    if (!m_running) return;
    auto read = m_host->poll(m_hostClock.nsecsElapsed());
    if (!read) {
        m_running = false;
        m_timer.stop();
        publish();
        emit errorOccurred(tr("Reading this machine failed: %1").arg(QString::fromStdString(read.error())));
        return;
    }
    if (read.value() && m_framesInFlight.load() == 0) {
        m_framesInFlight.fetch_add(1);
        publish();
    }
}

const rs::Recorder* SimulationController::recorder() const {
    if (m_engine) return &m_engine->recorder();
    if (m_host) return &m_host->recorder();
    if (m_recording) return &m_recording->rec;
    return nullptr;
}

bool SimulationController::refuseOnHost() {
    if (m_recording) {
        emit errorOccurred(tr("A recording is only shown: there is no kernel behind it to change or run."));
        return true;
    }
    if (!m_host) return false;
    emit errorOccurred(tr("This machine is only watched: ReclaimScope never changes its settings or its swap."));
    return true;
}

void SimulationController::play() {
    if (m_recording) {
        publish(); // nothing runs: the transport shows paused again
        return;
    }
    if (m_host) {
        // Readings go on from now; the pause is a gap in the charts.
        m_running = true;
        m_timer.start();
        publish();
        return;
    }
    if (!m_engine) return;
    m_running = true;
    m_lastTickNs = m_wall.nsecsElapsed();
    m_rateWallStart = m_lastTickNs;
    m_rateSimStart = m_engine->now();
    m_timer.start();
    publish();
}

void SimulationController::pause() {
    m_running = false;
    m_timer.stop();
    publish();
}

void SimulationController::reset() {
    if (m_recording) return;
    if (m_host) {
        watchHost(m_hostIntervalNs); // a new recording from now
        return;
    }
    if (!m_engine) return;
    const bool wasRunning = m_running;
    m_running = false;
    m_timer.stop();
    load(m_config, m_explanation);
    if (wasRunning) play();
}

void SimulationController::setSpeed(double speed) {
    m_speed = std::max(0.0, speed);
    publish();
}

void SimulationController::writeSysctl(const QString& name, const QString& value) {
    if (refuseOnHost() || !m_engine) return;
    auto w = rs::make_sysctl_write(name.toStdString(), value.toStdString(),
                                   m_engine->kernel().nr_zone_types());
    if (!w) {
        emit errorOccurred(QString::fromStdString(w.error()));
        return;
    }
    m_engine->write_sysctl(w.value());
    // Remember the write so a reset keeps what the user chose.
    m_config.sysctl_writes.push_back(w.value());
    publish();
}

void SimulationController::swapon(const QString& spec) {
    if (refuseOnHost() || !m_engine) return;
    auto d = rs::parse_swap_spec(spec.toStdString(), "");
    if (!d) {
        emit errorOccurred(QString("swapon %1: %2").arg(spec, QString::fromStdString(d.error())));
        return;
    }
    // An unnamed area takes the first default name of its kind that is not in use.
    const rs::SwapSpace& space = m_engine->kernel().swap.space();
    auto taken = [&space](const std::string& n) { return space.find_type(n) >= 0; };
    if (d.value().name.empty() || taken(d.value().name)) d.value().name = rs::first_free_swap_name(d.value().kind, taken);
    auto r = m_engine->swapon(d.value());
    if (!r) {
        emit errorOccurred(QString::fromStdString(r.error()));
        return;
    }
    rs::TimelineAction a;
    a.at_ns = m_engine->now();
    a.kind = rs::TimelineAction::Kind::Swapon;
    a.swap = d.value();
    m_config.timeline.push_back(a);
    publish();
}

void SimulationController::swapoff(const QString& name) {
    if (refuseOnHost() || !m_engine) return;
    auto r = m_engine->swapoff(name.toStdString());
    if (!r) {
        emit errorOccurred(QString::fromStdString(r.error()));
        return;
    }
    rs::TimelineAction a;
    a.at_ns = m_engine->now();
    a.kind = rs::TimelineAction::Kind::Swapoff;
    a.device = name.toStdString();
    m_config.timeline.push_back(a);
    publish();
}

void SimulationController::advance(qint64 ns) {
    if (refuseOnHost() || !m_engine || ns <= 0) return;
    if (!runGuarded(m_engine->now() + ns)) return;
    publish();
}

void SimulationController::stepKswapdPass() {
    if (refuseOnHost() || !m_engine) return;
    const auto& calls = m_engine->kernel().trace.calls;
    const std::uint64_t passes = calls[rs::F_kswapd_shrink_node];
    const std::int64_t limit = m_engine->now() + 60'000'000'000;
    try {
        // To the start of the next pass (kswapd_shrink_node), then through it: until that
        // priority iteration of balance_pgdat() is over.
        if (!m_engine->run_until(limit, [&] { return calls[rs::F_kswapd_shrink_node] > passes; })) {
            publish();
            emit errorOccurred(tr("kswapd started no reclaim pass in 60 simulated seconds: no zone fell to its low "
                               "watermark."));
            return;
        }
        const auto& nodes = m_engine->kernel().machine.nodes;
        m_engine->run_until(limit, [&] {
            for (const auto& n : nodes)
                if (n.kswapd.iteration_started) return false;
            return true; // the priority iteration is over
        });
    } catch (const std::exception& e) {
        m_running = false;
        m_timer.stop();
        publish();
        emit errorOccurred(tr("The simulation stopped: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    publish();
}

void SimulationController::requestMoment(qint64 t_ns) {
    const rs::Recorder* rec = recorder();
    if (!rec) return;
    const auto& samples = rec->samples;
    if (samples.empty()) return;
    auto at = std::upper_bound(samples.begin(), samples.end(), t_ns,
                               [](qint64 t, const rs::Sample& s) { return t < s.t_ns; });
    if (at != samples.begin()) --at;
    auto before = std::upper_bound(samples.begin(), at, at->t_ns - 1'000'000'000,
                                   [](qint64 t, const rs::Sample& s) { return t < s.t_ns; });
    if (before != samples.begin()) --before;
    auto m = std::make_shared<Moment>();
    m->generation = m_generation;
    m->t_ns = t_ns;
    m->sample = *at;
    m->secondBefore = *before;
    m->zones = rec->zones;
    m->sampleText = rs::format_sample(m->sample, m->zones);
    RS_TSAN_RELEASE(m.get());
    emit momentReady(m);
}

void SimulationController::writeCsv(const QString& path, qint64 fromNs, qint64 toNs) {
    const rs::Recorder* rec = recorder();
    if (!rec) {
        emit csvWritten(path, tr("There is no simulation to export."));
        return;
    }
    std::ostringstream csv;
    rs::write_csv(csv, *rec, fromNs, toNs < 0 ? std::numeric_limits<std::int64_t>::max() : toNs);
    const auto bad = rs::write_output_file(path.toStdString(), csv.str());
    QString error = bad ? QString::fromStdString(*bad) : QString();
    if (!error.isEmpty()) error[0] = error[0].toUpper(); // a sentence in a message box
    emit csvWritten(path, error);
}

bool SimulationController::runGuarded(std::int64_t until) {
    try {
        m_engine->run_until(until);
        return true;
    } catch (const std::exception& e) {
        // An invariant check failed (test builds): stop here and say what broke.
        m_running = false;
        m_timer.stop();
        publish();
        emit errorOccurred(tr("The simulation stopped: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
}

void SimulationController::tick() {
    if (m_host) {
        hostTick();
        return;
    }
    if (!m_engine || !m_running) return;
    const qint64 nowNs = m_wall.nsecsElapsed();
    const qint64 wallDt = std::min<qint64>(nowNs - m_lastTickNs, 200'000'000); // cap after a stall
    m_lastTickNs = nowNs;
    // Spend at most ~10 ms of each 16 ms frame simulating, so the thread stays responsive.
    QElapsedTimer budget;
    budget.start();
    const std::int64_t limit = m_pauseAt >= 0 ? m_pauseAt : std::numeric_limits<std::int64_t>::max();
    if (m_speed > 0) {
        const auto target = std::min<std::int64_t>(
            limit, m_engine->now() + static_cast<std::int64_t>(static_cast<double>(wallDt) * m_speed));
        while (m_engine->now() < target && budget.nsecsElapsed() < 10'000'000)
            if (!runGuarded(std::min<std::int64_t>(target, m_engine->now() + 5'000'000))) return;
    } else {
        while (m_engine->now() < limit && budget.nsecsElapsed() < 10'000'000)
            if (!runGuarded(std::min<std::int64_t>(limit, m_engine->now() + 10'000'000))) return;
    }
    if (m_pauseAt >= 0 && m_engine->now() >= m_pauseAt) {
        m_pauseAt = -1;
        pause(); // publishes the frame of that moment
        emit pausedAtLimit();
        return;
    }
    if (nowNs - m_rateWallStart >= 1'000'000'000) {
        m_achieved = static_cast<double>(m_engine->now() - m_rateSimStart) /
                     static_cast<double>(nowNs - m_rateWallStart);
        m_rateWallStart = nowNs;
        m_rateSimStart = m_engine->now();
    }
    if (m_framesInFlight.load() == 0) {
        m_framesInFlight.fetch_add(1);
        publish();
    }
}

void SimulationController::publish() {
    if (m_recording) {
        auto f = std::make_shared<Frame>();
        const rs::Recorder& rec = m_recording->rec;
        f->zones = rec.zones;
        int nodes = 0;
        for (const auto& z : rec.zones) nodes = std::max(nodes, z.node + 1);
        f->nr_zone_types = std::max<int>(1, static_cast<int>(rec.zones.size()) / std::max(1, nodes));
        m_frameBuilder.take_new(rec, {}, *f);
        f->recording = true;
        f->realTime = m_recording->source_value("source").starts_with("this machine");
        f->sim_time_ns = rec.samples.empty() ? 0 : rec.samples.back().t_ns;
        const QString name = QFileInfo(m_recordingPath).fileName();
        const std::string host = m_recording->source_value("host");
        f->title = (host.empty() ? tr("Recording %1").arg(name)
                                 : tr("Recording %1 of %2, %3").arg(name, QString::fromStdString(host),
                                                                   QString::fromStdString(m_recording->source_value("kernel"))))
                       .toStdString();
        // The file's own account of what it recorded (host, kernel, start, interval; or the build).
        for (const auto& line : m_recording->source) f->explanation += (f->explanation.empty() ? "" : "; ") + line;
        f->running = false;
        RS_TSAN_RELEASE(f.get());
        emit frameReady(f);
        return;
    }
    if (m_host) {
        auto f = std::make_shared<Frame>();
        m_host->build(rs::FrameWants{m_procTextsWanted.load(), false}, *f);
        f->generation = m_generation;
        f->realTime = true;
        f->title = tr("This machine: %1, Linux %2")
                       .arg(QString::fromStdString(m_host->info().hostname), QString::fromStdString(m_host->info().release))
                       .toStdString();
        f->running = m_running;
        f->speed = 1.0;
        f->achievedSpeed = 1.0;
        RS_TSAN_RELEASE(f.get());
        emit frameReady(f);
        return;
    }
    if (!m_engine) return;
    auto f = std::make_shared<Frame>();
    m_frameBuilder.build(m_engine->kernel(), m_engine->recorder(),
                         rs::FrameWants{m_procTextsWanted.load(), m_procsWanted.load()}, *f);
    f->generation = m_generation;
    f->title = m_config.title;
    f->explanation = m_explanation.toStdString();
    for (const auto& st : m_engine->task_stats()) {
        f->replayRefs += st.replay_refs;
        f->replayTotal += st.replay_total;
    }
    f->running = m_running;
    f->speed = m_speed;
    f->achievedSpeed = m_achieved;
    RS_TSAN_RELEASE(f.get()); // the receivers acquire it (MainWindow::onFrame): CrossThread.h
    emit frameReady(f);
}
