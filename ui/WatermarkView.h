#pragma once
// The watermarks view: a chart per populated zone, fed by frames.
#include "Frame.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

#include <vector>

class WatermarkPlot;

class WatermarkView : public QWidget {
    Q_OBJECT
public:
    explicit WatermarkView(QWidget* parent = nullptr);

    void setWindowSeconds(double s) { m_window = s; }
    void setFitAllData(bool all);
    bool fitAllData() const { return m_fitAll; }
    const std::vector<WatermarkPlot*>& plots() const { return m_plots; }
    QString title() const { return m_title; }

public slots:
    void onFrame(const FramePtr& frame);

private:
    void rebuild(const Frame& frame);

    QVBoxLayout* m_layout = nullptr;
    QLabel* m_header = nullptr;
    std::vector<WatermarkPlot*> m_plots;
    quint64 m_generation = 0;
    double m_window = 30.0;
    bool m_fitAll = false;
    QString m_title;
};
