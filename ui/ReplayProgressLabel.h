#pragma once
// A status-bar label for trace replays: references done / total of one pass, the pass, and the
// replay rate in references per wall second. Hidden when no task replays a trace.
#include "Frame.h"

#include <QElapsedTimer>
#include <QLabel>

class ReplayProgressLabel : public QLabel {
    Q_OBJECT
public:
    explicit ReplayProgressLabel(QWidget* parent = nullptr);
    void onFrame(const FramePtr& frame);

private:
    QElapsedTimer m_clock;
    quint64 m_generation = ~quint64{0};
    std::uint64_t m_lastRefs = 0;
    qint64 m_lastMs = 0;
    double m_rate = 0; // references per wall second, over the last half second or more
};
