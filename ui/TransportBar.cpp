#include "TransportBar.h"

#include "util/units.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QSlider>
#include <QStyle>

namespace {
constexpr qint64 kSliderUnitNs = 10'000'000; // one recorder sample interval
}

TransportBar::TransportBar(QWidget* parent) : QToolBar(tr("Transport"), parent) {
    setObjectName("transportToolbar");
    m_play = addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Play"));
    m_play->setShortcut(QKeySequence(Qt::Key_Space));
    m_play->setToolTip(tr("Run or pause the simulated kernel (Space)"));
    connect(m_play, &QAction::triggered, this, [this] {
        if (m_running) emit pauseRequested();
        else emit playRequested();
    });
    m_step = addAction(style()->standardIcon(QStyle::SP_MediaSeekForward), tr("Step 1 ms"));
    m_step->setShortcut(QKeySequence(Qt::Key_Period));
    m_step->setToolTip(tr("Pause and run one simulated millisecond (.)"));
    connect(m_step, &QAction::triggered, this, [this] { emit stepRequested(1'000'000); });
    m_stepPass = addAction(style()->standardIcon(QStyle::SP_MediaSkipForward), tr("Step kswapd pass"));
    m_stepPass->setShortcut(QKeySequence("Shift+."));
    m_stepPass->setToolTip(tr("Pause and run until kswapd has done its next reclaim pass: one priority iteration "
                           "of balance_pgdat() (kswapd_shrink_node). Shift+."));
    connect(m_stepPass, &QAction::triggered, this, &TransportBar::stepPassRequested);
    m_reset = addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Reset"));
    m_reset->setShortcut(QKeySequence("Ctrl+R"));
    m_reset->setToolTip(tr("Restart the scenario from time 0, keeping the sysctl values you set (Ctrl+R)"));
    connect(m_reset, &QAction::triggered, this, &TransportBar::resetRequested);
    addSeparator();
    addWidget(new QLabel(tr(" Speed "), this));
    m_speed = new QComboBox(this);
    m_speed->setToolTip(tr("Simulated seconds per wall-clock second"));
    for (double s : {1.0, 2.0, 5.0, 10.0, 50.0}) m_speed->addItem(QString("%1×").arg(s), s);
    m_speed->addItem(tr("As fast as possible"), 0.0);
    const int idx = m_speed->findData(QSettings().value("simulation/speed", 1.0).toDouble());
    if (idx >= 0) m_speed->setCurrentIndex(idx);
    addWidget(m_speed);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this](int) { emit speedChanged(speed()); });
    // Remembered only when the user picks it (not when --speed sets it).
    connect(m_speed, &QComboBox::activated, this, [this](int) { QSettings().setValue("simulation/speed", speed()); });
    addSeparator();

    m_back = new QAction(tr("Back 1 s"), this);
    m_back->setShortcut(QKeySequence("Ctrl+Left"));
    m_back->setToolTip(tr("Review the recorded moment one simulated second earlier (Ctrl+Left)"));
    connect(m_back, &QAction::triggered, this, [this] { reviewAt(m_moment.value_or(m_simTime) - 1'000'000'000); });
    m_forward = new QAction(tr("Forward 1 s"), this);
    m_forward->setShortcut(QKeySequence("Ctrl+Right"));
    m_forward->setToolTip(tr("Review the recorded moment one simulated second later (Ctrl+Right)"));
    connect(m_forward, &QAction::triggered, this, [this] {
        if (m_moment) reviewAt(*m_moment + 1'000'000'000);
    });
    addAction(m_back);
    m_history = new QSlider(Qt::Horizontal, this);
    m_history->setMinimumWidth(260);
    m_history->setRange(0, 0);
    m_history->setToolTip(tr("History: drag back to review a recorded moment. The simulation pauses; the charts "
                          "centre on that moment, the LRU flows and the counters show its recorded values. "
                          "Live (End) returns to now."));
    m_history->setAccessibleName("history");
    addWidget(m_history);
    addAction(m_forward);
    connect(m_history, &QSlider::actionTriggered, this, [this](int) {
        // After the move the slider's sliderPosition holds the new value.
        reviewAt(static_cast<qint64>(m_history->sliderPosition()) * kSliderUnitNs);
    });
    m_live = addAction(style()->standardIcon(QStyle::SP_MediaSkipForward), tr("Live"));
    m_live->setShortcut(QKeySequence(Qt::Key_End));
    m_live->setToolTip(tr("Leave the review and follow the newest data (End)"));
    m_live->setEnabled(false);
    connect(m_live, &QAction::triggered, this, &TransportBar::goLive);
    m_momentLabel = new QLabel(this);
    m_momentLabel->setMinimumWidth(150);
    addWidget(m_momentLabel);
    updateMomentLabel();
}

double TransportBar::speed() const { return m_speed->currentData().toDouble(); }

bool TransportBar::setSpeed(double speed) {
    const int idx = m_speed->findData(speed);
    if (idx < 0) return false;
    m_speed->setCurrentIndex(idx);
    return true;
}

void TransportBar::setRunning(bool running) {
    m_running = running;
    m_play->setText(running ? tr("&Pause") : tr("&Play"));
    m_play->setIcon(style()->standardIcon(running ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void TransportBar::setSimTime(qint64 ns) {
    m_simTime = ns;
    const int max = static_cast<int>(std::min<qint64>(ns / kSliderUnitNs, INT32_MAX));
    const QSignalBlocker b(m_history);
    m_history->setMaximum(max);
    if (!m_moment && !m_history->isSliderDown()) m_history->setValue(max);
    updateMomentLabel();
}

void TransportBar::reviewAt(qint64 t_ns) {
    t_ns = std::clamp<qint64>(t_ns, 0, m_simTime);
    if (m_running) emit pauseRequested(); // the present stands still while the past is reviewed
    m_moment = t_ns;
    {
        const QSignalBlocker b(m_history);
        if (!m_history->isSliderDown()) m_history->setValue(static_cast<int>(t_ns / kSliderUnitNs));
    }
    m_live->setEnabled(true);
    updateMomentLabel();
    emit momentRequested(t_ns);
}

void TransportBar::goLive() {
    if (!m_moment) return;
    m_moment.reset();
    m_live->setEnabled(false);
    {
        const QSignalBlocker b(m_history);
        m_history->setValue(m_history->maximum());
    }
    updateMomentLabel();
    emit liveRequested();
}

void TransportBar::resetHistory() {
    m_moment.reset();
    m_live->setEnabled(false);
    m_simTime = 0;
    const QSignalBlocker b(m_history);
    m_history->setRange(0, 0);
    updateMomentLabel();
}

void TransportBar::updateMomentLabel() {
    m_momentLabel->setText(m_moment ? tr(" reviewing %1 ").arg(QString::fromStdString(rs::format_duration(*m_moment)))
                                    : tr(" live "));
    m_momentLabel->setStyleSheet(m_moment ? "color:#e67800; font-weight:bold;" : "");
}
