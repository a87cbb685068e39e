#pragma once
// The transport: play/pause, step one simulated millisecond, step one kswapd pass, reset,
// speed, and the history slider that reviews any recorded moment (Live returns to now).
#include <QToolBar>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QSlider;

class TransportBar : public QToolBar {
    Q_OBJECT
public:
    explicit TransportBar(QWidget* parent = nullptr);

    QAction* playAction() const { return m_play; }
    QAction* stepAction() const { return m_step; }
    QAction* stepPassAction() const { return m_stepPass; }
    QAction* resetAction() const { return m_reset; }
    QAction* liveAction() const { return m_live; }
    QAction* backAction() const { return m_back; }
    QAction* forwardAction() const { return m_forward; }
    QSlider* historySlider() const { return m_history; }
    QComboBox* speedBox() const { return m_speed; }

    bool running() const { return m_running; }
    // The reviewed moment, or none when live.
    std::optional<qint64> moment() const { return m_moment; }
    double speed() const;
    // Chooses a speed of the list (0 = as fast as possible); false if it is not one of them.
    bool setSpeed(double speed);

public slots:
    void setRunning(bool running);
    void setSimTime(qint64 ns);
    // Review the moment t_ns (clamped to the recorded run); emits momentRequested.
    void reviewAt(qint64 t_ns);
    void goLive();
    void resetHistory();

signals:
    void playRequested();
    void pauseRequested();
    void stepRequested(qint64 ns);
    void stepPassRequested();
    void resetRequested();
    void speedChanged(double speed);
    void momentRequested(qint64 t_ns);
    void liveRequested();

private:
    void updateMomentLabel();

    QAction* m_play;
    QAction* m_step;
    QAction* m_stepPass;
    QAction* m_reset;
    QAction* m_live;
    QAction* m_back;
    QAction* m_forward;
    QComboBox* m_speed;
    QSlider* m_history;
    QLabel* m_momentLabel;
    bool m_running = false;
    qint64 m_simTime = 0;
    std::optional<qint64> m_moment;
};
