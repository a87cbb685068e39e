#pragma once
// Owns the engine on a worker thread. Commands arrive as queued calls and take effect between
// engine slices; results leave as immutable frames, at most 60 per second.
#include "Frame.h"
#include "host/host_watch.h"
#include "record/csv_read.h"
#include "record/frame_builder.h"
#include "sim/engine.h"

#include <QElapsedTimer>

#include <atomic>
#include <QObject>
#include <QTimer>

#include <memory>

class SimulationController : public QObject {
    Q_OBJECT
public:
    explicit SimulationController(QObject* parent = nullptr);
    ~SimulationController() override;

    static constexpr int kFrameIntervalMs = 17; // at most 60 frames per second
    // The window keeps at most this many samples (44 minutes at full resolution, then the older
    // half is thinned: EngineConfig::max_samples), so plots stay fast however long a run is.
    static constexpr std::size_t kMaxSamples = 1 << 18;

public slots:
    // Replaces the simulation with a new configuration, paused at time 0.
    void load(const rs::EngineConfig& config, const QString& explanation);
    // Replaces the simulation with this machine, read every intervalNs through its /proc files
    // (rs::HostWatch); nothing is written to it. Commands that would change it are refused.
    void watchHost(qint64 intervalNs = 100'000'000);
    // Replaces the simulation with a CSV written by --csv or Export Data (a run or a --host
    // recording): every view shows its samples, nothing runs. A file that cannot be read is
    // reported through errorOccurred() and changes nothing; skipped or missing columns too.
    void openRecording(const QString& path);
    void play();
    void pause();
    void reset();
    // Simulated seconds per wall second; 0 runs as fast as the machine allows.
    void setSpeed(double speed);
    // A sysctl write, e.g. ("vm.min_free_kbytes", "3000000"). Bad values are reported through
    // errorOccurred() and change nothing.
    void writeSysctl(const QString& name, const QString& value);
    // sys_swapon with a --swap style spec, sys_swapoff by area name, at the current time. Errors
    // go to errorOccurred(); a reset replays them at the same simulated time.
    void swapon(const QString& spec);
    void swapoff(const QString& name);
    // Runs the simulation for the given simulated time right away (for tests and stepping).
    void advance(qint64 ns);
    // Runs until kswapd of any node starts its next reclaim pass (a priority iteration of
    // balance_pgdat: kswapd_shrink_node) and through that pass; at most 60 simulated seconds.
    void stepKswapdPass();
    // The recorded sample at or before t_ns (scrubbing); answered with momentReady().
    void requestMoment(qint64 t_ns);
    // Playing stops exactly at this simulated time (once); < 0 clears it. Emits pausedAtLimit.
    void setPauseAt(qint64 t_ns) { m_pauseAt = t_ns; }
    // The recorded samples with fromNs <= t <= toNs (toNs < 0: to the end) as CSV, written
    // atomically (QSaveFile); answered with csvWritten (error empty on success).
    void writeCsv(const QString& path, qint64 fromNs, qint64 toNs);

public:
    // The view is done with a frame (thread-safe). While a frame is in flight the timer does not
    // publish another: samples wait in the recorder and travel in the next frame, so a slow
    // UI gets fewer, larger frames instead of a growing queue.
    void frameConsumed() { if (m_framesInFlight.load() > 0) m_framesInFlight.fetch_sub(1); }
    // Whether frames carry the /proc texts (formatting them every frame costs the worker time
    // nobody needs unless the counters view is shown). Thread-safe.
    void setProcTextsWanted(bool wanted) { m_procTextsWanted.store(wanted); }
    // Whether frames carry the process table and the slot owners (the Processes view is shown,
    // or a process is selected). Thread-safe.
    void setProcsWanted(bool wanted) { m_procsWanted.store(wanted); }

protected:
    // Runs the calls other threads queue with postCall (CrossThread.h).
    bool event(QEvent* e) override;

signals:
    void frameReady(FramePtr frame);
    void momentReady(MomentPtr moment);
    void pausedAtLimit();
    void csvWritten(const QString& path, const QString& error);
    void errorOccurred(const QString& message);

private:
    void tick();
    void hostTick();
    const rs::Recorder* recorder() const;
    bool refuseOnHost(); // true (and says why) when watching the host
    void publish();
    bool runGuarded(std::int64_t until);

    std::atomic<int> m_framesInFlight{0};
    std::atomic<bool> m_procTextsWanted{false};
    std::atomic<bool> m_procsWanted{false};
    rs::EngineConfig m_config;
    QString m_explanation;
    std::unique_ptr<rs::Engine> m_engine;
    std::unique_ptr<rs::HostWatch> m_host; // instead of m_engine when watching this machine
    std::unique_ptr<rs::Recording> m_recording; // instead of both when showing a recording
    QString m_recordingPath;
    qint64 m_hostIntervalNs = 100'000'000;
    QElapsedTimer m_hostClock;
    QTimer m_timer;
    QElapsedTimer m_wall;
    qint64 m_lastTickNs = 0;
    bool m_running = false;
    double m_speed = 1.0;
    qint64 m_pauseAt = -1;
    quint64 m_generation = 0;
    rs::FrameBuilder m_frameBuilder; // what the frames have carried so far
    // achieved speed over a sliding second
    qint64 m_rateWallStart = 0;
    std::int64_t m_rateSimStart = 0;
    double m_achieved = 0.0;
};
