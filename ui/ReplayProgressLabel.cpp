#include "ReplayProgressLabel.h"

namespace {
QString millions(std::uint64_t n) { return QString::number(static_cast<double>(n) / 1e6, 'f', n < 10'000'000 ? 2 : 1) + " M"; }
} // namespace

ReplayProgressLabel::ReplayProgressLabel(QWidget* parent) : QLabel(parent) {
    setToolTip(tr("Trace replay: references done of one pass of the trace (all replaying tasks), and references per wall second"));
    hide();
    m_clock.start();
}

void ReplayProgressLabel::onFrame(const FramePtr& frame) {
    if (!frame || frame->replayTotal == 0) {
        hide();
        return;
    }
    const qint64 now = m_clock.elapsed();
    if (frame->generation != m_generation || frame->replayRefs < m_lastRefs) { // a new run
        m_generation = frame->generation;
        m_lastRefs = frame->replayRefs;
        m_lastMs = now;
        m_rate = 0;
    } else if (now - m_lastMs >= 500) {
        m_rate = static_cast<double>(frame->replayRefs - m_lastRefs) * 1000.0 / static_cast<double>(now - m_lastMs);
        m_lastRefs = frame->replayRefs;
        m_lastMs = now;
    }
    const std::uint64_t pass = frame->replayRefs / frame->replayTotal;
    const std::uint64_t inPass = frame->replayRefs % frame->replayTotal;
    QString text = tr("Replay %1 / %2 refs").arg(millions(pass && !inPass ? frame->replayTotal : inPass), millions(frame->replayTotal));
    if (pass > 0 && inPass > 0) text += tr(" (pass %1)").arg(pass + 1);
    text += tr(", %1 refs/s").arg(frame->running ? millions(static_cast<std::uint64_t>(m_rate)) : QString("0"));
    setText(text);
    show();
}
